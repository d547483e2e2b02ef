import type { FootnoteDefinition } from 'mdast';
import { z } from 'zod';
import type { Fix } from '@qadocs/schema';
import { defineRule } from '../../rule.js';
import type { LintDocument } from '../../lint-document.js';

const NUMERIC_LABEL = /^\d+$/;

export default defineRule({
  id: 'citation/order',
  description: 'Require numbered footnotes to be numbered in order of first reference',
  severity: 'warning',
  fixable: true,
  fixes: 'renumbers the numbered footnotes in order of first reference and moves their definitions into that order; nothing while a reference has no definition',
  messages: {
    outOfOrder: 'Unexpected footnote `[^{{label}}]` as the {{ordinal}} source cited, expected `[^{{expected}}]`: number footnotes in order of first reference',
  },
  options: z.object({}).strict(),
  check(document, context) {
    // Named labels (`[^spec]`) are outside the numbering; numbered ones count among themselves.
    const cited = document.record.citations.filter((citation) => citation.index > 0 && NUMERIC_LABEL.test(citation.label)).sort((a, b) => a.index - b.index);
    const misnumbered = cited.flatMap((citation, position) => (citation.label === String(position + 1) ? [] : [{ citation, expected: position + 1 }]));
    if (misnumbered.length === 0) return;
    const fix = renumberFix(document);
    // One renumbering fixes every report, so every report carries it (each is a fixable problem, as
    // ESLint counts them); the engine applies an edit asked for by several reports once.
    misnumbered.forEach(({ citation, expected }) => {
      context.report({
        messageId: 'outOfOrder',
        data: { label: citation.label, ordinal: ordinal(expected), expected },
        place: citation.referencedBy[0] ?? citation.position,
        ...(fix ? { fix } : {}),
      });
    });
  },
});

/**
 * One set of edits for the whole document: every numbered reference and definition gets its new number,
 * and the numbered definitions trade places so they read in order (unless one is nested in a list or
 * quote: then each keeps its place). Null when renumbering is not safe: an undefined numbered reference
 * could be captured by a new number.
 */
function renumberFix(document: LintDocument): Fix[] | null {
  if (document.references.some((reference) => !reference.defined && NUMERIC_LABEL.test(reference.label))) return null;
  const numbered = document.record.citations.filter((citation) => NUMERIC_LABEL.test(citation.label));
  const cited = numbered.filter((citation) => citation.index > 0).sort((a, b) => a.index - b.index);
  const uncited = numbered.filter((citation) => citation.index === 0);
  const newNumber = new Map<string, number>([...cited, ...uncited].map((citation, position) => [citation.label.toLowerCase(), position + 1]));

  const slots: Array<{ definition: FootnoteDefinition; start: number; end: number }> = [];
  let nested = false;
  for (const { node: definition, topLevel } of document.footnoteDefinitions) {
    if (!NUMERIC_LABEL.test(definition.label ?? definition.identifier)) continue;
    if (!topLevel) nested = true;
    slots.push({ definition, start: definition.position!.start.offset!, end: definition.position!.end.offset! });
  }
  slots.sort((a, b) => a.start - b.start);
  // A definition inside a list or quote, or sharing its line, keeps its place and only changes number.
  const movable = !nested && slots.every(({ start }) => start === 0 || document.source[start - 1] === '\n');

  const renumber = (label: string) => `[^${newNumber.get(label.toLowerCase()) ?? label}]`;
  const insideDefinition = (offset: number) => slots.some(({ start, end }) => offset >= start && offset < end);
  const edits: Fix[] = [];
  for (const reference of document.references) {
    if (!NUMERIC_LABEL.test(reference.label) || insideDefinition(reference.position.start.offset)) continue;
    edits.push({ range: [reference.position.start.offset, reference.position.end.offset], text: renumber(reference.label) });
  }
  const rewritten = slots.map(({ definition, start, end }) => {
    let text = '';
    let cursor = start;
    for (const reference of document.references) {
      const offset = reference.position.start.offset;
      if (offset < start || offset >= end || !NUMERIC_LABEL.test(reference.label)) continue;
      text += document.source.slice(cursor, offset) + renumber(reference.label);
      cursor = reference.position.end.offset;
    }
    text += document.source.slice(cursor, end);
    const label = definition.label ?? definition.identifier;
    return { number: newNumber.get(label.toLowerCase()) ?? Number(label), text: text.replace(/^\[\^[^\]]+\]/, renumber(label)) };
  });
  // Stable: two definitions of one label (citation/duplicate) keep their relative order.
  const ordered = movable ? rewritten.map((entry, position) => ({ ...entry, position })).sort((a, b) => a.number - b.number || a.position - b.position) : rewritten;
  slots.forEach(({ start, end }, position) => edits.push({ range: [start, end], text: ordered[position]!.text }));
  return edits;
}

function ordinal(value: number): string {
  const suffix = value % 100 >= 11 && value % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
  return `${value}${suffix}`;
}
