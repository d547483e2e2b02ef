import path from 'node:path';
import { categoryNeighbours, indexDocumentOf, pathDerivedLinkTargets, renderIndexPage, renderProblemsPage, withNeighbourNav, type IndexDocument } from '@qadocs/exporter';
import { readFrontMatterIds } from '@qadocs/engine';
import type { LintResult, QaDocument } from '@qadocs/schema';
import type { CliIo } from '../cli-io.js';
import { processDocuments, type RunContext } from '../run-context.js';
import { PREVIEW_ASSETS } from './preview-assets.js';

/** One document as the preview shows it. */
interface PreviewPage {
  filePath: string;
  /** The page's URL path, decoded (`/how-to/rotate-a-key.html`). */
  urlPath: string;
  /** The page as the engine rendered it, without its previous/next links (they depend on the other pages). */
  html: string;
  index: IndexDocument;
  result: LintResult;
}

/** What a rebuild did, for the preview's log line. */
export interface RebuildSummary {
  documents: number;
  rendered: number;
  errors: number;
  warnings: number;
}

/**
 * The site `qadocs preview` serves, held in memory: every page rendered by the engine exactly as
 * `qadocs export` renders it, with the preview's problem panel and assets, and the index with problem
 * counts. `update` renders again only what a change needs.
 */
export class PreviewSite {
  private pages = new Map<string, PreviewPage>();
  /** The served pages by URL path, each with the previous/next links of its index group. */
  private byUrl = new Map<string, string>();
  private customIds = '{}';
  private indexHtml = '';
  /** Changes on every rebuild; a restarted server starts a new series, so open pages reload. */
  private counter = 0;
  private readonly epoch = Date.now().toString(36);

  constructor(
    private context: RunContext,
    private readonly io: CliIo,
  ) {}

  get version(): string {
    return `${this.epoch}-${this.counter}`;
  }

  get root(): string {
    return this.context.root;
  }

  /** The page at a decoded URL path (`/`, `/index.html`, `/how-to/x.html`), or undefined. */
  page(urlPath: string): string | undefined {
    if (urlPath === '/' || urlPath === '/index.html') return this.indexHtml;
    return this.byUrl.get(urlPath);
  }

  /**
   * Take a new run context (the files found again, the config maybe reloaded) and render the documents
   * that changed, those added, and all of them when the config changed or an id set in front matter
   * did (links between pages follow ids). Removed documents leave the site.
   */
  async update(context: RunContext, changed: ReadonlySet<string> | 'all'): Promise<RebuildSummary> {
    this.context = context;
    const customIds = readFrontMatterIds(context.files, context.root, context.config.maxFileSize);
    const idsChanged = JSON.stringify(customIds) !== this.customIds;
    this.customIds = JSON.stringify(customIds);
    const current = new Set(context.files);
    for (const file of [...this.pages.keys()]) if (!current.has(file)) this.pages.delete(file);
    const again = changed === 'all' || idsChanged ? context.files : context.files.filter((file) => changed.has(file) || !this.pages.has(file));
    const needs = { record: true, html: true, page: { search: false, preview: PREVIEW_ASSETS }, customIds };
    for await (const outcome of processDocuments({ ...context, files: again }, this.io, needs)) {
      const record = outcome.recordJson !== undefined ? (JSON.parse(outcome.recordJson) as QaDocument) : null;
      const relative = path.relative(context.root, outcome.filePath).split(path.sep).join('/');
      const counts = { errors: outcome.result.errorCount, warnings: outcome.result.warningCount };
      if (record && outcome.html !== undefined) {
        this.pages.set(outcome.filePath, { filePath: outcome.filePath, urlPath: `/${record.id}.html`, html: outcome.html, index: { ...indexDocumentOf(record), problems: counts }, result: outcome.result });
      } else {
        // The parser could not read it: a page of its problems, where its page would be.
        const id = pathDerivedLinkTargets(relative) ?? relative;
        const html = renderProblemsPage({ id, path: relative }, { ...PREVIEW_ASSETS, problems: outcome.result.messages });
        const index: IndexDocument = { id, path: relative, label: relative, description: null, category: null, entries: 0, problems: counts };
        this.pages.set(outcome.filePath, { filePath: outcome.filePath, urlPath: `/${id}.html`, html, index, result: outcome.result });
      }
    }
    // Over every page of the site, as the export decides them when it finishes: an added or renamed
    // document changes its neighbours' links even though only it was rendered again.
    const neighbours = categoryNeighbours([...this.pages.values()].map((page) => page.index));
    this.byUrl = new Map([...this.pages.values()].map((page) => [page.urlPath, withNeighbourNav(page.html, page.index, neighbours.get(page.index.id))]));
    this.indexHtml = renderIndexPage([...this.pages.values()].map((page) => page.index), { search: false, preview: PREVIEW_ASSETS });
    this.counter++;
    const results = [...this.pages.values()].map((page) => page.result);
    return {
      documents: this.pages.size,
      rendered: again.length,
      errors: results.reduce((sum, result) => sum + result.errorCount, 0),
      warnings: results.reduce((sum, result) => sum + result.warningCount, 0),
    };
  }
}
