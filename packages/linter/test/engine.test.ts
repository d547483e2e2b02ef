import { describe, expect, it } from 'vitest';
import { parseDocument } from '@qadocs/parser';
import { applyFixes } from '../src/engine/apply-fixes.js';
import { fixSource } from '../src/engine/fix-source.js';
import { lintParsed } from '../src/engine/lint-parsed.js';
import { resolveConfig } from '../src/config/resolve-config.js';
import { ConfigError } from '../src/config/config-error.js';
import { DEFAULT_SETTINGS } from '../src/config/settings.js';
import { lintSource } from '../src/lint-source.js';
import { defineRule, type Rule } from '../src/rule.js';
import { z } from 'zod';
import { crashingRule, doneRule, overlapRule, sneakyFixRule, suggestingRule, testRules, todoRule, undeclaredSuggestionRule } from './test-rules.js';
import { createLintResult } from '../src/reporters/lint-result.js';
import { toEslintJson } from '../src/reporters/json.js';
import { toSarif } from '../src/reporters/sarif.js';

function lint(source: string, rules: readonly Rule<any>[] = [todoRule]) {
  const parsed = parseDocument(source, { path: 'doc.md', root: '.' });
  return lintParsed(
    parsed,
    rules.map((rule) => ({ rule, severity: rule.severity, options: rule.options.parse({}) })),
    DEFAULT_SETTINGS,
  );
}

const lines = (diagnostics: ReturnType<typeof lint>) => diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.ruleId}`);

describe('inline directives', () => {
  it('disable … enable silences the lines between, for the named rule only', () => {
    const source = ['TODO one', '', '<!-- qadocs-disable test/todo -->', '', 'TODO two DONE', '', '<!-- qadocs-enable test/todo -->', '', 'TODO three'].join('\n');
    expect(lines(lint(source, [todoRule, doneRule]))).toEqual(['1:test/todo', '5:test/done', '9:test/todo']);
  });

  it('disable without enable runs to the end of the file', () => {
    const source = ['TODO one', '', '<!-- qadocs-disable test/todo -->', '', 'TODO two', '', 'TODO three'].join('\n');
    expect(lines(lint(source))).toEqual(['1:test/todo']);
  });

  it('disable-next-line silences only the next line', () => {
    const source = ['<!-- qadocs-disable-next-line test/todo -->', 'TODO one', 'TODO two'].join('\n');
    expect(lines(lint(source))).toEqual(['3:test/todo']);
  });

  it('disable-file silences the rule everywhere, wherever the comment is', () => {
    const source = ['TODO one DONE', '', 'TODO two', '', '<!-- qadocs-disable-file test/todo -->'].join('\n');
    expect(lines(lint(source, [todoRule, doneRule]))).toEqual(['1:test/done']);
  });

  it('a directive without rule ids applies to all rules', () => {
    const source = ['TODO DONE', '', '<!-- qadocs-disable -->', '', 'TODO DONE', '', '<!-- qadocs-enable -->', '', 'TODO DONE'].join('\n');
    expect(lines(lint(source, [todoRule, doneRule]))).toEqual(['1:test/todo', '1:test/done', '9:test/todo', '9:test/done']);
  });

  it('several rule ids in one directive, comma or space separated', () => {
    const source = ['<!-- qadocs-disable-next-line test/todo, test/done -->', 'TODO DONE', 'DONE'].join('\n');
    expect(lines(lint(source, [todoRule, doneRule]))).toEqual(['3:test/done']);
  });
});

describe('fixes', () => {
  it('applyFixes applies non-overlapping fixes in one pass and leaves overlapping ones for the next', () => {
    const source = 'abc';
    const diagnostics = lint(source, [overlapRule]);
    expect(diagnostics.map((diagnostic) => diagnostic.fix)).toEqual([
      { range: [0, 2], text: 'b' },
      { range: [1, 3], text: 'c' },
    ]);
    expect(applyFixes(source, diagnostics)).toEqual({ output: 'bc', applied: 1, skipped: 1 });
  });

  it('fixSource runs passes until nothing is left to fix', () => {
    const result = fixSource('abc', (text) => {
      const parsed = parseDocument(text, { path: 'doc.md', root: '.' });
      return { parsed, diagnostics: lintParsed(parsed, [{ rule: overlapRule, severity: 'warning', options: {} }], DEFAULT_SETTINGS) };
    });
    expect(result.output).toBe('c');
    expect(result.passes).toBe(2);
    expect(result.changed).toBe(true);
    expect(result.diagnostics).toEqual([]);
  });

  it('identical edits from two reports are applied once', () => {
    const fix = { range: [0, 1] as [number, number], text: 'X' };
    const diagnostics = lint('TODO', [todoRule]).map((diagnostic) => ({ ...diagnostic, fix }));
    expect(applyFixes('TODO', [...diagnostics, ...diagnostics]).output).toBe('XODO');
  });

  it('a fix reported by a rule that is not fixable is refused, as a crash of that rule', () => {
    const diagnostics = lint('Some text.', [sneakyFixRule, todoRule]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'test/sneaky-fix', severity: 2 });
    expect(diagnostics[0]!.message).toContain('Unexpected fix from rule `test/sneaky-fix`, which is not `fixable`');
    expect(diagnostics[0]!.fix).toBeUndefined();
  });
});

describe('suggestions', () => {
  const source = 'TODO: fix teh text\n';
  const lintSuggesting = (text: string) => {
    const parsed = parseDocument(text, { path: 'doc.md', root: '.' });
    return { parsed, diagnostics: lintParsed(parsed, [{ rule: suggestingRule, severity: 'warning', options: {} }], DEFAULT_SETTINGS) };
  };

  it('a report carries its suggestions with their descriptions and merged edits, beside no fix', () => {
    const [todo, typo] = lintSuggesting(source).diagnostics;
    expect(todo!.fix).toBeUndefined();
    expect(todo!.suggestions).toEqual([
      { desc: 'Remove `TODO`', messageId: 'remove', fix: { range: [0, 4], text: '' } },
      { desc: 'Write DONE instead', fix: { range: [0, 4], text: 'DONE' } },
    ]);
    expect(typo!.suggestions).toBeUndefined();
    expect(typo!.fix).toEqual({ range: [10, 13], text: 'the' });
  });

  it('--fix applies fixes only, never a suggestion', () => {
    const fixed = fixSource(source, lintSuggesting);
    expect(fixed.output).toBe('TODO: fix the text\n');
    expect(fixed.diagnostics.map((diagnostic) => diagnostic.message)).toEqual(['Unexpected `TODO`']);
  });

  it('a suggestion does not make a problem fixable; the JSON report lists it as ESLint does, SARIF does not', () => {
    const { diagnostics } = lintSuggesting(source);
    const result = createLintResult('/repo/doc.md', diagnostics);
    expect(result).toMatchObject({ warningCount: 2, fixableWarningCount: 1 });
    const [json] = toEslintJson([result]);
    expect(json!.messages[0]!.suggestions).toEqual([
      { desc: 'Remove `TODO`', messageId: 'remove', fix: { range: [0, 4], text: '' } },
      { desc: 'Write DONE instead', fix: { range: [0, 4], text: 'DONE' } },
    ]);
    expect(json!.messages[0]).not.toHaveProperty('fix');
    expect(json!.messages[1]).not.toHaveProperty('suggestions');
    const sarifResults = toSarif([result], { cwd: '/repo' }).runs[0]!.results;
    expect(sarifResults.map((entry: { fixes?: unknown[] }) => entry.fixes?.length ?? 0)).toEqual([0, 1]);
  });

  it('a suggestion from a rule that does not declare hasSuggestions is refused, as a crash of that rule', () => {
    const diagnostics = lint('Some text.', [undeclaredSuggestionRule]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toContain('Unexpected suggestion from rule `test/undeclared-suggestion`, which does not declare `hasSuggestions`');
    expect(diagnostics[0]!.suggestions).toBeUndefined();
  });
});

describe('rule failures', () => {
  it('a rule that throws becomes an error with its rule id and the cause, and the other rules still run', () => {
    const diagnostics = lint('TODO here', [crashingRule, todoRule]);
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity, diagnostic.line])).toEqual([
      ['test/crash', 2, 1],
      ['test/todo', 1, 1],
    ]);
    expect(diagnostics[0]!.message).toBe('Unexpected crash in rule `test/crash`: boom; please report it with this file');
  });
});

describe('configuration drives the engine', () => {
  const lintWith = (raw: unknown, filePath = 'content/notes/a.md', source = 'TODO and DONE') => {
    const config = resolveConfig(raw, { rules: testRules, baseDirectory: '/project' });
    return lintSource(source, { filePath: `/project/${filePath}`, config }).result.messages.map((diagnostic) => `${diagnostic.ruleId}:${diagnostic.severity}`);
  };

  it('the recommended preset uses each rule default severity', () => {
    expect(lintWith({})).toEqual(['test/todo:1', 'test/done:2']);
  });

  it('strict raises warnings to errors', () => {
    expect(lintWith({ extends: 'strict' })).toEqual(['test/todo:2', 'test/done:2']);
    expect(lintWith({ extends: ['recommended', 'strict'] })).toEqual(['test/todo:2', 'test/done:2']);
  });

  it('rules change severity or turn a rule off, by name or number', () => {
    expect(lintWith({ rules: { 'test/todo': 'error', 'test/done': 'off' } })).toEqual(['test/todo:2']);
    expect(lintWith({ rules: { 'test/todo': 0, 'test/done': 1 } })).toEqual(['test/done:1']);
    expect(lintWith({ rules: { 'test/todo': ['error'] } })).toEqual(['test/todo:2', 'test/done:2']);
  });

  it('rule options are validated, defaulted and handed to the rule', () => {
    expect(lintWith({ rules: { 'test/todo': ['warn', { word: 'and' }] } })).toEqual(['test/todo:1', 'test/done:2']);
    const config = resolveConfig({ rules: { 'test/todo': ['warn', { word: 'and' }] } }, { rules: testRules });
    expect(config.forFile('a.md').rules.find((configured) => configured.rule.id === 'test/todo')?.options).toEqual({ word: 'and' });
    expect(resolveConfig({}, { rules: testRules }).forFile('a.md').rules[0]?.options).toEqual({ word: 'TODO' });
  });

  it('overrides apply by glob on the path relative to the content root, in order', () => {
    const raw = {
      rules: { 'test/todo': ['warn', { word: 'DONE' }] },
      overrides: [
        { files: 'how-to/**', rules: { 'test/todo': 'error' } },
        { files: ['how-to/legacy/*.md', 'reference/**'], rules: { 'test/todo': 'off', 'test/done': 'warn' } },
      ],
    };
    expect(lintWith(raw, 'content/tutorial/a.md')).toEqual(['test/done:2', 'test/todo:1']);
    // Only a severity: the options of `rules` are kept, as in ESLint.
    expect(lintWith(raw, 'content/how-to/a.md')).toEqual(['test/done:2', 'test/todo:2']);
    expect(lintWith(raw, 'content/how-to/legacy/a.md')).toEqual(['test/done:1']);
    expect(lintWith(raw, 'content/reference/deep/a.md')).toEqual(['test/done:1']);
    const config = resolveConfig(raw, { rules: testRules });
    expect(config.forFile('how-to/b.md')).toBe(config.forFile('how-to/c.md'));
  });

  it('a bad config throws ConfigError quoting the value and saying what was expected', () => {
    const attempt = (raw: unknown) => {
      try {
        resolveConfig(raw, { rules: testRules, file: '/project/qadocs.config.json' });
      } catch (error) {
        return error;
      }
      throw new Error('expected a ConfigError');
    };
    const severity = attempt({ rules: { 'test/todo': 'warm' } }) as ConfigError;
    expect(severity).toBeInstanceOf(ConfigError);
    expect(severity.message).toBe('Unexpected severity "warm" for rule "test/todo" in qadocs.config.json, expected "off", "warn" or "error"');
    expect(severity).toMatchObject({ key: 'rules["test/todo"]', value: 'warm', file: '/project/qadocs.config.json' });
    expect((attempt({ rules: { 'test/tdoo': 'warn' } }) as Error).message).toBe('Unexpected rule "test/tdoo" in qadocs.config.json, expected a known rule id (did you mean "test/todo"?)');
    expect((attempt({ rules: { 'test/todo': ['warn', { word: 42 }] } }) as Error).message).toBe('Unexpected value 42 for option "word" of rule "test/todo" in qadocs.config.json, expected a string');
    expect((attempt({ overrides: [{ files: 'a/**', rules: { 'test/done': 'fatal' } }] }) as Error).message).toBe('Unexpected severity "fatal" for rule "test/done" in overrides[0] in qadocs.config.json, expected "off", "warn" or "error"');
    expect((attempt({ extends: 'strcit' }) as Error).message).toBe('Unexpected value "strcit" for "extends" in qadocs.config.json, expected "recommended" or "strict", or an array of them');
  });
});

describe('fixes shared by several reports', () => {
  /** Every TODO reported with one list of edits that renames them all, as citation/malformed renumbers footnotes. */
  const renameAllRule = defineRule({
    id: 'test/rename-all',
    description: 'Rename every TODO at once',
    severity: 'warning',
    fixable: true,
    messages: { todo: 'Unexpected `TODO`, expected every one renamed' },
    options: z.object({}).strict(),
    check(document, context) {
      const matches = [...document.source.matchAll(/TODO/g)];
      const edits = matches.map((match) => ({ range: [match.index, match.index + 4] as [number, number], text: 'DONE' }));
      for (const match of matches) context.report({ messageId: 'todo', place: document.location.position(match.index, match.index + 4), fix: edits });
    },
  });

  it('are merged once: every report carries the same fix, spanning all the edits', () => {
    const diagnostics = lint('TODO one\n\nTODO two\n\nTODO three\n', [renameAllRule]);
    expect(diagnostics).toHaveLength(3);
    expect(diagnostics[0]!.fix).toEqual({ range: [0, 24], text: 'DONE one\n\nDONE two\n\nDONE' });
    expect(diagnostics[1]!.fix).toBe(diagnostics[0]!.fix);
    expect(diagnostics[2]!.fix).toBe(diagnostics[0]!.fix);
    expect(applyFixes('TODO one\n\nTODO two\n\nTODO three\n', diagnostics).output).toBe('DONE one\n\nDONE two\n\nDONE three\n');
  });
});
