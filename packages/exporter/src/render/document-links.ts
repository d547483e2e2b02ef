import path from 'node:path';
import type { Root } from 'hast';
import { walkElements } from './walk-elements.js';
import { unsafeDocumentIdReason } from '@qadocs/schema';

/** Maps a Markdown path relative to the content root (`how-to/install.md`) to the exported id, or null. */
export type LinkTargets = (relativeMarkdownPath: string) => string | null;

const MARKDOWN_FILE = /\.(?:md|mdx|markdown)$/i;

/** The default link targets: a document's id is its path without the extension, as the parser derives it. */
export const pathDerivedLinkTargets: LinkTargets = (relativeMarkdownPath) => relativeMarkdownPath.replace(MARKDOWN_FILE, '');

/**
 * Link targets from the documents of one export, for ids that differ from their path (front-matter `id`).
 * Paths that are not in the list get null, so the link is left as written.
 */
export function linkTargetsFrom(documents: Iterable<{ id: string; path: string }>): LinkTargets {
  const byPath = new Map<string, string>();
  for (const document of documents) byPath.set(document.path, document.id);
  return (relativeMarkdownPath) => byPath.get(relativeMarkdownPath) ?? null;
}

/** The href of the page of document `id`, relative to the page of document `fromId`. */
export function pageHref(fromId: string, id: string): string {
  const relative = path.posix.relative(path.posix.dirname(`/${fromId}`), `/${id}.html`);
  return relative.split('/').map((segment) => (segment === '..' ? segment : encodeURIComponent(segment))).join('/');
}

/** `../` repeated to climb from the page of `id` to the `html/` folder ('' at the top). */
export function pathToSiteRoot(id: string): string {
  return '../'.repeat(id.split('/').length - 1);
}

/**
 * Point relative links to other Markdown documents (`../how-to/x.md#step-2`) at their exported pages
 * (`../how-to/x.html#step-2`, relative to this page). Runs on sanitized hast: only hrefs that survived
 * the sanitizer are considered, and what it writes is built from safe ids, never from the raw href.
 */
export function rewriteDocumentLinks(tree: Root, document: { id: string; path: string }, targets: LinkTargets): void {
  walkElements(tree, (element) => {
    const href = element.properties.href;
    if (element.tagName !== 'a' || typeof href !== 'string') return;
    const rewritten = documentLinkHref(href, document, targets);
    if (rewritten !== null) element.properties.href = rewritten;
  });
}

function documentLinkHref(href: string, document: { id: string; path: string }, targets: LinkTargets): string | null {
  // Scheme-relative, absolute, fragment-only and any URL with a scheme are not document links.
  if (/^(?:[a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(href)) return null;
  const match = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(href);
  if (!match || !MARKDOWN_FILE.test(match[1]!)) return null;
  let linked: string;
  try {
    linked = decodeURI(match[1]!);
  } catch {
    return null;
  }
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(document.path), linked));
  if (resolved.startsWith('../') || resolved === '..' || path.posix.isAbsolute(resolved)) return null;
  const id = targets(resolved);
  if (id === null || unsafeDocumentIdReason(id) !== null) return null;
  return pageHref(document.id, id) + (match[3] ?? '');
}
