import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { walkElements } from './walk-elements.js';

/**
 * What axe asks of the blocks Markdown makes, done on the sanitized page:
 * - code blocks and tables scroll sideways when wider than the column (on a phone, most do); a
 *   keyboard can scroll only what it can focus, so each one is in the tab order (`tabindex="0"`);
 * - a header cell with no text (the empty corner of a comparison table) names no column or row, so it
 *   becomes an ordinary cell instead of an empty header.
 */
export function makeBlocksAccessible(tree: Root): void {
  walkElements(tree, (element) => {
    if (element.tagName === 'pre' || element.tagName === 'table') element.properties.tabIndex = 0;
    else if (element.tagName === 'th' && toString(element).trim() === '') element.tagName = 'td';
  });
}
