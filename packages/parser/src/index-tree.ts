import type { Definition, FootnoteDefinition, FootnoteReference, Heading, Html, List, Nodes, Parents, Root, Text } from 'mdast';

/** The nodes that readers of a document look up, gathered in one walk of the tree. */
export interface TreeIndex {
  headings: Heading[];
  lists: List[];
  html: Html[];
  footnoteDefinitions: Array<{ node: FootnoteDefinition; topLevel: boolean }>;
  footnoteReferences: FootnoteReference[];
  /** Link reference definitions by identifier (first wins), for reading where `[text][id]` points. */
  linkDefinitions: Map<string, Definition>;
  /** Text nodes that may hold a `[^x]` call with no definition (micromark leaves those as text). */
  textWithFootnoteCalls: Text[];
  /** `[start, end)` of code, inline code and raw HTML: no citation syntax is read inside them. */
  codeRanges: Array<[number, number]>;
  words: number;
  /** The deepest node and its depth (the root is 0): too deep a tree is refused before any recursive walk. */
  deepest: { depth: number; node: Nodes };
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/**
 * Walk the tree once and index what the parser, the linter and the exporter look up. On a
 * 10,000-document run each extra walk (unist-util-visit allocates a parent stack per node) costs
 * seconds, so every consumer reads this index instead of walking again.
 */
export function indexTree(tree: Root): TreeIndex {
  const index: TreeIndex = { headings: [], lists: [], html: [], footnoteDefinitions: [], footnoteReferences: [], linkDefinitions: new Map(), textWithFootnoteCalls: [], codeRanges: [], words: 0, deepest: { depth: 0, node: tree } };
  const stack: Array<{ node: Nodes; depth: number; inDefinition: boolean }> = [{ node: tree, depth: 0, inDefinition: false }];
  while (stack.length > 0) {
    const { node, depth, inDefinition } = stack.pop()!;
    if (depth > index.deepest.depth) index.deepest = { depth, node };
    switch (node.type) {
      case 'heading':
        index.headings.push(node);
        break;
      case 'list':
        index.lists.push(node);
        break;
      case 'html':
        index.html.push(node);
        pushRange(index.codeRanges, node);
        break;
      case 'code':
      case 'inlineCode':
        pushRange(index.codeRanges, node);
        if (node.type === 'inlineCode' && !inDefinition) index.words += countWords(node.value);
        break;
      case 'footnoteDefinition':
        index.footnoteDefinitions.push({ node, topLevel: depth === 1 });
        break;
      case 'footnoteReference':
        index.footnoteReferences.push(node);
        break;
      case 'definition':
        if (!index.linkDefinitions.has(node.identifier)) index.linkDefinitions.set(node.identifier, node);
        break;
      case 'text':
        if (!inDefinition) index.words += countWords(node.value);
        if (node.position && node.value.includes('[^')) index.textWithFootnoteCalls.push(node);
        break;
    }
    if ('children' in node) {
      const children = (node as Parents).children as Nodes[];
      const childInDefinition = inDefinition || node.type === 'footnoteDefinition';
      for (let child = children.length - 1; child >= 0; child--) stack.push({ node: children[child]!, depth: depth + 1, inDefinition: childInDefinition });
    }
  }
  return index;
}

function pushRange(ranges: Array<[number, number]>, node: Nodes): void {
  if (node.position?.start.offset !== undefined && node.position.end.offset !== undefined) ranges.push([node.position.start.offset, node.position.end.offset]);
}

function countWords(text: string): number {
  WORD.lastIndex = 0;
  let count = 0;
  while (WORD.exec(text)) count++;
  return count;
}
