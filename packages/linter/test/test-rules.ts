import { z } from 'zod';
import { defineRule, type Rule } from '../src/rule.js';

/** Reports every `TODO` in the source, with a fix that writes `DONE`: a small rule to drive the engine. */
export const todoRule = defineRule({
  id: 'test/todo',
  description: 'Forbid TODO markers',
  severity: 'warning',
  fixable: true,
  messages: { todo: 'Unexpected `TODO`, expected `DONE`' },
  options: z.object({ word: z.string().default('TODO') }).strict(),
  check(document, context) {
    for (const match of document.source.matchAll(new RegExp(context.options.word, 'g'))) {
      const start = match.index;
      const end = start + match[0].length;
      context.report({ messageId: 'todo', place: document.location.position(start, end), fix: { range: [start, end], text: 'DONE' } });
    }
  },
});

/** Reports every `DONE` as an error, without a fix. */
export const doneRule = defineRule({
  id: 'test/done',
  description: 'Forbid DONE markers',
  severity: 'error',
  fixable: false,
  messages: { done: 'Unexpected `DONE`' },
  options: z.object({}).strict(),
  check(document, context) {
    for (const match of document.source.matchAll(/DONE/g)) context.report({ messageId: 'done', place: document.location.position(match.index, match.index + 4) });
  },
});

/** Always throws. */
export const crashingRule = defineRule({
  id: 'test/crash',
  description: 'Crash',
  severity: 'error',
  fixable: false,
  messages: {},
  options: z.object({}).strict(),
  check() {
    throw new Error('boom');
  },
});

/** Reports a fix although it is not fixable. */
export const sneakyFixRule = defineRule({
  id: 'test/sneaky-fix',
  description: 'Report a fix while not fixable',
  severity: 'warning',
  fixable: false,
  messages: {},
  options: z.object({}).strict(),
  check(document, context) {
    context.report({ message: 'Unexpected text', place: document.location.position(0, 1), fix: { range: [0, 1], text: 'X' } });
  },
});

/** Replaces `ab` with `b` and `bc` with `c`: overlapping fixes that need two passes. */
export const overlapRule = defineRule({
  id: 'test/overlap',
  description: 'Shrink pairs',
  severity: 'warning',
  fixable: true,
  messages: {},
  options: z.object({}).strict(),
  check(document, context) {
    for (const [pair, text] of [['ab', 'b'], ['bc', 'c']] as const) {
      for (const match of document.source.matchAll(new RegExp(pair, 'g'))) {
        context.report({ message: `Unexpected \`${pair}\``, place: document.location.position(match.index, match.index + 2), fix: { range: [match.index, match.index + 2], text } });
      }
    }
  },
});

/** Offers to delete each `TODO` (a suggestion, never applied by `--fix`), and fixes `teh` to `the`. */
export const suggestingRule = defineRule({
  id: 'test/suggesting',
  description: 'Offer to remove TODO',
  severity: 'warning',
  fixable: true,
  hasSuggestions: true,
  messages: { todo: 'Unexpected `TODO`', remove: 'Remove `{{word}}`', typo: 'Unexpected `teh`' },
  options: z.object({}).strict(),
  check(document, context) {
    for (const match of document.source.matchAll(/TODO/g)) {
      const range: [number, number] = [match.index, match.index + 4];
      context.report({ messageId: 'todo', place: document.location.position(...range), suggest: [{ messageId: 'remove', data: { word: 'TODO' }, fix: { range, text: '' } }, { desc: 'Write DONE instead', fix: [{ range: [range[0], range[0] + 1], text: 'D' }, { range: [range[0] + 2, range[1]], text: 'NE' }] }] });
    }
    for (const match of document.source.matchAll(/teh/g)) context.report({ messageId: 'typo', place: document.location.position(match.index, match.index + 3), fix: { range: [match.index, match.index + 3], text: 'the' } });
  },
});

/** Offers a suggestion without declaring `hasSuggestions`. */
export const undeclaredSuggestionRule = defineRule({
  id: 'test/undeclared-suggestion',
  description: 'Suggest while not declaring it',
  severity: 'warning',
  fixable: false,
  messages: {},
  options: z.object({}).strict(),
  check(document, context) {
    context.report({ message: 'Unexpected text', place: document.location.position(0, 1), suggest: [{ desc: 'Drop it', fix: { range: [0, 1], text: '' } }] });
  },
});

export const testRules: readonly Rule<any>[] = [todoRule, doneRule];
