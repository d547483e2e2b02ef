import type { Element } from 'hast';
import { h } from 'hastscript';
import { CATEGORY_GROUPS, categoryGroup } from './category-labels.js';
import { pageHref } from './document-links.js';
import { serializeElement } from './page-shell.js';
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

/** What a document page has between its article and the end of `<main>`: nothing, or this navigation. */
const ARTICLE_END = '</article>';
const MAIN_END = '</main>';
const NAV_START = '<nav class="neighbour-nav"';
const NAV_END = '</nav>';

/**
 * A document page (as `renderDocument` serialized it) with its previous/next navigation set to
 * `neighbours`: the one the page had, if any, is replaced, and none is left when it has no neighbours.
 * The navigation is built as hast and serialized as the page itself is, so labels are escaped exactly
 * as elsewhere; the page is the same bytes `renderDocument` gives with `neighbours` in its context.
 *
 * This is how pages rendered before the index is known (in workers, in shards, in the preview) get
 * their links. The slot is the text between the page's last `</article>` and its last `</main>`:
 * after the article come only this navigation and the footer, whose text is escaped, so neither tag
 * can appear there but as the page's own. A page without that slot (not a document page, or one
 * whose slot holds anything else) is returned as it is.
 */
export function withNeighbourNav(html: string, page: { id: string; category: IndexDocument['category'] }, neighbours: PageNeighbours | undefined): string {
  const mainEnd = html.lastIndexOf(MAIN_END);
  const articleEnd = mainEnd < 0 ? -1 : html.lastIndexOf(ARTICLE_END, mainEnd);
  if (articleEnd < 0) return html;
  const slotStart = articleEnd + ARTICLE_END.length;
  const slot = html.slice(slotStart, mainEnd);
  if (slot !== '' && !(slot.startsWith(NAV_START) && slot.endsWith(NAV_END))) return html;
  const nav = neighbourNav(page.id, neighbours, categoryGroup(page.category).plural);
  return `${html.slice(0, slotStart)}${nav ? serializeElement(nav) : ''}${html.slice(mainEnd)}`;
}

function byLabel(a: Pick<IndexDocument, 'id' | 'label'>, b: Pick<IndexDocument, 'id' | 'label'>): number {
  const left = a.label.toLowerCase();
  const right = b.label.toLowerCase();
  if (left !== right) return left < right ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
