/** Words that do not tell two questions apart: "How do I…" and "How can I…" ask the same. */
const FILLER = new Set(['a', 'an', 'the', 'do', 'does', 'did', 'can', 'could', 'i', 'we', 'you', 'my', 'our', 'is', 'are', 'to', 'of', 'in', 'on', 'for', 'and', 'or', 'with', 's']);

/** At least this share of the two questions' words in common (Jaccard) makes them "nearly the same". */
export const NEAR_QUESTION_SIMILARITY = 0.8;

/** The words of a question that carry its meaning: lower case, accents and punctuation dropped, filler words out. */
export function questionWords(question: string): Set<string> {
  const words = question
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !FILLER.has(word));
  return new Set(words);
}

/** Whether two questions ask nearly the same thing: the same meaningful words, give or take one in five. */
export function asksNearlyTheSame(first: string, second: string): boolean {
  const a = questionWords(first);
  const b = questionWords(second);
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared) >= NEAR_QUESTION_SIMILARITY;
}
