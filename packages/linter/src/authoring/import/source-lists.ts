import type { RootContent } from 'mdast';
import type { ParsedDocument } from '@qadocs/parser';
import { nodeText } from '@qadocs/parser';

/** One entry of a pasted sources list: `[2] https://…`, `- [Title](https://…)`, `1. Title - https://…`. */
export interface ListedSource {
  /** The number the entry carries (`[2]`, `2.`), which `[2]` markers in the answer point at. */
  number: number | null;
  url: string | null;
  title: string | null;
}

/** A sources block of the paste: its label, its entries, and the range of the original text it takes. */
export interface SourceList {
  range: [number, number];
  entries: ListedSource[];
}

/** `Sources:`, `**Citations:**`, `## References`, Gemini's `Sources and related content`: the line that opens a list of sources. */
const LIST_LABEL = /^[*_]{0,2}(?:sources?|citations?|references?|sources and related content|learn more)[*_]{0,2}\s*[:：]?[*_]{0,2}\s*$/i;
/** A line that is itself a numbered source: `[1] https://…`, `[1]: https://…`, `1. https://…`. */
const NUMBERED_SOURCE_LINE = /^\s*(?:\[(\d{1,3})\]:?|(\d{1,3})[.)])\s+\S*https?:\/\//;
const ENTRY_NUMBER = /^\s*(?:[-*+]\s+)?(?:\[(\d{1,3})\]:?|(\d{1,3})[.)])\s*/;
const MARKDOWN_LINK = /\[((?:[^\[\]\\]|\\.)*)\]\(\s*<?(https?:\/\/[^\s<>]+?)>?(?:\s+["'][^"']*["'])?\s*\)/;
const BARE_URL = /<?(https?:\/\/[^\s<>]+[^\s<>.,;:!?'")\]])>?/;

/**
 * The sources lists of a paste, each with the range to take out of the body: a label line
 * (`Sources:`, a `## Citations` heading) followed by a list or by lines of sources, or a paragraph
 * made only of numbered source lines (Perplexity's `[1] https://…`). Their entries become footnote
 * definitions; the blocks themselves are moved, never kept twice.
 */
export function findSourceLists(parsed: ParsedDocument): SourceList[] {
  const nodes = parsed.tree.children;
  const source = parsed.source;
  const lists: SourceList[] = [];
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    const text = blockText(node, source);
    if (text === null) continue;
    const lines = text.split(/\r\n|\r|\n/);
    const labelled = LIST_LABEL.test(stripHeadingMarks(lines[0]!).trim());
    const ownLines = labelled ? lines.slice(1) : lines;
    const ownEntries = ownLines.filter((line) => line.trim() !== '').map((line) => readListedSource(line));
    if (labelled) {
      const next = nodes[index + 1];
      const entries = [...ownEntries];
      let end = offsets(node)[1];
      if (next && (next.type === 'list' || (next.type === 'paragraph' && isNumberedSourceParagraph(next, source)))) {
        entries.push(...entriesOf(next, source));
        end = offsets(next)[1];
        index++;
      }
      if (entries.length > 0 && entries.some((entry) => entry.url !== null)) lists.push({ range: [offsets(node)[0], end], entries });
    } else if (node.type === 'paragraph' && isNumberedSourceParagraph(node, source)) {
      lists.push({ range: offsets(node), entries: ownEntries });
    }
  }
  return lists;
}

/** Read one entry: its number, its URL (a Markdown link's or a bare one) and its title, if the entry gives one. */
export function readListedSource(line: string): ListedSource {
  const numberMatch = ENTRY_NUMBER.exec(line);
  const number = numberMatch ? Number(numberMatch[1] ?? numberMatch[2]) : null;
  const rest = (numberMatch ? line.slice(numberMatch[0].length) : line.replace(/^\s*[-*+]\s+/, '')).trim();
  const link = MARKDOWN_LINK.exec(rest);
  if (link) {
    const linkText = link[1]!.replace(/\\(.)/g, '$1').trim();
    const title = linkText !== '' && !/^https?:\/\//.test(linkText) ? linkText : titleAround(rest.replace(link[0], ' '));
    return { number, url: link[2]!, title };
  }
  const bare = BARE_URL.exec(rest);
  if (!bare) return { number, url: null, title: rest === '' ? null : rest };
  return { number, url: bare[1]!, title: titleAround(rest.replace(bare[0], ' ')) };
}

/** What is left of an entry around its URL, as a title: `Overview - https://…` gives `Overview`. */
function titleAround(text: string): string | null {
  const title = text
    .replace(/[*_]{2}/g, '')
    .replace(/^[\s\-–—:|•]+|[\s\-–—:|•]+$/g, '')
    .replace(/^["“'](.*)["”']$/, '$1')
    .trim();
  return title === '' ? null : title;
}

function isNumberedSourceParagraph(node: RootContent, source: string): boolean {
  const text = blockText(node, source);
  if (text === null) return false;
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.every((line) => NUMBERED_SOURCE_LINE.test(line));
}

function entriesOf(node: RootContent, source: string): ListedSource[] {
  if (node.type === 'list') {
    return node.children.map((item, position) => {
      const entry = readListedSource(source.slice(...offsets(item)).replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''));
      // An ordered list numbers its entries itself: `1. Title - https://…` is source 1.
      return { ...entry, number: entry.number ?? (node.ordered ? (node.start ?? 1) + position : null) };
    });
  }
  return (blockText(node, source) ?? '')
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => readListedSource(line));
}

/** The source text of a paragraph or heading (a heading without its `#` marks), else null. */
function blockText(node: RootContent, source: string): string | null {
  if (node.type === 'paragraph') return source.slice(...offsets(node));
  if (node.type === 'heading') return nodeText(node);
  return null;
}

function stripHeadingMarks(line: string): string {
  return line.replace(/^#{1,6}\s+/, '');
}

function offsets(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] {
  return [node.position!.start.offset!, node.position!.end.offset!];
}
