import { z } from 'zod';
import type { Fix, Position } from '@qadocs/schema';
import { defineRule } from '../../rule.js';
import { normalizeUrl } from '../../links/normalize-url.js';

export default defineRule({
  id: 'citation/unused',
  description: 'Require every footnote definition to be referenced',
  severity: 'warning',
  fixable: true,
  fixes: 'removes the unreferenced footnote definition (its whole lines)',
  messages: {
    unused: 'Unexpected footnote definition `[^{{label}}]` that nothing references, expected a reference `[^{{label}}]` after the claim it supports, or no definition',
  },
  options: z.object({}).strict(),
  check(document, context) {
    // A pseudo-citation with the same URL will become a reference to this definition (citation/malformed).
    const pseudoCitedUrls = new Set(document.pseudoCitations.flatMap((pseudo) => (pseudo.url ? [normalizeUrl(pseudo.url)] : [])));
    for (const citation of document.record.citations) {
      if (citation.referencedBy.length > 0) continue;
      if (citation.url && pseudoCitedUrls.has(normalizeUrl(citation.url))) continue;
      context.report({ messageId: 'unused', data: { label: citation.label }, place: citation.position, fix: removeBlock(document.source, citation.position) });
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
