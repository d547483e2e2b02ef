import type { Position } from '@qadocs/schema';
import type { SourceLocation } from './source-location.js';

/** The shapes of broken citation syntax that AI assistants paste into answers. */
export type PseudoCitationKind =
  | 'superscript-link' //   publicly¹(https://…)
  | 'superscript-glued' //  isolation³[^3]  (the superscript only)
  | 'bracket-source' //     【8†source】
  | 'citeturn' //           citeturn0search1 (often wrapped in private-use characters)
  | 'compound-label' //     [^1_1]
  | 'numbered-link'; //     [1](https://…) used as a citation marker

export interface PseudoCitation {
  kind: PseudoCitationKind;
  raw: string;
  /** `[start, end)` offsets in the original file. */
  range: [number, number];
  position: Position;
  /** The citation number the author meant, when the syntax carries one. */
  number: number | null;
  url: string | null;
  /** For `superscript-glued` and `compound-label`: the footnote label written next to it. */
  label: string | null;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPERSCRIPT = `[${SUPERSCRIPT_DIGITS}]+`;

const PATTERNS: Array<{ kind: PseudoCitationKind; pattern: RegExp }> = [
  { kind: 'superscript-link', pattern: new RegExp(`(${SUPERSCRIPT})\\((https?://[^\\s()]+(?:\\([^\\s()]*\\)[^\\s()]*)*)\\)`, 'gu') },
  { kind: 'superscript-glued', pattern: new RegExp(`(${SUPERSCRIPT})(?=\\[\\^([^\\]\\s]+)\\])`, 'gu') },
  { kind: 'bracket-source', pattern: /【(\d+)(?::\d+)?†([^】\n]{0,80})】/gu },
  { kind: 'citeturn', pattern: /\uE200?cite(?:\uE202?turn(\d+)[a-z]+\d+)+\uE201?/gu },
  { kind: 'compound-label', pattern: /\[\^(\d+)_(\d+)\]/g },
  { kind: 'numbered-link', pattern: /(?<![\]!\\])\[(\d{1,3})\]\((https?:\/\/[^\s)]+)\)/g },
];

/**
 * Find pseudo-citations in the text a parser saw, outside code. `text` must be position-aligned with
 * the original file (front matter masked, same length).
 */
export function findPseudoCitations(text: string, codeRanges: Array<[number, number]>, location: SourceLocation): PseudoCitation[] {
  const found: PseudoCitation[] = [];
  // One cheap scan first: most documents have none of the characters every pattern starts with.
  if (!ANY_MARKER.test(text)) return found;
  for (const { kind, pattern } of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (insideAny(start, codeRanges)) continue;
      found.push({ kind, raw: match[0], range: [start, end], position: location.position(start, end), ...details(kind, match) });
    }
  }
  return found.sort((a, b) => a.range[0] - b.range[0]);
}

function details(kind: PseudoCitationKind, match: RegExpExecArray): Pick<PseudoCitation, 'number' | 'url' | 'label'> {
  switch (kind) {
    case 'superscript-link':
      return { number: superscriptToNumber(match[1]!), url: match[2]!, label: null };
    case 'superscript-glued':
      return { number: superscriptToNumber(match[1]!), url: null, label: match[2]! };
    case 'bracket-source':
      return { number: Number(match[1]), url: null, label: null };
    case 'citeturn':
      return { number: null, url: null, label: null };
    case 'compound-label':
      return { number: Number(match[1]), url: null, label: `${match[1]}_${match[2]}` };
    case 'numbered-link':
      return { number: Number(match[1]), url: match[2]!, label: null };
  }
}

export function superscriptToNumber(digits: string): number {
  let value = 0;
  for (const char of digits) value = value * 10 + SUPERSCRIPT_DIGITS.indexOf(char);
  return value;
}

function insideAny(offset: number, ranges: Array<[number, number]>): boolean {
  for (const [start, end] of ranges) if (offset >= start && offset < end) return true;
  return false;
}

/** A character or word that every pseudo-citation pattern contains. */
const ANY_MARKER = new RegExp(`[${SUPERSCRIPT_DIGITS}【]|cite|\\[\\^\\d+_|\\[\\d{1,3}\\]\\(`, 'u');

const STRIP = new RegExp(
  [`${SUPERSCRIPT}\\(https?://[^\\s()]+(?:\\([^\\s()]*\\)[^\\s()]*)*\\)`, `${SUPERSCRIPT}(?=$|[\\s.,;:!?)])`, '【\\d+(?::\\d+)?†[^】\\n]{0,80}】', '\\uE200?cite(?:\\uE202?turn\\d+[a-z]+\\d+)+\\uE201?'].join('|'),
  'gu',
);

/** Remove pseudo-citation markers from extracted plain text (records keep the prose, not the markers). */
export function stripPseudoCitations(text: string): string {
  return ANY_MARKER.test(text) ? text.replace(STRIP, '') : text;
}
