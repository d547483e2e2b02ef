import type { Heading } from 'mdast';
import { nodeText } from './node-text.js';

/**
 * Question marks of the scripts that have their own: `?`, full-width `？` (Chinese, Japanese, Korean),
 * small and vertical forms, Arabic `؟` (also Persian and Urdu), Greek `;` (U+037E), Ethiopic `፧`,
 * Vai `꘏`, Limbu `᥅`… and the doubled or mixed marks `⁇ ⁈ ⁉ ‽`.
 */
const QUESTION_MARKS = '?\uFF1F\uFE56\uFE16\u061F\u037E\u1367\uA60F\u1945\u2047\u2048\u2049\u203D';
const ENDS_WITH_QUESTION_MARK = new RegExp(`[${QUESTION_MARKS}]\\s*$`, 'u');
/**
 * Greek writes its question mark as U+037E, which Unicode normalizes to the semicolon `;`, and most
 * Greek text is typed with the semicolon itself: a sentence with a Greek word that ends in `;` asks.
 */
const GREEK_WORD = /\p{Script=Greek}{2}/u;
/** Where a sentence ends: its mark and the space after it (`...` in `curl ...|bash` ends nothing). */
const SENTENCE_END = /[.!;\u037E]\s+/gu;

/** Whether `text` ends with a question mark, in any script. */
export function endsWithQuestionMark(text: string): boolean {
  if (ENDS_WITH_QUESTION_MARK.test(text)) return true;
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(';')) return false;
  const lastSentence = trimmed.split(SENTENCE_END).at(-1)!;
  return GREEK_WORD.test(lastSentence);
}

/**
 * Attributes written after a heading's text for its anchor or style, which are not part of what it
 * says: Pandoc/markdown-it/Docusaurus `{#install}`, `{.note}`, `{#id .class key=value}`, and MDX's
 * comment form `{/* #install *\/}`. Several may follow each other.
 */
const TRAILING_ATTRIBUTES = /(?:\s*\{\s*(?:\/\*[\s\S]*?\*\/|[#.][^{}\s][^{}]*|[\w-]+=[^{}]*)\s*\})+\s*$/u;

/** A heading's text as a reader sees it: without trailing anchor or class attributes. */
export function headingText(heading: Heading): string {
  return stripHeadingAttributes(nodeText(heading));
}

/** `Why? {#why}` -> `Why?`. */
export function stripHeadingAttributes(text: string): string {
  const stripped = text.replace(TRAILING_ATTRIBUTES, '');
  return stripped === '' ? text : stripped;
}
