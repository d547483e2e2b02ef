/**
 * The word check of `qadocs import`, written apart from the importer so it does not share its
 * mistakes: the words of a paste, its citation markers and moved lines aside, against the words of
 * the imported body, its footnote definitions aside.
 */

/** Every citation marker an assistant writes, each removed before words are counted. */
const MARKERS = [
  /[\uE200-\uE202]?cite(?:[\uE200-\uE202]?turn\d+[a-z]+\d+)+[\uE200-\uE202]?/gu, // citeturn0search1
  /【[^】]*】/gu, //                                                                   【4†source】
  /[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:\(https?:\/\/[^\s)]*\))?/gu, //                                 ¹(https://…), ³
  /\(\[[^\]]*\]\(https?:\/\/[^\s)]*\)\)/gu, //                                       ([site](https://…))
  /\[\^[^\]\s]+\]/gu, //                                                              [^3]
  /\[\d{1,3}\]/gu, //                                                                 [2]
];
const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a paste: no front matter, no moved lines, no definitions or source lists, no markers, no URLs. */
export function pasteWords(paste: string, movedLines: readonly string[]): string[] {
  let text = withoutFrontMatter(paste);
  const lines = text.split('\n');
  const sourcesStart = lines.findIndex((line) => /^(?:sources?|citations?)\s*:?\s*$/i.test(line.trim()));
  text = (sourcesStart >= 0 ? lines.slice(0, sourcesStart) : lines)
    .filter((line) => !movedLines.includes(line.trim()) && !/^\[\^?[^\]]+\]:/.test(line))
    .join('\n');
  return wordsOf(text);
}

/** The words of an imported document: no front matter, no footnote definitions, no references, no URLs. */
export function importedWords(document: string): string[] {
  const text = withoutFrontMatter(document)
    .split('\n')
    .filter((line) => !/^\[\^[^\]]+\]:/.test(line))
    .join('\n');
  return wordsOf(text);
}

function wordsOf(text: string): string[] {
  let stripped = text;
  for (const marker of MARKERS) stripped = stripped.replace(marker, ' ');
  stripped = stripped.replace(/https?:\/\/[^\s)>]+/g, ' ');
  return [...stripped.matchAll(WORD)].map((match) => match[0]);
}

function withoutFrontMatter(text: string): string {
  return text.replace(/^---\n[\s\S]*?\n---\n/, '');
}
