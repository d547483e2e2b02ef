import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { CATEGORIES, SCHEMA_VERSION, unsafeDocumentIdReason, type Category, type Link, type Provenance, type QaDocument } from '@qadocs/schema';
import { decodeSource } from './decode-source.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';
import { nodeText, positionOf } from './node-text.js';
import { headingText } from './question-text.js';
import { FILE_START, isStackOverflow, MAX_NESTING_DEPTH, tooComplexDiagnostic, tooLargeDiagnostic, type ParseDiagnostic } from './parse-diagnostic.js';
import { findPseudoCitations, type PseudoCitation } from './pseudo-citations.js';
import { readCitations, type FootnoteReferenceSite } from './read-citations.js';
import { readEntries } from './read-entries.js';
import { linkDestination, type LinkDefinitions } from './link-destinations.js';
import { indexTree, type TreeIndex } from './index-tree.js';
import { PROVENANCE_LINE, readProvenance, type ProvenanceOptions } from './read-provenance.js';
import { SourceLocation } from './source-location.js';
import { reparseMarkdown } from './reparse-markdown.js';

export interface ParseOptions {
  /** The file's path; with `root`, gives the record's `path` and default `id`. */
  path?: string;
  /** The content root that `path` is relative to; defaults to the current directory. */
  root?: string;
  provenance?: ProvenanceOptions;
  /** Files larger than this many bytes get a fatal `input/too-large`. Default 4 MiB. */
  maxBytes?: number;
  /**
   * An earlier parse of this file (an editor's previous version): the Markdown blocks the edit did not
   * touch are taken from its tree instead of being parsed again, when that gives the same tree.
   */
  previous?: ParsedDocument;
}

/** The result of parsing one file: the record, the mdast it was read from, and what went wrong. */
export interface ParsedDocument {
  record: QaDocument;
  /** mdast of the body, positions in the original file. */
  tree: Root;
  /** Headings, lists, footnotes, HTML and code ranges of `tree`, gathered in the parser's one walk. */
  index: TreeIndex;
  /** The decoded original text (BOM included), which every offset refers to. */
  source: string;
  /** Offset <-> line/column over `source`. */
  location: SourceLocation;
  diagnostics: ParseDiagnostic[];
  frontMatter: FrontMatter;
  references: FootnoteReferenceSite[];
  duplicateDefinitions: Array<{ label: string; position: import('@qadocs/schema').Position }>;
  pseudoCitations: PseudoCitation[];
  /** True when a fatal diagnostic means the record is a placeholder. */
  fatal: boolean;
}

export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

const FURTHER_READING = /^(?:further reading|see also|related(?: (?:articles|content|links|resources|topics|reading))?|learn more|more resources|more information|next steps?)$/i;

/** Whether a heading opens the further-reading section ("Further reading", "See also", "Learn more" …). */
export function isFurtherReadingHeading(heading: Heading): boolean {
  return FURTHER_READING.test(headingText(heading).replace(/[:.]$/, ''));
}

/** Parse a Q&A Markdown file (text, or bytes to be decoded strictly as UTF-8) into a QaDocument. */
export function parseDocument(input: string | Uint8Array, options: ParseOptions = {}): ParsedDocument {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const hash = `sha256-${createHash('sha256').update(bytes).digest('hex')}`;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    return unparsableDocument(options, hash, tooLargeDiagnostic(bytes.length, maxBytes));
  }
  let source: string;
  if (typeof input === 'string') source = input;
  else {
    const decoded = decodeSource(input);
    if (!decoded.ok) return unparsableDocument(options, hash, decoded.diagnostic);
    source = decoded.text;
  }
  try {
    return parseText(source, hash, options);
  } catch (error) {
    // GFM's transforms walk the tree recursively inside micromark's parse, before the depth check.
    if (isStackOverflow(error)) return unparsableDocument(options, hash, tooComplexDiagnostic(null));
    throw error;
  }
}

/**
 * The record path and id `parseDocument` gives a file, from its front matter alone (no Markdown parse):
 * for exporters that must know where every page goes before rendering the pages that link to it.
 * Null when the bytes are not UTF-8 (the file is not exported).
 */
export function readDocumentIdentity(input: Uint8Array, options: ParseOptions = {}): { id: string; path: string } | null {
  const decoded = decodeSource(input);
  if (!decoded.ok) return null;
  const frontMatter = readFrontMatter(decoded.text, new SourceLocation(decoded.text));
  const fieldPosition = (key: string) => frontMatter.fields.find((field) => field.key === key)?.position ?? FILE_START;
  return { id: documentId(frontMatter.data, options, fieldPosition).id, path: relativePath(options) };
}

function parseText(source: string, hash: string, options: ParseOptions): ParsedDocument {
  const location = new SourceLocation(source);
  const frontMatter = readFrontMatter(source, location);
  const diagnostics = [...frontMatter.diagnostics];
  const masked = markdownOf(source, frontMatter);
  const { previous } = options;
  const reparsed = previous && !previous.fatal ? reparseMarkdown({ markdown: markdownOf(previous.source, previous.frontMatter), tree: previous.tree, location: previous.location }, masked) : null;
  const tree = reparsed ?? (processor.parse(masked) as Root);
  // Before any recursive walk (the trailer's `visit`, rules, rendering) can overflow the stack.
  const index = indexTree(tree);
  if (index.deepest.depth > MAX_NESTING_DEPTH) {
    const { node } = index.deepest;
    return unparsableDocument(options, hash, tooComplexDiagnostic(index.deepest.depth, node.position ? positionOf(node) : FILE_START));
  }
  const data = frontMatter.data;

  const provenanceOptions = options.provenance ?? {};
  const { qaNodes, provenance, furtherReading } = splitTrailer(tree.children, location, provenanceOptions, index.linkDefinitions);
  const citationIndex = readCitations(index, source, location);
  const fieldPosition = (key: string) => frontMatter.fields.find((field) => field.key === key)?.position ?? FILE_START;
  const questionField = typeof data.question === 'string' && data.question.trim() !== '' ? { text: data.question.trim(), position: fieldPosition('question') } : null;
  const entries = readEntries(qaNodes, source, questionField);

  let recordProvenance: Provenance | null = provenance;
  if (!recordProvenance && typeof data.source === 'string' && data.source.trim() !== '') {
    recordProvenance = readProvenance(data.source.trim(), fieldPosition('source'), provenanceOptions);
  }

  const words = index.words;
  const { id, idDiagnostic } = documentId(data, options, fieldPosition);
  if (idDiagnostic) diagnostics.push(idDiagnostic);

  const record: QaDocument = {
    schemaVersion: SCHEMA_VERSION,
    id,
    path: relativePath(options),
    hash,
    title: stringField(data.title),
    description: stringField(data.description),
    category: declaredCategory(data.category),
    frontmatter: data,
    entries,
    citations: citationIndex.citations,
    provenance: recordProvenance,
    furtherReading,
    stats: { words, readingMinutes: words === 0 ? 0 : Math.max(1, Math.ceil(words / 200)) },
    // The classifier is the linter's: whoever runs it (the CLI) fills this in.
    classification: null,
  };
  return {
    record,
    tree,
    index,
    source,
    location,
    diagnostics,
    frontMatter,
    references: citationIndex.references,
    duplicateDefinitions: citationIndex.duplicateDefinitions,
    pseudoCitations: findPseudoCitations(masked, index.codeRanges, location),
    fatal: diagnostics.some((diagnostic) => diagnostic.fatal),
  };
}

/** The text micromark sees of a source: an unterminated front matter is no front matter to it. */
function markdownOf(source: string, frontMatter: FrontMatter): string {
  const unterminated = frontMatter.diagnostics.some((diagnostic) => diagnostic.fatal && diagnostic.reason.includes('unterminated'));
  return maskForMarkdown(source, unterminated ? null : frontMatter.range);
}

/**
 * The text micromark sees: front matter and BOM blanked to spaces (line breaks kept) so every mdast
 * position is already a position in the original file, and NUL replaced as CommonMark requires.
 */
function maskForMarkdown(source: string, range: [number, number] | null): string {
  let masked = source;
  if (range) masked = source.slice(0, range[0]) + source.slice(range[0], range[1]).replace(/[^\r\n]/g, ' ') + source.slice(range[1]);
  if (masked.charCodeAt(0) === 0xfeff) masked = ' ' + masked.slice(1);
  return masked.includes('\0') ? masked.replace(/\0/g, '\uFFFD') : masked;
}

/**
 * Separate the Q&A part of the body from its trailer: the provenance line and the further-reading
 * section end the answers; footnote definitions are read wherever they stand.
 */
function splitTrailer(nodes: RootContent[], location: SourceLocation, options: ProvenanceOptions, linkDefinitions: LinkDefinitions) {
  const source = location.text;
  let end = nodes.length;
  let provenance: Provenance | null = null;
  const furtherReading: Link[] = [];
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (node.type === 'paragraph' && !provenance) {
      const start = positionOf(node).start.offset;
      const firstLine = source.slice(start, positionOf(node).end.offset).split(/\r\n|\r|\n/)[0]!;
      if (index > 0 && PROVENANCE_LINE.test(firstLine.trim())) {
        provenance = readProvenance(firstLine.trim().replace(/^[*_]+|[*_]+$/g, ''), location.position(start, start + firstLine.length), options);
        end = Math.min(end, index);
      }
    } else if (node.type === 'heading' && isFurtherReadingHeading(node)) {
      end = Math.min(end, index);
      for (let cursor = index + 1; cursor < nodes.length; cursor++) {
        const sibling = nodes[cursor]!;
        if (sibling.type === 'heading' && sibling.depth <= node.depth) break;
        visit(sibling, (link, _index, parent) => {
          if (link.type !== 'link' && link.type !== 'linkReference') return;
          // `[Title][id]` reads its URL from the document's `[id]: https://…` definition.
          const url = linkDestination(link, linkDefinitions);
          if (url === null) return;
          furtherReading.push({ text: nodeText(link), url, position: positionOf(link, parent ? positionOf(parent as Nodes, positionOf(sibling)) : positionOf(sibling)) });
        });
      }
    }
  }
  return { qaNodes: nodes.slice(0, end), provenance, furtherReading };
}

function stringField(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function declaredCategory(value: unknown): Category | null {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value) ? (value as Category) : null;
}

function relativePath(options: ParseOptions): string {
  if (!options.path) return 'stdin.md';
  const relative = path.relative(path.resolve(options.root ?? '.'), path.resolve(options.path));
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return (inside ? relative : path.basename(options.path)).split(path.sep).join('/');
}

/** Characters a reader cannot see in an id, shown as `\uXXXX` in the message that refuses it. */
// eslint-disable-next-line no-control-regex
const INVISIBLE_IN_ID = /[\u0001-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

function documentId(data: Record<string, unknown>, options: ParseOptions, fieldPosition: (key: string) => import('@qadocs/schema').Position) {
  const derived = relativePath(options).replace(/\.(md|mdx|markdown|txt)$/i, '');
  for (const key of ['id', 'slug']) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    // A mapping or a list is no path: String() would make `[object Object]` or `a,b` of it.
    const candidate = typeof value === 'object' ? null : String(value);
    const reason = candidate === null ? `it is ${Array.isArray(value) ? 'a list' : 'a mapping'}, not a string` : unsafeDocumentIdReason(candidate);
    if (candidate === null || reason !== null) {
      const shown = candidate === null ? (Array.isArray(value) ? '[…]' : '{…}') : candidate.replace(/\0/g, '\\0').replace(INVISIBLE_IN_ID, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
      const idDiagnostic: ParseDiagnostic = {
        ruleId: 'frontmatter/id',
        reason: `Unexpected front-matter ${key} \`${shown}\`: ${reason}; expected a relative path like \`how-to/install\` (using \`${derived}\`)`,
        place: fieldPosition(key),
        fatal: false,
      };
      return { id: derived, idDiagnostic };
    }
    return { id: candidate, idDiagnostic: null };
  }
  return { id: derived, idDiagnostic: null };
}

/**
 * The result for a file that could not be parsed at all (too large, not UTF-8, timed out in a worker):
 * a valid placeholder record and the one fatal diagnostic that explains it.
 */
export function unparsableDocument(options: ParseOptions, hash: string, diagnostic: ParseDiagnostic): ParsedDocument {
  const id = relativePath(options).replace(/\.(md|mdx|markdown|txt)$/i, '');
  return {
    record: {
      schemaVersion: SCHEMA_VERSION,
      id: unsafeDocumentIdReason(id) === null ? id : 'invalid-id',
      path: relativePath(options),
      hash,
      title: null,
      description: null,
      category: null,
      frontmatter: {},
      entries: [],
      citations: [],
      provenance: null,
      furtherReading: [],
      stats: { words: 0, readingMinutes: 0 },
      classification: null,
    },
    tree: { type: 'root', children: [] },
    index: indexTree({ type: 'root', children: [] }),
    source: '',
    location: new SourceLocation(''),
    diagnostics: [diagnostic],
    frontMatter: { data: {}, range: null, language: null, fields: [], diagnostics: [] },
    references: [],
    duplicateDefinitions: [],
    pseudoCitations: [],
    fatal: true,
  };
}

export { CATEGORIES };
