import type { Nodes, Parents, RootContent } from 'mdast';
import type { Claim } from '@qadocs/schema';
import { footnoteLabels, nodeText, positionOf } from './node-text.js';

/** Blocks a footnote reference can sit in whose text reads as one statement. */
type CitingBlock = Extract<Nodes, { type: 'paragraph' | 'heading' | 'tableRow' }>;

/**
 * Claims for the footnote references no claim holds yet: a citation in a table row, a block quote,
 * a heading, an ordered step or a nested list is attached to the smallest block around it (its
 * paragraph, heading or table row), so every reference of an answer is in exactly one claim's reach.
 */
export function claimsForUncoveredReferences(nodes: RootContent[], claims: readonly Claim[]): Claim[] {
  const added: Claim[] = [];
  const seen = new Set<CitingBlock>();
  const covered = (label: string, offset: number) =>
    [...claims, ...added].some((claim) => claim.citations.includes(label) && claim.position.start.offset <= offset && offset < claim.position.end.offset);
  const walk = (node: Nodes, block: CitingBlock | null) => {
    if (node.type === 'footnoteReference') {
      const offset = positionOf(node).start.offset;
      if (block && !seen.has(block) && !covered(node.label ?? node.identifier, offset)) {
        seen.add(block);
        added.push({ text: blockText(block), citations: footnoteLabels(block), position: positionOf(block) });
      }
      return;
    }
    if (!('children' in node)) return;
    const inner = node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableRow' ? node : block;
    for (const child of (node as Parents).children) walk(child, inner);
  };
  for (const node of nodes) walk(node, null);
  return added;
}

function blockText(block: CitingBlock): string {
  if (block.type !== 'tableRow') return nodeText(block);
  return block.children.map((cell) => nodeText(cell)).join(' | ');
}
