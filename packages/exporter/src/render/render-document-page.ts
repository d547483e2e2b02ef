import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { ParsedDocument } from '@qadocs/parser';
import type { Chunk, Provenance, QaDocument } from '@qadocs/schema';
import { documentChunks, type PageAnchors } from './document-chunks.js';
import { categoryGroup } from './category-labels.js';
import { neighbourNav, type PageNeighbours } from './category-neighbours.js';
import { pathDerivedLinkTargets, pathToSiteRoot, rewriteDocumentLinks, type LinkTargets } from './document-links.js';
import { readDocumentRegions } from './document-regions.js';
import { DEFAULT_SITE_TITLE, SHELL_IDS, pageOwned, renderPageShell } from './page-shell.js';
import { regionsToHast } from './regions-to-hast.js';
import { resolveFragments } from './resolve-fragments.js';
import { labelTaskListItems } from './task-list-labels.js';
import { makeBlocksAccessible } from './block-accessibility.js';
import { walkElements } from './walk-elements.js';
import { markProblems, problemPanel, PREVIEW_CONTENT_SECURITY_POLICY, type PagePreview } from './preview-problems.js';

/** What a page needs to know beyond its own document. Everything here is plain data or a pure function. */
export interface PageContext {
  /**
   * Maps a linked Markdown path (relative to the content root) to the id of its exported page, or null
   * to leave the link as written. Default: the path without its extension, as the parser derives ids.
   */
  linkTargets?: LinkTargets;
  /** The `lang` of pages whose front matter gives none. Default `en`. */
  lang?: string;
  /** The site name in titles and the header. */
  siteTitle?: string;
  /** The URL the `html/` folder is published at (`--base-url`): pages get a canonical link. */
  baseUrl?: string;
  /** The site has a search page: the header links to it. */
  search?: boolean;
  /**
   * `qadocs preview` only: the document's lint problems, listed in a panel above the article and each
   * marked at the element it points to, and the preview's script and styles (with their policy).
   * Exported pages never set it and stay script-free.
   */
  preview?: PagePreview;
  /**
   * The pages before and after this one in its index group (`categoryNeighbours`): linked with
   * `rel="prev"`/`rel="next"` in a navigation after the article. None when unset.
   */
  neighbours?: PageNeighbours;
}

/** A rendered page and its chunks (one per answer section, anchored at the page). */
export interface RenderedPage {
  html: string;
  chunks: Chunk[];
}

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/**
 * The HTML page of one parsed document, built from the parser's mdast (never re-parsed): the question
 * as `<title>` and `<h1>` (each question a section heading on FAQ pages), the answer, footnotes with
 * back-links, provenance, further reading and the category badge. Pure and deterministic, so it can
 * run in a worker; the Markdown's HTML is sanitized with GitHub's schema and the page has no script.
 */
export function renderDocumentPage(parsed: ParsedDocument, context: PageContext = {}): string {
  return renderDocument(parsed, context).html;
}

/** `renderDocumentPage`, and the document's chunks anchored at the ids its questions and sections got on the page. */
export function renderDocument(parsed: ParsedDocument, context: PageContext = {}): RenderedPage {
  const { record } = parsed;
  const single = record.entries.length === 1;
  const regions = readDocumentRegions(parsed.tree, record);
  const hast = regionsToHast(regions, single ? 2 : 3);
  const firstQuestion = record.entries[0]?.question;
  // The author's title heads the page when set; a one-question page then shows its question under it.
  const title = record.title !== null && record.title.trim() !== '' ? record.title : null;
  const titled = title !== null && title !== firstQuestion;
  const heading = single && !titled ? firstQuestion! : (title ?? firstQuestion ?? record.id);
  const questionContent: ElementContent[] = single && hast.entries[0]!.question ? hast.entries[0]!.question : [{ type: 'text', value: firstQuestion ?? '' }];
  const headingContent: ElementContent[] = single && !titled ? questionContent : [{ type: 'text', value: heading }];
  const rootPath = pathToSiteRoot(record.id);
  const group = categoryGroup(record.category);

  // `data-pagefind-body`: the search index holds the documents' articles, not headers, footers or the index page.
  const article = h('article.document', { dataPagefindBody: '' }, [
    h('header.document-header', [
      h('p.badge', { className: [`badge-${group.id}`] }, [h('span.visually-hidden', 'Category: '), group.singular]),
      entryHeading(h('h1', headingContent), single && !titled ? 0 : null),
      single && titled ? h('p.question', [h('span.visually-hidden', 'Question: '), ...questionContent]) : null,
      record.description && record.description !== heading ? h('p.description', record.description) : null,
      h('p.document-meta', readingTime(record)),
    ]),
    ...(hast.preamble.length > 0 ? [h('div.preamble', hast.preamble)] : []),
    ...(single
      ? [h('div.answer', hast.entries[0]!.answer)]
      : hast.entries.map((entry, index) =>
          h('section.entry', [entryHeading(h('h2.question', entry.question ?? record.entries[index]!.question), index), ...entry.answer]),
        )),
    ...(hast.trailing.length > 0 ? [h('div.trailing', hast.trailing)] : []),
    ...(hast.footnotes ? [hast.footnotes] : []),
    ...(record.provenance ? [provenanceSection(record.provenance, record)] : []),
    ...(hast.furtherReading ? [h('section.further-reading', { ariaLabelledBy: 'further-reading' }, [pageOwned(h('h2#further-reading', 'Further reading')), ...hast.furtherReading])] : []),
  ]);

  const content: Root = { type: 'root', children: [article] };
  resolveFragments(content, SHELL_IDS);
  labelTaskListItems(content);
  makeBlocksAccessible(content);
  rewriteDocumentLinks(content, record, context.linkTargets ?? pathDerivedLinkTargets);

  const anchors = readAnchors(content, record);
  const siteTitle = context.siteTitle ?? DEFAULT_SITE_TITLE;
  const preview = context.preview;
  const panel = preview ? problemPanel(preview.problems, markProblems(content, preview.problems), record.path) : null;
  const html = renderPageShell({
    lang: documentLanguage(record, context.lang),
    title: heading,
    description: record.description,
    canonical: context.baseUrl ? canonicalUrl(context.baseUrl, record.id) : null,
    search: context.search,
    rootPath,
    siteTitle,
    trail: [{ text: group.plural, href: `${rootPath}index.html#${group.id}` }],
    ...(preview ? { scripts: { sources: [...preview.scripts], contentSecurityPolicy: PREVIEW_CONTENT_SECURITY_POLICY }, stylesheets: [...preview.stylesheets] } : {}),
    main: [panel, article, neighbourNav(record.id, context.neighbours, group.plural)].filter((element) => element !== null),
    footer: [
      h('p', ['Exported from ', h('code', record.path), '.']),
      h('p', h('a', { href: `${rootPath}index.html` }, `All ${siteTitle.toLowerCase()}`)),
    ],
  });
  return { html, chunks: documentChunks(parsed, regions, anchors) };
}

/** The absolute URL of a document's page under `--base-url`. */
export function canonicalUrl(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${id.split('/').map(encodeURIComponent).join('/')}.html`;
}

/** Remember which entry an element heads (kept in `data`, never serialized), so its final id can be read back. */
function entryHeading(element: Element, entryIndex: number | null): Element {
  if (entryIndex !== null) element.data = { ...element.data, entryIndex } as Element['data'];
  return element;
}

/**
 * The ids the page gave each entry's heading and each heading of the answers, read after ids were
 * settled. Headings are found by their place in the source (mdast -> hast keeps positions); an entry
 * whose question has no heading of its own (on a titled page the `<h1>` holds the title) gets the
 * page heading's id.
 */
function readAnchors(tree: Root, record: QaDocument): PageAnchors {
  const headingIds = new Map<number, string>();
  const entryIds: Array<string | undefined> = [];
  let pageHeading = '';
  walkElements(tree, (element) => {
    const id = typeof element.properties.id === 'string' ? element.properties.id : undefined;
    if (!id) return;
    const entryIndex = (element.data as { entryIndex?: number } | undefined)?.entryIndex;
    if (entryIndex !== undefined) entryIds[entryIndex] = id;
    if (element.tagName === 'h1') pageHeading = id;
    const offset = element.position?.start.offset;
    if (/^h[2-6]$/.test(element.tagName) && offset !== undefined && !headingIds.has(offset)) headingIds.set(offset, id);
  });
  return { entries: record.entries.map((_, index) => entryIds[index] ?? pageHeading), headings: headingIds };
}

function readingTime(record: QaDocument): string {
  const { words, readingMinutes } = record.stats;
  return `${words} ${words === 1 ? 'word' : 'words'} · ${readingMinutes} min read`;
}

function provenanceSection(provenance: Provenance, record: QaDocument): Element {
  const date = provenance.date ? [' on ', h('time', { dateTime: provenance.date }, provenance.date)] : [];
  const reviewer = typeof record.frontmatter.reviewed_by === 'string' ? record.frontmatter.reviewed_by : null;
  const summary =
    provenance.kind === 'ai-assistant'
      ? ['Answer drafted with ', h('strong', provenance.tool ?? 'an AI assistant'), ...date, '.']
      : provenance.kind === 'human'
        ? provenance.tool
          ? ['Written by ', h('strong', provenance.tool), ...date, '.']
          : ['Written by a person', ...date, '.']
        : ['Origin not stated', ...date, '.'];
  return h('section.provenance', { ariaLabelledBy: 'source' }, [
    pageOwned(h('h2#source', 'Source')),
    h('p', summary),
    reviewer ? h('p', ['Reviewed by ', h('strong', reviewer), '.']) : provenance.kind === 'ai-assistant' ? h('p', 'Not yet reviewed by a person.') : null,
    h('p.provenance-note', ['As noted in the document: ', h('q', provenance.raw)]),
  ]);
}

function documentLanguage(record: QaDocument, fallback = 'en'): string {
  for (const key of ['lang', 'language']) {
    const value = record.frontmatter[key];
    if (typeof value === 'string' && LANGUAGE_TAG.test(value)) return value;
  }
  return fallback;
}
