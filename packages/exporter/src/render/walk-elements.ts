import type { Element, Root } from 'hast';

/**
 * Call `callback` for every element under `node`, in document order, with its parent. A plain
 * recursive loop: pages are walked several times each, and unist-util-visit's per-node closures
 * showed up as the largest cost of rendering.
 */
export function walkElements(node: Root | Element, callback: (element: Element, parent: Root | Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    callback(child, node);
    walkElements(child, callback);
  }
}
