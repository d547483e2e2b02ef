import { z } from 'zod';
import { findProvenanceDate, type ProvenanceDate } from '@qadocs/parser';
import { defineRule } from '../../rule.js';
import type { LintDocument } from '../../lint-document.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export default defineRule({
  id: 'provenance/date-format',
  description: 'Require provenance dates in ISO 8601 (`YYYY-MM-DD`)',
  severity: 'warning',
  fixable: true,
  fixes: 'rewrites the date as `YYYY-MM-DD` when its reading is certain (month names, a day over 12, or `provenance.dateOrder`); an ambiguous or impossible date is not fixed',
  messages: {
    notIso: 'Unexpected provenance date `{{date}}`, expected ISO 8601 `{{iso}}`',
    ambiguous: 'Unexpected provenance date `{{date}}` that reads as `{{monthFirst}}` or `{{dayFirst}}`, expected ISO 8601 `YYYY-MM-DD` (or set `provenance.dateOrder` to `mdy` or `dmy`)',
    notADate: 'Unexpected provenance date `{{date}}` that is not a calendar date, expected ISO 8601 `YYYY-MM-DD`',
  },
  options: z.object({}).strict(),
  check(document, context) {
    const dateOrder = context.settings.provenance.dateOrder;
    for (const [start, end] of provenanceRanges(document)) {
      for (const found of datesIn(document.source.slice(start, end), dateOrder)) {
        if (found.iso === found.text && ISO_DATE.test(found.text)) continue;
        const dateStart = start + found.offset;
        const place = document.location.position(dateStart, dateStart + found.text.length);
        if (found.iso !== null) {
          context.report({ messageId: 'notIso', data: { date: found.text, iso: found.iso }, place, fix: { range: [dateStart, dateStart + found.text.length], text: found.iso } });
          continue;
        }
        const monthFirst = findProvenanceDate(found.text, 'mdy')?.iso;
        const dayFirst = findProvenanceDate(found.text, 'dmy')?.iso;
        if (monthFirst && dayFirst && monthFirst !== dayFirst) context.report({ messageId: 'ambiguous', data: { date: found.text, monthFirst, dayFirst }, place });
        else context.report({ messageId: 'notADate', data: { date: found.text }, place });
      }
    }
  },
});

/**
 * Where provenance dates are written: the provenance line of the body and the front-matter `source`
 * value (both, when a file has both; the record keeps only the line).
 */
function provenanceRanges(document: LintDocument): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const field = document.frontMatterFields.get('source');
  const provenance = document.record.provenance;
  if (provenance && provenance.position.start.offset !== field?.position.start.offset) {
    ranges.push([provenance.position.start.offset, provenance.position.end.offset]);
  }
  if (field && typeof document.record.frontmatter.source === 'string') ranges.push(field.valueRange);
  return ranges;
}

/**
 * Every date of a provenance text (`…, 10/10/2024, updated 11/11/2024`), not only the first one the
 * record keeps: each found date is blanked out and the text searched again. Dates in URLs are skipped.
 */
function datesIn(text: string, dateOrder: 'mdy' | 'dmy' | null): ProvenanceDate[] {
  const dates: ProvenanceDate[] = [];
  let remaining = text;
  for (let found = findProvenanceDate(remaining, dateOrder); found; found = findProvenanceDate(remaining, dateOrder)) {
    if (!isInsideUrl(text, found.offset)) dates.push(found);
    remaining = remaining.slice(0, found.offset) + ' '.repeat(found.text.length) + remaining.slice(found.offset + found.text.length);
  }
  return dates.sort((a, b) => a.offset - b.offset);
}

/** `https://example.com/2024/10/10/post` holds a date that must not be rewritten. */
function isInsideUrl(text: string, offset: number): boolean {
  const tokenStart = text.lastIndexOf(' ', offset) + 1;
  const token = text.slice(tokenStart).split(/\s/)[0]!;
  return /^[<(]?(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/i.test(token);
}
