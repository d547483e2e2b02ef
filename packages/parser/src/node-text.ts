import type { Nodes, Parents } from 'mdast';
import type { Position } from '@qadocs/schema';
import { stripPseudoCitations } from './pseudo-citations.js';

/**
 * Plain text of an mdast node as a reader sees it: footnote references and pseudo-citation markers
 * dropped, whitespace collapsed. `skip` leaves out whole subtrees (nested lists of an item).
 */
export function nodeText(node: Nodes, skip: (child: Nodes) => boolean = () => false): string {
  const text = node.type === 'footnoteDefinition' ? node.children.map((child) => collectText(child, skip)).join(' ') : collectText(node, skip);
  return stripPseudoCitations(text).replace(/\s+/g, ' ').trim();
}

function collectText(node: Nodes, skip: (child: Nodes) => boolean): string {
  if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition' || node.type === 'html') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (node.type === 'break') return ' ';
  if (!('children' in node)) return '';
  const parts: string[] = [];
  for (const child of (node as Parents).children) {
    if (skip(child)) continue;
    parts.push(collectText(child, skip));
  }
  const blockSeparator = node.type === 'root' || node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'table' || node.type === 'tableRow';
  return parts.join(blockSeparator ? ' ' : '');
}

/** Labels of the footnote references in a node, in order, without descending into `skip`ped subtrees. */
export function footnoteLabels(node: Nodes, skip: (child: Nodes) => boolean = () => false): string[] {
  const labels: string[] = [];
  const walk = (current: Nodes) => {
    if (current.type === 'footnoteReference') {
      labels.push(current.label ?? current.identifier);
      return;
    }
    if (!('children' in current)) return;
    for (const child of (current as Parents).children) if (!skip(child)) walk(child);
  };
  walk(node);
  return [...new Set(labels)];
}

const NOWHERE: Position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/**
 * The unist position of a node. Nodes made by mdast transforms (GFM e-mail autolinks) have none, so
 * callers pass the nearest positioned ancestor's as `fallback`.
 */
export function positionOf(node: Nodes, fallback: Position = NOWHERE): Position {
  if (!node.position || node.position.start.offset === undefined) return fallback;
  const { start, end } = node.position;
  return { start: { line: start.line, column: start.column, offset: start.offset! }, end: { line: end.line, column: end.column, offset: end.offset! } };
}

/** A position spanning several sibling nodes. */
export function spanOf(first: Nodes, last: Nodes): Position {
  return { start: positionOf(first).start, end: positionOf(last).end };
}
