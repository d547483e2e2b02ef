import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { walkElements } from './walk-elements.js';

/**
 * GFM task-list checkboxes come out as bare `<input type="checkbox" disabled>`, which a screen reader
 * announces without a name. Each one is named after the text of its item (nested lists left out).
 */
export function labelTaskListItems(tree: Root): void {
  walkElements(tree, (element) => {
    if (element.tagName !== 'li') return;
    const checkbox = findCheckbox(element.children);
    if (!checkbox || checkbox.properties.ariaLabel !== undefined) return;
    const text = element.children
      .filter((child) => !(child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')))
      .map((child) => toString(child))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    checkbox.properties.ariaLabel = text === '' ? 'Task' : text;
  });
}

function findCheckbox(children: ElementContent[]): Element | undefined {
  for (const child of children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'input' && child.properties.type === 'checkbox') return child;
    // A loose task list wraps the checkbox in a paragraph.
    if (child.tagName === 'p') return findCheckbox(child.children);
  }
  return undefined;
}
