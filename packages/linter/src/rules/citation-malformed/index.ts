import { z } from 'zod';
import type { Fix } from '@qadocs/schema';
import { defineRule, type ReportDescriptor } from '../../rule.js';
import { normalizeLabel, type LintDocument } from '../../lint-document.js';
import { normalizeUrl } from '../../links/normalize-url.js';

const NUMERIC_LABEL = /^\d+$/;
const COMPOUND_LABEL = /^\d+_\d+$/;

export default defineRule({
  id: 'citation/malformed',
  description: 'Require citations to be footnotes, not pasted assistant markers',
  severity: 'error',
  fixable: true,
  fixes: 'turns a pseudo-citation that carries a URL into a footnote reference (to the footnote with that URL, or to a new definition) and renames compound labels (`[^1_1]`); `【8†source】` and `citeturn…` markers name no source and are not fixed',
  messages: {
    linkMarker: 'Unexpected pseudo-citation `{{raw}}`, expected a footnote reference `[^{{label}}]`',
    gluedSuperscript: 'Unexpected superscript `{{raw}}` before `[^{{label}}]`, expected the footnote reference alone',
    assistantMarker: 'Unexpected assistant citation marker `{{raw}}`, expected a footnote reference `[^n]` whose definition links the source: the marker names none, so look the source up or remove the marker',
    compoundLabel: 'Unexpected compound footnote label `[^{{label}}]`, expected a plain number: `[^{{number}}]`',
    undefinedCompoundLabel: 'Unexpected compound footnote label `[^{{label}}]` with no definition, expected a plain number `[^n]` defined as `[^n]: [Title](https://…)`',
  },
  options: z.object({}).strict(),
  check(document, context) {
    for (const repair of planRepairs(document)) context.report(repair);
  },
});

/**
 * What to report for each pseudo-citation, and how to fix it. A marker whose URL an existing footnote
 * already cites becomes a reference to it, a local edit. Markers with a new URL and compound labels need
 * new numbers; those edits (and the appended definitions) form one shared fix, so the numbering is
 * decided once, in document order, and applied together or not at all.
 */
function planRepairs(document: LintDocument): ReportDescriptor[] {
  if (document.pseudoCitations.length === 0) return [];
  const definitionRanges = document.footnoteDefinitions.map(({ node }): [number, number] => [node.position!.start.offset!, node.position!.end.offset!]);
  const inDefinition = (offset: number) => definitionRanges.some(([start, end]) => offset >= start && offset < end);

  const labelByUrl = new Map<string, string>();
  const compoundLabelByUrl = new Map<string, string>();
  for (const citation of document.record.citations) {
    if (citation.url === null) continue;
    const byUrl = COMPOUND_LABEL.test(citation.label) ? compoundLabelByUrl : labelByUrl;
    const key = normalizeUrl(citation.url);
    if (!byUrl.has(key)) byUrl.set(key, citation.label);
  }
  const usedNumbers = [...document.record.citations.map((citation) => citation.label), ...document.references.map((reference) => reference.label)].filter((label) => NUMERIC_LABEL.test(label)).map(Number);
  let nextNumber = Math.max(0, ...usedNumbers) + 1;
  const numberByKey = new Map<string, number>();
  const newDefinitions: Array<{ number: number; url: string }> = [];
  /** A new number for a compound label or a URL no footnote cites yet, the same every time it is asked. */
  const numberFor = (key: string, newUrl?: string) => {
    let number = numberByKey.get(key);
    if (number === undefined) {
      number = nextNumber++;
      numberByKey.set(key, number);
      if (newUrl !== undefined) newDefinitions.push({ number, url: newUrl });
    }
    return number;
  };

  const reports: ReportDescriptor[] = [];
  const shared: { reports: ReportDescriptor[]; edits: Fix[] } = { reports: [], edits: [] };
  for (const pseudo of document.pseudoCitations) {
    const place = pseudo.position;
    const raw = visible(pseudo.raw);
    switch (pseudo.kind) {
      case 'superscript-glued':
        reports.push({ messageId: 'gluedSuperscript', data: { raw, label: pseudo.label ?? '' }, place, fix: { range: pseudo.range, text: '' } });
        break;
      case 'bracket-source':
      case 'citeturn':
        reports.push({ messageId: 'assistantMarker', data: { raw }, place });
        break;
      case 'superscript-link':
      case 'numbered-link': {
        // Inside a definition, `[1](https://…)` is the definition's own link, not a citation marker.
        if (pseudo.kind === 'numbered-link' && inDefinition(pseudo.range[0])) break;
        const key = normalizeUrl(pseudo.url!);
        // `registry [2](https://…)` becomes `registry[^2]`: a footnote reference hugs its claim.
        // Spaces that indent a line are structure, not a gap: only a gap after text is taken.
        const gap = /(?<=\S)[ \t]+$/.exec(document.source.slice(Math.max(0, pseudo.range[0] - 20), pseudo.range[0]))?.[0].length ?? 0;
        const range: [number, number] = [pseudo.range[0] - gap, pseudo.range[1]];
        const existing = labelByUrl.get(key);
        // `claim[^1]¹(https://…)` where `[^1]` cites that very URL: the marker only repeats it.
        const before = /\[\^([^\]\s]+)\][ \t]*$/.exec(document.source.slice(Math.max(0, pseudo.range[0] - 80), pseudo.range[0]));
        const repeats = (label: string) => before !== null && normalizeLabel(before[1]!) === normalizeLabel(label);
        if (existing !== undefined) {
          const text = repeats(existing) ? '' : `[^${existing}]`;
          reports.push({ messageId: 'linkMarker', data: { raw, label: existing }, place, fix: { range, text } });
          break;
        }
        const compound = compoundLabelByUrl.get(key);
        if (compound !== undefined && repeats(compound)) {
          reports.push({ messageId: 'linkMarker', data: { raw, label: compound }, place, fix: { range, text: '' } });
          break;
        }
        const number = compound !== undefined ? numberFor(`label:${normalizeLabel(compound)}`) : numberFor(`url:${key}`, pseudo.url!);
        shared.edits.push({ range, text: `[^${number}]` });
        shared.reports.push({ messageId: 'linkMarker', data: { raw, label: number }, place });
        break;
      }
      case 'compound-label': {
        const label = pseudo.label!;
        if (!document.citationByIdentifier.has(normalizeLabel(label))) {
          reports.push({ messageId: 'undefinedCompoundLabel', data: { label }, place });
          break;
        }
        // The same rename covers references and the definition's own `[^1_1]:`.
        const number = numberFor(`label:${normalizeLabel(label)}`);
        shared.edits.push({ range: pseudo.range, text: `[^${number}]` });
        shared.reports.push({ messageId: 'compoundLabel', data: { label, number }, place });
        break;
      }
    }
  }
  if (newDefinitions.length > 0) shared.edits.push(appendDefinitions(document, definitionRanges, newDefinitions));
  // Every report of the shared edits carries them: each is a fixable problem (five markers fixed by one
  // edit are five fixable problems), and the engine applies an edit asked for by several reports once.
  for (const report of shared.reports) report.fix = shared.edits;
  return [...reports, ...shared.reports].sort((a, b) => a.place.start.offset - b.place.start.offset);
}

/**
 * New definitions go after the last footnote definition, in number order; with none yet, at the end of
 * the answer (before the provenance line and further reading), else at the end of the file.
 */
function appendDefinitions(document: LintDocument, definitionRanges: Array<[number, number]>, definitions: Array<{ number: number; url: string }>): Fix {
  const newline = document.source.includes('\r\n') ? '\r\n' : '\n';
  const lines = definitions.map(({ number, url }) => `[^${number}]: <${url}>`);
  if (definitionRanges.length > 0) {
    const end = Math.max(...definitionRanges.map(([, rangeEnd]) => rangeEnd));
    return { range: [end, end], text: lines.map((line) => newline + line).join('') };
  }
  const end = answerEnd(document);
  return { range: [end, end], text: newline + newline + lines.join(newline) };
}

/**
 * Where the answer's last block ends: before the provenance line and the further-reading section
 * (the parser's record does not carry the answer's own range, so it is found from the tree).
 */
function answerEnd(document: LintDocument): number {
  const { record, source } = document;
  const bodyStart = document.parsed.frontMatter.range?.[1] ?? 0;
  const question = record.entries.at(-1)?.position;
  // A question taken from front matter has its position there: never write into front matter.
  const from = question && question.start.offset >= bodyStart ? question.end.offset : bodyStart;
  let until = source.length;
  if (record.provenance && record.provenance.position.start.offset >= from) until = record.provenance.position.start.offset;
  const firstFurtherLink = record.furtherReading[0]?.position.start.offset;
  if (firstFurtherLink !== undefined) {
    const heading = document.headings.filter((node) => node.position!.start.offset! < firstFurtherLink).at(-1);
    if (heading && heading.position!.start.offset! >= from) until = Math.min(until, heading.position!.start.offset!);
  }
  const answerBlocks = document.tree.children.filter((node) => node.position!.start.offset! >= from && node.position!.end.offset! <= until);
  return answerBlocks.at(-1)?.position!.end.offset ?? (from > bodyStart ? from : source.trimEnd().length);
}

/** Assistant markers wrap `cite…` in private-use characters that a terminal shows as nothing. */
function visible(raw: string): string {
  return raw.replace(/[\uE000-\uF8FF]/g, '');
}
