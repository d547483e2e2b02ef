import { z } from 'zod';
import type { Paragraph } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Citation, Fix, Position } from '@qadocs/schema';
import { defineRule } from '../../rule.js';
import type { LintDocument } from '../../lint-document.js';
import { normalizeUrl } from '../../links/normalize-url.js';

export default defineRule({
  id: 'citation/unused',
  description: 'Require every footnote definition to be referenced',
  severity: 'warning',
  // Never a fix: a definition may be the author's own prose (a note of several lines), and `--fix`
  // never removes an author's words. Both ways out are offered as suggestions, for a person to choose.
  fixable: false,
  hasSuggestions: true,
  messages: {
    unused: 'Unexpected footnote definition `[^{{label}}]` that nothing references, expected a reference `[^{{label}}]` after the claim it supports, or no definition',
    removeDefinition: 'Remove the footnote definition `[^{{label}}]`',
    referenceHere: 'Reference `[^{{label}}]` at the end of the paragraph before the definition',
  },
  options: z.object({}).strict(),
  check(document, context) {
    // A pseudo-citation with the same URL will become a reference to this definition (citation/malformed).
    const pseudoCitedUrls = new Set(document.pseudoCitations.flatMap((pseudo) => (pseudo.url ? [normalizeUrl(pseudo.url)] : [])));
    for (const citation of document.record.citations) {
      if (citation.referencedBy.length > 0) continue;
      if (citation.url && pseudoCitedUrls.has(normalizeUrl(citation.url))) continue;
      const data = { label: citation.label };
      const reference = referenceBefore(document, citation);
      context.report({
        messageId: 'unused',
        data,
        place: citation.position,
        suggest: [{ messageId: 'removeDefinition', data, fix: removeBlock(document.source, citation.position) }, ...(reference ? [{ messageId: 'referenceHere', data, fix: reference }] : [])],
      });
    }
  },
});

/**
 * Remove a block with its whole lines (and one blank line, when it stood between two), so no empty
 * gap is left behind. A block sharing its lines with other text loses only its own range.
 */
function removeBlock(source: string, place: Position): Fix {
  const start = place.start.offset;
  const end = place.end.offset;
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const newline = source.indexOf('\n', end);
  const lineEnd = newline === -1 ? source.length : newline + 1;
  if (source.slice(lineStart, start).trim() !== '' || source.slice(end, lineEnd).trim() !== '') return { range: [start, end], text: '' };
  const previousLineStart = source.lastIndexOf('\n', lineStart - 2) + 1;
  const blankBefore = lineStart === 0 || source.slice(previousLineStart, lineStart).trim() === '';
  // At the end of the file the blank line before would be left trailing: it goes too.
  if (lineEnd === source.length) return { range: [blankBefore && lineStart > 0 ? previousLineStart : lineStart, lineEnd], text: '' };
  const blankAfter = /^[ \t]*\r?\n/.exec(source.slice(lineEnd, lineEnd + 200));
  return { range: [lineStart, blankBefore && blankAfter ? lineEnd + blankAfter[0].length : lineEnd], text: '' };
}

/**
 * `[^label]` at the end of the last paragraph of prose before the definition (not one inside another
 * footnote definition), before its final punctuation: the claim a note placed under a paragraph is
 * usually about. None when no paragraph comes before it.
 */
function referenceBefore(document: LintDocument, citation: Citation): Fix | null {
  const definitionStart = citation.position.start.offset;
  const insideDefinitions = document.footnoteDefinitions.map(({ node }): [number, number] => [node.position!.start.offset!, node.position!.end.offset!]);
  let last: Paragraph | null = null;
  visit(document.tree, 'paragraph', (paragraph) => {
    const end = paragraph.position?.end.offset;
    const start = paragraph.position?.start.offset;
    if (end === undefined || start === undefined || end > definitionStart) return;
    if (insideDefinitions.some(([from, to]) => start >= from && start < to)) return;
    if (!last || end > last.position!.end.offset!) last = paragraph;
  });
  if (!last) return null;
  const end = (last as Paragraph).position!.end.offset!;
  const punctuation = /[.!?:;。！？]$/u.test(document.source.slice(end - 1, end)) ? 1 : 0;
  return { range: [end - punctuation, end - punctuation], text: `[^${citation.label}]` };
}
