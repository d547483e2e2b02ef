import { z } from 'zod';
import { defineRule } from '../../rule.js';

export default defineRule({
  id: 'citation/no-source',
  description: 'Require a URL in every footnote definition',
  severity: 'error',
  fixable: false,
  messages: {
    noSource: 'Unexpected footnote `[^{{label}}]` with no URL, expected its source as a link: `[^{{label}}]: [Title](https://…)`',
  },
  options: z.object({}).strict(),
  check(document, context) {
    const codeRanges = document.parsed.index.codeRanges;
    for (const citation of document.record.citations) {
      if (citation.url !== null) continue;
      if (citesByExternalReference(document.source, citation.position.start.offset, citation.position.end.offset, codeRanges)) continue;
      context.report({ messageId: 'noSource', data: { label: citation.label }, place: citation.position });
    }
  },
});

/**
 * `[^a]: See [BOLT2][] and [package relay][Bitcoin Core #14895]`: a reference-style link whose
 * definition the site adds to every page (a Jekyll or kramdown include of shared link definitions), so
 * the document itself does not hold it. The footnote does name its source by link; only its URL lives
 * elsewhere. (References defined in the document resolve, and give the citation its `url`.)
 */
const REFERENCE_LINK = /(?<![\\!])\[(?!\^)[^\]\[]+\]\[[^\]\[]*\]/gu;

function citesByExternalReference(source: string, start: number, end: number, codeRanges: ReadonlyArray<[number, number]>): boolean {
  for (const match of source.slice(start, end).matchAll(REFERENCE_LINK)) {
    const offset = start + match.index;
    if (!codeRanges.some(([from, to]) => offset >= from && offset < to)) return true;
  }
  return false;
}
