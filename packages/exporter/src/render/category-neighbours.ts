import type { Element } from 'hast';
import { h } from 'hastscript';
import { CATEGORY_GROUPS } from './category-labels.js';
import { pageHref } from './document-links.js';
import type { IndexDocument } from './render-index-page.js';

/** A page a document page links to as its previous or next one. */
export interface NeighbourPage {
  id: string;
  /** The link text: the label the index lists the document under. */
  label: string;
}

/** The pages before and after a document in its index group (null at either end). */
export interface PageNeighbours {
  previous: NeighbourPage | null;
  next: NeighbourPage | null;
}

/**
 * The index's groups, in the index's order: Diátaxis categories, then the uncategorized documents,
 * each sorted by label then id. Shared by the index page and the previous/next links, so both agree.
 */
export function indexGroups<T extends Pick<IndexDocument, 'id' | 'label' | 'category'>>(documents: readonly T[]) {
  return CATEGORY_GROUPS.map((group) => ({
    ...group,
    documents: documents.filter((document) => document.category === group.key).sort(byLabel),
  })).filter((group) => group.documents.length > 0);
}

/**
 * Each document's previous and next page within its index group, by id. Uncategorized documents link
 * within the uncategorized group, as the index lists them together.
 */
export function categoryNeighbours(documents: ReadonlyArray<Pick<IndexDocument, 'id' | 'label' | 'category'>>): Map<string, PageNeighbours> {
  const neighbours = new Map<string, PageNeighbours>();
  for (const group of indexGroups(documents)) {
    const pages = group.documents.map(({ id, label }) => ({ id, label }));
    pages.forEach((page, at) => neighbours.set(page.id, { previous: pages[at - 1] ?? null, next: pages[at + 1] ?? null }));
  }
  return neighbours;
}

/** The previous/next navigation of a page, hrefs relative to the page of `fromId`; null when it has neither. */
export function neighbourNav(fromId: string, neighbours: PageNeighbours | undefined, groupName: string): Element | null {
  if (!neighbours || (!neighbours.previous && !neighbours.next)) return null;
  const link = (page: NeighbourPage, rel: 'prev' | 'next', text: string) =>
    h('li', { className: [`neighbour-${rel}`] }, h('a', { href: pageHref(fromId, page.id), rel: [rel] }, [h('span.neighbour-direction', text), ' ', page.label]));
  return h('nav.neighbour-nav', { ariaLabel: `${groupName}: previous and next` }, [
    h('ul', [neighbours.previous ? link(neighbours.previous, 'prev', 'Previous:') : null, neighbours.next ? link(neighbours.next, 'next', 'Next:') : null]),
  ]);
}

function byLabel(a: Pick<IndexDocument, 'id' | 'label'>, b: Pick<IndexDocument, 'id' | 'label'>): number {
  const left = a.label.toLowerCase();
  const right = b.label.toLowerCase();
  if (left !== right) return left < right ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
