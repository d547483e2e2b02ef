import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Every element of a hast tree that matches, in document order. */
export function selectAll(tree: Root, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (element) => {
    if (test(element)) found.push(element);
  });
  return found;
}
