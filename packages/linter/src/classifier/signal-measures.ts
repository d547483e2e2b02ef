import type { DocumentFeatures, SectionFeature } from './document-features.js';
import type { SignalId } from './content-signals.js';

/** Record a signal of the given strength (dropped when 0) and what was seen, in plain words. */
export type AddSignal = (id: SignalId, value: number, evidence: string) => void;

/** What the signal readers share: the features and the counts several of them derive from. */
export interface PageReading {
  features: DocumentFeatures;
  /** Front-matter title, then the H1 when it differs. */
  titles: string[];
  /** Titles with a series prefix ("Tutorial: ", "Quickstart - ") removed, to read the action they name. */
  titleActions: string[];
  /** `##` and deeper headings. */
  headingTexts: string[];
  /** Prose sentences, at least 1 (a divisor). */
  sentences: number;
  orderedItems: number;
  longestOrderedList: number;
  listItems: number;
  tableRows: number;
  /** Share of sentences that are instructions. */
  imperativeShare: number;
  /** Sections with content (the lead included). */
  bodySections: SectionFeature[];
  /** Sections that are mostly steps, instructions or commands. */
  proceduralSections: SectionFeature[];
}

/** Derive the shared counts once per document. */
export function readPage(features: DocumentFeatures): PageReading {
  const titles = [features.title, features.alternateTitle].filter((text) => text !== '');
  const bodySections = features.sections.filter((part) => part.sentences + part.orderedItems + part.codeBlocks + part.tables > 0);
  const orderedItems = features.orderedLists.reduce((total, list) => total + list.items, 0);
  return {
    features,
    titles,
    titleActions: titles.map((text) => text.replace(/^[\w -]{1,20}\s*[:–—-]\s+/, '')),
    headingTexts: features.headings.filter((heading) => heading.depth > 1).map((heading) => heading.text),
    sentences: Math.max(1, features.sentences),
    orderedItems,
    longestOrderedList: features.orderedLists.reduce((longest, list) => Math.max(longest, list.items), 0),
    listItems: features.unorderedItems + orderedItems,
    tableRows: features.tables.reduce((total, table) => total + table.rows, 0),
    imperativeShare: features.imperativeSentences / Math.max(1, features.sentences),
    bodySections,
    proceduralSections: bodySections.filter((part) => part.orderedItems >= 2 || part.imperativeSentences / Math.max(1, part.sentences) >= 0.3 || (part.codeBlocks > 0 && part.imperativeSentences > 0)),
  };
}

/** The first title (front matter, then H1) that matches, and what matched. */
export function titleMatch(page: PageReading, pattern: RegExp): string | null {
  return page.titles.map((text) => firstMatch(text, pattern)).find((match) => match !== null) ?? null;
}

/** A heading without Markdown emphasis, code ticks or a `{#anchor}`. */
export function plainHeading(text: string): string {
  return text.replace(/[`*_]|\{#[^}]*\}/g, '').trim();
}

export const percent = (share: number): string => `${Math.round(share * 100)} %`;
export const clamp01 = (value: number): number => Math.max(0, Math.min(1, value));
/** 0 at `low`, 1 at `high`, linear between: turns a count or a share into a strength. */
export const ramp = (value: number, low: number, high: number): number => clamp01((value - low) / (high - low));

export function firstMatch(text: string, pattern: RegExp): string | null {
  // A global pattern keeps state between exec calls; match with a stateless copy instead.
  const match = (pattern.global ? new RegExp(pattern.source, pattern.flags.replace('g', '')) : pattern).exec(text);
  return match ? match[0] : null;
}

export function countMatches(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}

/** The most frequent matches of a global pattern, for evidence: "`because` ×4, `however` ×2". */
export function topMatches(text: string, pattern: RegExp, limit = 3): string {
  const counts = new Map<string, number>();
  for (const match of text.match(pattern) ?? []) counts.set(match, (counts.get(match) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([match, count]) => (count > 1 ? `\`${match}\` ×${count}` : `\`${match}\``))
    .join(', ');
}

/** Backticked list of the first few items: "`Usage`, `Flags`". */
export function quoted(items: readonly string[], limit = 3): string {
  return items.slice(0, limit).map((item) => `\`${item}\``).join(', ');
}
