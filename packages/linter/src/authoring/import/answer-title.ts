import { splitSentences } from '@qadocs/parser';
import { titleOfQuestion } from '../scaffold-document.js';

/** The longest a description may be (search engines cut longer ones). */
export const MAX_DESCRIPTION_LENGTH = 160;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.+#-]*[\p{L}\p{N}+#]|[\p{L}\p{N}]/gu;

/**
 * The title of a question, in sentence case: the first letter capitalized, the question mark dropped,
 * and names spelled as the answer spells them (`azure compute gallery` becomes `Azure Compute Gallery`
 * when the answer writes it so). The question's own capitals are kept, unless the whole question is
 * in Title Case: then a capitalized word the answer does not write as a name is lowered.
 */
export function titleOfAnswer(question: string, answerText: string): string {
  let title = titleOfQuestion(question);
  const protectedRanges: Array<[number, number]> = [];
  // Several capitalized words in a row are a name (`Azure Storage`, `Azure Compute Gallery`), however often its words appear alone.
  for (const phrase of phrasesOfAnswer(answerText)) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu');
    title = title.replace(pattern, (match, offset: number) => {
      if (protectedRanges.some(([start, end]) => offset < end && offset + match.length > start)) return match;
      protectedRanges.push([offset, offset + match.length]);
      return phrase;
    });
  }
  const names = namesOfAnswer(answerText);
  const words = [...title.matchAll(WORD)];
  const titleCase = words.filter((word) => word[0].length > 3).every((word) => /^\p{Lu}/u.test(word[0]));
  // Replace from the end so earlier offsets stay valid.
  for (let index = words.length - 1; index >= 0; index--) {
    const match = words[index]!;
    const word = match[0];
    if (protectedRanges.some(([start, end]) => match.index! >= start && match.index! < end)) continue;
    let replacement = names.get(word.toLowerCase()) ?? word;
    if (replacement === word && titleCase && index > 0 && /^\p{Lu}\p{Ll}+$/u.test(word)) replacement = word.toLowerCase();
    if (index === 0) replacement = replacement.charAt(0).toLocaleUpperCase() + replacement.slice(1);
    title = title.slice(0, match.index) + replacement + title.slice(match.index! + word.length);
  }
  return title;
}

/** Runs of two or more capitalized words in the answer (`Azure Container Registry`), longest first. */
function phrasesOfAnswer(answerText: string): string[] {
  const phrases = new Set<string>();
  for (const match of answerText.matchAll(/\p{Lu}[\p{L}\p{N}]*(?:[ \t]+\p{Lu}[\p{L}\p{N}]*)+/gu)) phrases.add(match[0].replace(/\s+/g, ' '));
  return [...phrases].sort((a, b) => b.length - a.length);
}

/**
 * Words the answer writes with capitals where a sentence does not start: names (`Azure`, `GitHub`,
 * `macOS`), by their lower-case form. A word the answer writes as often in lower case is not a name.
 */
function namesOfAnswer(answerText: string): Map<string, string> {
  const spellings = new Map<string, { word: string; capitalized: number; lower: number }>();
  for (const sentence of splitSentences(answerText.replace(/\n+/g, '. '))) {
    const words = [...sentence.matchAll(WORD)].map((match) => match[0]);
    words.forEach((word, index) => {
      const lower = word.toLowerCase();
      const entry = spellings.get(lower) ?? { word, capitalized: 0, lower: 0 };
      if (word === lower) entry.lower++;
      else if (index > 0 || /\p{Lu}/u.test(word.slice(1))) {
        if (entry.capitalized === 0) entry.word = word;
        entry.capitalized++;
      }
      spellings.set(lower, entry);
    });
  }
  const names = new Map<string, string>();
  for (const [lower, entry] of spellings) if (entry.capitalized > entry.lower) names.set(lower, entry.word);
  return names;
}

/** The answer's first sentence, at most 160 characters (cut after a whole word, with `…`), ending with a period. */
export function descriptionOfAnswer(answerText: string): string | null {
  // The first block's first sentence: a heading or list after it is not part of the sentence.
  const firstBlock = answerText.split(/\n\s*\n/).find((block) => block.trim() !== '') ?? '';
  const first = splitSentences(firstBlock.replace(/\s+/g, ' ').trim())[0];
  if (!first) return null;
  let sentence = first.replace(/[:;,]$/, '.');
  if (!/[.!?…]$/.test(sentence)) sentence += '.';
  if (sentence.length <= MAX_DESCRIPTION_LENGTH) return sentence;
  const cut = sentence.slice(0, MAX_DESCRIPTION_LENGTH - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 0 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
