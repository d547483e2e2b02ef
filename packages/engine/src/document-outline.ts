import type { ParsedDocument } from '@qadocs/parser';

/** `[start, end)` offsets in the decoded original file (UTF-16 code units, as unist offsets). */
export type OffsetRange = [number, number];

/** A footnote definition `[^label]: …` as the parser read it. */
export interface OutlineFootnote {
  label: string;
  /** The whole definition. */
  range: OffsetRange;
  /** The label inside `[^label]:`, for rename. */
  labelRange: OffsetRange;
  text: string;
  title: string | null;
  url: string | null;
}

/** A footnote reference `[^label]` (defined or not). */
export interface OutlineReference {
  label: string;
  range: OffsetRange;
  /** The label inside `[^label]`, for rename. */
  labelRange: OffsetRange;
  defined: boolean;
}

export interface OutlineSection {
  heading: string | null;
  depth: number;
  range: OffsetRange;
}

export interface OutlineEntry {
  question: string;
  range: OffsetRange;
  sections: OutlineSection[];
}

/**
 * What an editor navigates by, from one parse: the questions with their answer sections, the footnote
 * definitions and references, and the front matter's fields. Offsets only (no line/column): an editor
 * converts them over the very text it sent, in its own position encoding.
 */
export interface DocumentOutline {
  entries: OutlineEntry[];
  footnotes: OutlineFootnote[];
  references: OutlineReference[];
  frontMatter: { range: OffsetRange; fields: Array<{ key: string; range: OffsetRange; valueRange: OffsetRange }> } | null;
}

/** The outline of a parsed document; empty when a fatal problem left only a placeholder record. */
export function documentOutline(parsed: ParsedDocument): DocumentOutline {
  const { record, source, frontMatter } = parsed;
  const range = (position: { start: { offset: number }; end: { offset: number } }): OffsetRange => [position.start.offset, position.end.offset];
  const outline: DocumentOutline = {
    entries: [],
    footnotes: [],
    references: [],
    frontMatter: frontMatter.range
      ? { range: frontMatter.range, fields: frontMatter.fields.map((field) => ({ key: field.key, range: range(field.position), valueRange: field.valueRange })) }
      : null,
  };
  if (parsed.fatal) return outline;
  for (const entry of record.entries) {
    outline.entries.push({
      question: entry.question,
      range: range(entry.position),
      sections: entry.answer.sections.map((section) => ({ heading: section.heading, depth: section.depth, range: range(section.position) })),
    });
  }
  for (const citation of record.citations) {
    const start = citation.position.start.offset;
    outline.footnotes.push({
      label: citation.label,
      range: range(citation.position),
      labelRange: labelInside(source, start, citation.label),
      text: citation.text,
      title: citation.title,
      url: citation.url,
    });
  }
  for (const reference of parsed.references) {
    const start = reference.position.start.offset;
    outline.references.push({ label: reference.label, range: range(reference.position), labelRange: labelInside(source, start, reference.label), defined: reference.defined });
  }
  return outline;
}

/**
 * The label's offsets in `[^label]` or `[^label]:` starting at `start`. The label is as written (the
 * parser keeps the source spelling), so it follows `[^` exactly; anything else falls back to an empty
 * range after `[^` rather than a wrong one.
 */
function labelInside(source: string, start: number, label: string): OffsetRange {
  const from = start + 2;
  return source.startsWith(label, from) ? [from, from + label.length] : [from, from];
}
