import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { ParsedDocument } from '@qadocs/parser';
import type { Provenance, QaDocument } from '@qadocs/schema';
import { categoryGroup } from './category-labels.js';
import { pathDerivedLinkTargets, pathToSiteRoot, rewriteDocumentLinks, type LinkTargets } from './document-links.js';
import { readDocumentRegions } from './document-regions.js';
import { DEFAULT_SITE_TITLE, SHELL_IDS, pageOwned, renderPageShell } from './page-shell.js';
import { regionsToHast } from './regions-to-hast.js';
import { resolveFragments } from './resolve-fragments.js';
import { labelTaskListItems } from './task-list-labels.js';

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
}

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/**
 * The HTML page of one parsed document, built from the parser's mdast (never re-parsed): the question
 * as `<title>` and `<h1>` (each question a section heading on FAQ pages), the answer, footnotes with
 * back-links, provenance, further reading and the category badge. Pure and deterministic, so it can
 * run in a worker; the Markdown's HTML is sanitized with GitHub's schema and the page has no script.
 */
export function renderDocumentPage(parsed: ParsedDocument, context: PageContext = {}): string {
  const { record } = parsed;
  const single = record.entries.length === 1;
  const regions = readDocumentRegions(parsed.tree, record);
  const hast = regionsToHast(regions, single ? 2 : 3);
  const firstQuestion = record.entries[0]?.question;
  const heading = single ? firstQuestion! : (record.title ?? firstQuestion ?? record.id);
  const headingContent: ElementContent[] = single && hast.entries[0]!.question ? hast.entries[0]!.question : [{ type: 'text', value: heading }];
  const rootPath = pathToSiteRoot(record.id);
  const group = categoryGroup(record.category);

  const article = h('article.document', [
    h('header.document-header', [
      h('p.badge', { className: [`badge-${group.id}`] }, [h('span.visually-hidden', 'Category: '), group.singular]),
      h('h1', headingContent),
      record.description && record.description !== heading ? h('p.description', record.description) : null,
      h('p.document-meta', readingTime(record)),
    ]),
    ...(hast.preamble.length > 0 ? [h('div.preamble', hast.preamble)] : []),
    ...(single
      ? [h('div.answer', hast.entries[0]!.answer)]
      : hast.entries.map((entry, index) =>
          h('section.entry', [h('h2.question', entry.question ?? record.entries[index]!.question), ...entry.answer]),
        )),
    ...(hast.trailing.length > 0 ? [h('div.trailing', hast.trailing)] : []),
    ...(hast.footnotes ? [hast.footnotes] : []),
    ...(record.provenance ? [provenanceSection(record.provenance, record)] : []),
    ...(hast.furtherReading ? [h('section.further-reading', { ariaLabelledBy: 'further-reading' }, [pageOwned(h('h2#further-reading', 'Further reading')), ...hast.furtherReading])] : []),
  ]);

  const content: Root = { type: 'root', children: [article] };
  resolveFragments(content, SHELL_IDS);
  labelTaskListItems(content);
  rewriteDocumentLinks(content, record, context.linkTargets ?? pathDerivedLinkTargets);

  const siteTitle = context.siteTitle ?? DEFAULT_SITE_TITLE;
  return renderPageShell({
    lang: documentLanguage(record, context.lang),
    title: heading,
    description: record.description,
    rootPath,
    siteTitle,
    trail: [{ text: group.plural, href: `${rootPath}index.html#${group.id}` }],
    main: [article],
    footer: [
      h('p', ['Exported from ', h('code', record.path), '.']),
      h('p', h('a', { href: `${rootPath}index.html` }, `All ${siteTitle.toLowerCase()}`)),
    ],
  });
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
