import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { Diagnostic } from '@qadocs/schema';
import { pathToSiteRoot } from './document-links.js';
import { DEFAULT_SITE_TITLE, renderPageShell } from './page-shell.js';
import { walkElements } from './walk-elements.js';

/** A lint problem as the preview shows it: where it starts in the source, its rule and its message. */
export type PreviewProblem = Pick<Diagnostic, 'line' | 'column' | 'severity' | 'ruleId' | 'message'>;

/** The files `qadocs preview` adds to each page it serves (absolute URLs on the preview server). */
export interface PreviewAssets {
  scripts: readonly string[];
  stylesheets: readonly string[];
}

/** What turns a page into its preview: the site's assets for it, and the document's problems. */
export interface PagePreview extends PreviewAssets {
  problems: readonly PreviewProblem[];
}

/**
 * The policy of preview pages, and of no exported page: the preview's own script from the server that
 * serves the page (`'self'`, never inline), and its connection back for live reload. Images as on
 * exported pages; nothing else loads from anywhere.
 */
export const PREVIEW_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' https: http:; base-uri 'none'; form-action 'none'";

const MARK_CLASS = 'qadocs-problem';

/**
 * Mark, in the article's tree, the element each problem points at: the innermost element whose source
 * range (mdast -> hast keeps the Markdown's positions, and only elements built from the source have
 * one) holds the problem's start. A marked element gets the class `qadocs-problem`, the numbers of its
 * problems in `data-problems` and an id to link to. Returns, by problem number (1-based, in the order
 * given), the id of the element marked, or null when the problem lies outside what the page shows
 * (front matter, a link definition).
 */
export function markProblems(tree: Root, problems: readonly PreviewProblem[]): Array<string | null> {
  const positioned: Element[] = [];
  const ids = new Set<string>();
  walkElements(tree, (element) => {
    if (element.position) positioned.push(element);
    if (typeof element.properties.id === 'string') ids.add(element.properties.id);
  });
  return problems.map((problem, index) => {
    const number = index + 1;
    let target: Element | null = null;
    for (const element of positioned) {
      // Document order: a later element that still holds the point lies inside the earlier one.
      if (holds(element, problem)) target = target === null || holdsElement(target, element) ? element : target;
    }
    if (!target) return null;
    const classes = Array.isArray(target.properties.className) ? target.properties.className : [];
    if (!classes.includes(MARK_CLASS)) target.properties.className = [...classes, MARK_CLASS];
    const numbers = typeof target.properties.dataProblems === 'string' ? `${target.properties.dataProblems} ` : '';
    target.properties.dataProblems = `${numbers}${number}`;
    if (typeof target.properties.id !== 'string') {
      let id = `qadocs-problem-${number}`;
      while (ids.has(id)) id = `${id}-`;
      ids.add(id);
      target.properties.id = id;
    }
    return target.properties.id as string;
  });
}

function holds(element: Element, point: { line: number; column: number }): boolean {
  const { start, end } = element.position!;
  const after = point.line > start.line || (point.line === start.line && point.column >= start.column);
  const before = point.line < end.line || (point.line === end.line && point.column < end.column);
  return after && before;
}

function holdsElement(outer: Element, inner: Element): boolean {
  const a = outer.position!;
  const b = inner.position!;
  const startsAfter = b.start.line > a.start.line || (b.start.line === a.start.line && b.start.column >= a.start.column);
  const endsBefore = b.end.line < a.end.line || (b.end.line === a.end.line && b.end.column <= a.end.column);
  return startsAfter && endsBefore;
}

/**
 * The preview's problem panel: every problem with `line:col`, severity, rule and message, linked to the
 * element marked for it when it has one. Messages are text nodes: serialization escapes them.
 */
export function problemPanel(problems: readonly PreviewProblem[], targets: ReadonlyArray<string | null>, sourcePath: string): Element {
  const errors = problems.filter((problem) => problem.severity === 2).length;
  const warnings = problems.length - errors;
  const heading = problems.length === 0 ? 'No problems' : problemCount({ errors, warnings });
  return h('aside.preview-problems', { ariaLabelledBy: 'qadocs-preview-problems' }, [
    h('h2#qadocs-preview-problems', [heading, ' in ', h('code', sourcePath)]),
    problems.length === 0
      ? null
      : h(
          'ol.problem-list',
          problems.map((problem, index): ElementContent => {
            const target = targets[index];
            const where = `${problem.line}:${problem.column}`;
            return h('li', { id: `problem-${index + 1}`, className: [problem.severity === 2 ? 'problem-error' : 'problem-warning'] }, [
              target ? h('a.problem-position', { href: `#${target}` }, where) : h('span.problem-position', where),
              ' ',
              h('span.problem-severity', problem.severity === 2 ? 'error' : 'warning'),
              ' ',
              h('span.problem-message', problem.message),
              ' ',
              h('code.problem-rule', problem.ruleId),
              target ? null : h('span.problem-unplaced', ' (not shown on the page)'),
            ]);
          }),
        ),
  ]);
}

/**
 * The preview's page for a document it cannot render (the parser could not read it: bad encoding, too
 * large, a time-out): the problem panel alone, at the URL the document's page would have.
 */
export function renderProblemsPage(document: { id: string; path: string }, preview: PagePreview, options: { siteTitle?: string; lang?: string } = {}): string {
  const siteTitle = options.siteTitle ?? DEFAULT_SITE_TITLE;
  const rootPath = pathToSiteRoot(document.id);
  return renderPageShell({
    lang: options.lang ?? 'en',
    title: document.path,
    rootPath,
    siteTitle,
    scripts: { sources: [...preview.scripts], contentSecurityPolicy: PREVIEW_CONTENT_SECURITY_POLICY },
    stylesheets: [...preview.stylesheets],
    main: [
      h('h1', document.path),
      h('p', 'This document could not be read, so it has no page yet.'),
      problemPanel(preview.problems, preview.problems.map(() => null), document.path),
    ],
    footer: [h('p', h('a', { href: `${rootPath}index.html` }, `All ${siteTitle.toLowerCase()}`))],
  });
}

/** `2 errors, 1 warning`; `No problems` when there are none. */
export function problemCount({ errors, warnings }: { errors: number; warnings: number }): string {
  if (errors === 0 && warnings === 0) return 'No problems';
  const parts = [];
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.join(', ');
}

/** The preview's styles, served beside the site's stylesheet (a policy of `style-src 'self'` allows no inline style). */
export const PREVIEW_STYLESHEET = `.preview-problems {
  border: 2px solid var(--border);
  border-radius: 6px;
  background: var(--surface);
  padding: 0.5rem 1rem;
  margin: 1rem 0;
}
.preview-problems h2 { font-size: 1.1rem; margin: 0.25rem 0; }
.problem-list { padding-left: 1.5rem; margin: 0.25rem 0; }
.problem-list li { margin: 0.25rem 0; }
.problem-position { font-variant-numeric: tabular-nums; font-weight: 600; }
.problem-severity { text-transform: uppercase; font-size: 0.8em; font-weight: 700; }
.problem-error .problem-severity { color: #b3261e; }
.problem-warning .problem-severity { color: #7d5700; }
.qadocs-problem { outline: 2px dashed #b3261e; outline-offset: 2px; }
.qadocs-problem::after { content: " \\26A0 " attr(data-problems); color: #b3261e; font-weight: 700; font-size: 0.8em; }
.problem-count { font-weight: 600; }
@media (prefers-color-scheme: dark) {
  .problem-error .problem-severity, .qadocs-problem::after { color: #ff938a; }
  .problem-warning .problem-severity { color: #e3b341; }
  .qadocs-problem { outline-color: #ff938a; }
}
`;
