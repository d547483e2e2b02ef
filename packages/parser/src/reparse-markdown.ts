import type { Nodes, Root, RootContent } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { SourceLocation } from './source-location.js';

type Position = NonNullable<Root['position']>;
type Point = Position['start'];

/** An earlier parse of a document: the text micromark saw, its tree, and its lines. */
export interface MarkdownParse {
  markdown: string;
  tree: Root;
  location: SourceLocation;
}

/**
 * The tree of `markdown`, an edited version of `previous.markdown`, parsing only the top-level blocks
 * the edit touched; null when that cannot be shown to give micromark's own tree (then parse it all).
 *
 * An editor re-lints a document on every keystroke, and micromark is most of that time (about 1 ms per
 * KB). The blocks wholly before the edit are kept; the blocks from the last one before the edit to the
 * first one after it are parsed again, alone, and the blocks after it are kept with their positions
 * shifted. That is micromark's own result when (each is checked, else null):
 * - the text before the region is unchanged, so micromark's state at the region's first line is the
 *   state after a top-level block closed (a fresh document), as in the earlier parse: the region's
 *   first block must come out as the earlier parse's block there;
 * - the region's last block comes out as the earlier parse's first block after the edit (shifted), so
 *   at the text after the region micromark is again where the earlier parse was;
 * - every `[label]` and `[^label]` resolves as before: micromark only makes a reference of a label that
 *   is defined somewhere in the document, so the region is parsed knowing the document's definitions,
 *   and the definitions inside the region must be the ones it had.
 */
export function reparseMarkdown(previous: MarkdownParse, markdown: string): Root | null {
  const before = previous.markdown;
  const blocks = previous.tree.children;
  if (blocks.length === 0 || !blocks.every(hasOffsets)) return null;
  const limit = Math.min(before.length, markdown.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === markdown.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === markdown.charCodeAt(markdown.length - 1 - suffix)) suffix++;
  const changedEnd = before.length - suffix;
  const delta = markdown.length - before.length;
  const lineStart = (node: RootContent) => previous.location.lineStart(node.position!.start.line);

  // The last block wholly before the edit (its line ending included), and the first whose line, and
  // the line ending before it, lie wholly after it.
  let first = -1;
  while (first + 1 < blocks.length && blocks[first + 1]!.position!.end.offset! < prefix) first++;
  let last = -1;
  for (let index = blocks.length - 1; index > first && lineStart(blocks[index]!) > changedEnd; index--) last = index;

  const start = first >= 0 ? lineStart(blocks[first]!) : 0;
  const endBefore = last < 0 ? before.length : last + 1 < blocks.length ? lineStart(blocks[last + 1]!) : before.length;
  const region = parseRegion(markdown.slice(start, endBefore + delta), definitionLabels(blocks));
  if (!region) return null;
  const lineBase = previous.location.point(start).line - 1;
  shiftInPlace(region, start, lineBase);
  const parsed = region.children;
  if (parsed.length === 0) return null;

  if (first >= 0 && !sameShifted(parsed[0]!, blocks[first]!, 0, 0)) return null;
  let lineDelta = 0;
  if (last >= 0) {
    lineDelta = parsed.at(-1)!.position!.start.line - blocks[last]!.position!.start.line;
    if (!sameShifted(parsed.at(-1)!, blocks[last]!, delta, lineDelta)) return null;
  }
  const replaced = blocks.slice(Math.max(first, 0), last < 0 ? blocks.length : last + 1);
  if (!sameLabels(definitionLabels(replaced), definitionLabels(parsed))) return null;

  // The blocks before the region are the earlier tree's own nodes: nothing that reads a tree changes it.
  const kept = blocks.slice(0, Math.max(first, 0));
  const after = last < 0 ? [] : blocks.slice(last + 1).map((node) => shiftedCopy(node, delta, lineDelta));
  const root = previous.tree.position;
  const position: Position | undefined =
    root && region.position
      ? { start: first >= 0 ? { ...root.start } : region.position.start, end: last >= 0 ? shiftPoint(root.end, delta, lineDelta) : region.position.end }
      : undefined;
  return { type: 'root', children: [...kept, ...parsed, ...after], ...(position ? { position } : {}) };
}

/** The labels defined in some blocks, as micromark compares them (`normalizeIdentifier`), links and footnotes apart. */
interface DefinitionLabels {
  links: Set<string>;
  footnotes: Set<string>;
}

function definitionLabels(blocks: readonly RootContent[]): DefinitionLabels {
  const labels: DefinitionLabels = { links: new Set(), footnotes: new Set() };
  const stack: Nodes[] = [...blocks];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition') labels.links.add(normalizeIdentifier(node.label ?? node.identifier));
    else if (node.type === 'footnoteDefinition') labels.footnotes.add(normalizeIdentifier(node.label ?? node.identifier));
    // Definitions are blocks: they stand in containers, never in a paragraph's inline content.
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') stack.push(...(node.children as Nodes[]));
  }
  return labels;
}

function sameLabels(a: DefinitionLabels, b: DefinitionLabels): boolean {
  const same = (x: Set<string>, y: Set<string>) => x.size === y.size && [...x].every((label) => y.has(label));
  return same(a.links, b.links) && same(a.footnotes, b.footnotes);
}

/** The definitions micromark is told of before it parses a region (see `seedDefinitions`). */
let seeds: DefinitionLabels | null = null;
let seeded = false;

/**
 * micromark records each definition it reads in its parser (`defined`, and GFM's `gfmFootnotes`) and
 * makes a reference only of a label found there. A construct tried at the start of every line (the
 * `null` key) has the parser at hand: the first attempt adds the document's definitions, then it never
 * matches.
 */
const seedDefinitions = {
  name: 'qadocsSeedDefinitions',
  tokenize(this: { parser: { defined?: unknown; gfmFootnotes?: unknown } }, _effects: unknown, _ok: unknown, nok: (code: number | null) => unknown) {
    const { parser } = this;
    if (seeds && !seeded && Array.isArray(parser.defined) && (parser.gfmFootnotes === undefined || Array.isArray(parser.gfmFootnotes))) {
      parser.defined.push(...seeds.links);
      parser.gfmFootnotes = [...((parser.gfmFootnotes as string[] | undefined) ?? []), ...seeds.footnotes];
      seeded = true;
    }
    return nok;
  },
};

function remarkSeedDefinitions(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ document: { null: [seedDefinitions] } });
}

const regionProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkSeedDefinitions).freeze();

/** A region alone, knowing the document's definitions; null when micromark was not told them. */
function parseRegion(text: string, labels: DefinitionLabels): Root | null {
  seeds = labels;
  seeded = false;
  try {
    const tree = regionProcessor.parse(text) as Root;
    return seeded || (labels.links.size === 0 && labels.footnotes.size === 0) ? tree : null;
  } finally {
    seeds = null;
  }
}

function hasOffsets(node: RootContent): boolean {
  return node.position?.start.offset !== undefined && node.position.end.offset !== undefined;
}

function shiftPoint(point: Point, offsetDelta: number, lineDelta: number): Point {
  return { line: point.line + lineDelta, column: point.column, offset: point.offset! + offsetDelta };
}

/** A region's tree moved to where the region starts (its first line is a line start: columns stay). */
function shiftInPlace(tree: Root, offsetDelta: number, lineDelta: number): void {
  // Iterative: the region's tree has not been checked for depth yet.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.position?.start.offset !== undefined) node.position = { start: shiftPoint(node.position.start, offsetDelta, lineDelta), end: shiftPoint(node.position.end, offsetDelta, lineDelta) };
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
}

/** A copy of an earlier parse's block, moved; the earlier tree is left as it was. */
function shiftedCopy<T extends Nodes>(node: T, offsetDelta: number, lineDelta: number): T {
  const copy = { ...node };
  if (node.position?.start.offset !== undefined) copy.position = { start: shiftPoint(node.position.start, offsetDelta, lineDelta), end: shiftPoint(node.position.end, offsetDelta, lineDelta) };
  if ('children' in node) (copy as { children: Nodes[] }).children = (node.children as Nodes[]).map((child) => shiftedCopy(child, offsetDelta, lineDelta));
  return copy;
}

/** Whether a freshly parsed node is an earlier parse's node moved by the deltas, field by field. */
function sameShifted(fresh: Nodes, earlier: Nodes, offsetDelta: number, lineDelta: number): boolean {
  const keys = new Set([...Object.keys(fresh), ...Object.keys(earlier)]);
  for (const key of keys) {
    const a = (fresh as unknown as Record<string, unknown>)[key];
    const b = (earlier as unknown as Record<string, unknown>)[key];
    if (key === 'position') {
      const p = a as Position | undefined;
      const q = b as Position | undefined;
      if (!p || !q) {
        if (p !== q) return false;
        continue;
      }
      if (!samePoint(p.start, q.start, offsetDelta, lineDelta) || !samePoint(p.end, q.end, offsetDelta, lineDelta)) return false;
    } else if (key === 'children') {
      const x = a as Nodes[];
      const y = b as Nodes[];
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
      for (let index = 0; index < x.length; index++) if (!sameShifted(x[index]!, y[index]!, offsetDelta, lineDelta)) return false;
    } else if (a !== b && JSON.stringify(a) !== JSON.stringify(b)) {
      return false;
    }
  }
  return true;
}

function samePoint(fresh: Point, earlier: Point, offsetDelta: number, lineDelta: number): boolean {
  return fresh.line === earlier.line + lineDelta && fresh.column === earlier.column && fresh.offset === (earlier.offset ?? Number.NaN) + offsetDelta;
}
