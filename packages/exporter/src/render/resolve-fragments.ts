import type { Element, Root } from 'hast';
import { slug } from 'github-slugger';
import { toString } from 'hast-util-to-string';
import { hasMark } from './element-marks.js';
import { walkElements } from './walk-elements.js';

const CLOBBER_PREFIX = 'user-content-';
const HEADING = /^h[1-6]$/;
const LANGUAGE_CLASS = /^language-[\w+#.-]+$/;

/**
 * Make every id on the page unique and every in-page link land on one, after sanitizing:
 * 1. ids the page owns (`reservedIds` outside the tree, elements marked `pageOwned`) and GFM's
 *    footnotes win; an author's raw `id`/`name` that repeats one (clobbering, `<a id="fn-1">`) is dropped;
 * 2. headings get GitHub-style slug ids (`## Install` -> `install`), so `other.md#install` from another
 *    document resolves without JavaScript;
 * 3. footnote calls and back-links point at the prefixed ids; other `#fragment`s are pointed at
 *    `user-content-<fragment>` when only that exists;
 * 4. `aria-describedby`/`aria-labelledby` keep only ids that exist; a code block keeps one
 *    `language-*` class (an info string like `js&#x20;x` cannot inject more).
 */
export function resolveFragments(tree: Root, reservedIds: Iterable<string>): void {
  const used = new Set(reservedIds);
  const ownsItsId = (element: Element) => hasMark(element, 'generatedFootnote') || hasMark(element, 'pageOwned');

  walkElements(tree, (element) => {
    const id = element.properties.id;
    if (typeof id === 'string' && ownsItsId(element)) used.add(id);
  });
  const names = new Set<string>();
  walkElements(tree, (element) => {
    if (ownsItsId(element)) return;
    const { id, name } = element.properties;
    if (typeof id === 'string') {
      if (used.has(id)) delete element.properties.id;
      else used.add(id);
    }
    if (typeof name === 'string') {
      if (used.has(name) && name !== element.properties.id) delete element.properties.name;
      else names.add(name);
    }
  });
  walkElements(tree, (element) => {
    if (!HEADING.test(element.tagName) || typeof element.properties.id === 'string') return;
    const base = slug(toString(element)) || 'section';
    let candidate = base;
    for (let counter = 1; used.has(candidate); counter++) candidate = `${base}-${counter}`;
    used.add(candidate);
    element.properties.id = candidate;
  });
  walkElements(tree, (element) => {
    const href = element.properties.href;
    if (element.tagName === 'a' && typeof href === 'string' && href.startsWith('#')) {
      element.properties.href = resolveFragment(href.slice(1), element, (candidate) => used.has(candidate) || names.has(candidate));
    }
    for (const key of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
      const value = element.properties[key];
      if (value === undefined) continue;
      const ids = (Array.isArray(value) ? value : String(value).split(/\s+/)).map(String).filter((token) => used.has(token));
      if (ids.length > 0) element.properties[key] = ids;
      else delete element.properties[key];
    }
    if (element.tagName === 'code' && Array.isArray(element.properties.className)) {
      const language = element.properties.className.flatMap((token) => String(token).split(/\s+/)).find((token) => LANGUAGE_CLASS.test(token));
      if (language) element.properties.className = [language];
      else delete element.properties.className;
    }
  });
}

function resolveFragment(fragment: string, link: Element, exists: (id: string) => boolean): string {
  const decoded = safeDecode(fragment);
  const isFootnoteLink = link.properties.dataFootnoteRef !== undefined || link.properties.dataFootnoteBackref !== undefined;
  for (const candidate of isFootnoteLink ? [prefixed(fragment), prefixed(decoded)] : [fragment, decoded, prefixed(fragment), prefixed(decoded)]) {
    if (exists(candidate)) return `#${candidate}`;
  }
  return `#${fragment}`;
}

function prefixed(fragment: string): string {
  return fragment.startsWith(CLOBBER_PREFIX) ? fragment : CLOBBER_PREFIX + fragment;
}

function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
