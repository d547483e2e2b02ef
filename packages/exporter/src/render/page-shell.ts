import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { markElement } from './element-marks.js';

/** Default name of the site in titles and the header. */
export const DEFAULT_SITE_TITLE = 'Questions and answers';

/** Ids the page shell owns outside `<main>`; content ids never take them. */
export const SHELL_IDS = ['content', 'site-nav'];

/** Mark an element the page builds with a fixed id, so content never takes that id from it. */
export function pageOwned(element: Element): Element {
  return markElement(element, 'pageOwned');
}

/**
 * No script may run and nothing may load from elsewhere but images: the sanitizer already removes
 * active content; this policy is the second lock, enforced by the browser itself.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' https: http:; base-uri 'none'; form-action 'none'";

/**
 * The search page's policy, and no other page's: its own script and Pagefind's (same origin), the
 * WebAssembly Pagefind searches with, and fetches of the index files beside it. Still no inline
 * script, no other origin, no forms sent anywhere.
 */
export const SEARCH_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

export interface PageShell {
  lang: string;
  /** The `<title>`. */
  title: string;
  description?: string | null;
  /** The page's absolute URL (`<link rel="canonical">`), when the site's base URL is known. */
  canonical?: string | null;
  /** Scripts the page loads (the search page, and preview pages); their policy comes with them. */
  scripts?: { sources: string[]; contentSecurityPolicy: string };
  /** Stylesheets after the site's own (preview pages only). */
  stylesheets?: string[];
  /** `../` steps from this page to the `html/` folder. */
  rootPath: string;
  siteTitle: string;
  /** True on the index itself: its breadcrumb link is marked as the current page. */
  isIndex?: boolean;
  /** The site has a search page (`search.html`): the header links to it. */
  search?: boolean;
  /** True on the search page. */
  isSearch?: boolean;
  /** Links after the site name in the header navigation (breadcrumbs). */
  trail?: Array<{ text: string; href: string }>;
  /** The content of `<main>`. */
  main: ElementContent[];
  /** The content of the page footer. */
  footer: ElementContent[];
}

const stringify = unified().use(rehypeStringify, { closeSelfClosing: false }).freeze();

/** One element serialized exactly as `renderPageShell` serializes it inside a page (text and attributes escaped). */
export function serializeElement(element: Element): string {
  return stringify.stringify({ type: 'root', children: [element] });
}

/** Wrap page content in the shared document shell (landmarks, stylesheet, policy) and serialize it. */
export function renderPageShell(page: PageShell): string {
  const trail = page.trail ?? [];
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: page.lang }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: 'Content-Security-Policy', content: page.scripts?.contentSecurityPolicy ?? CONTENT_SECURITY_POLICY }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', page.title),
          page.description ? h('meta', { name: 'description', content: page.description }) : null,
          page.canonical ? h('link', { rel: 'canonical', href: page.canonical }) : null,
          h('link', { rel: 'stylesheet', href: `${page.rootPath}assets/style.css` }),
          ...(page.stylesheets ?? []).map((href) => h('link', { rel: 'stylesheet', href })),
          ...(page.scripts?.sources ?? []).map((source) => h('script', { type: 'module', src: source })),
        ]),
        h('body', [
          h('a.skip-link', { href: '#content' }, 'Skip to content'),
          h('header.site-header', [
            h('nav.site-nav', { id: 'site-nav', ariaLabel: 'Breadcrumb' }, [
              h('ol', [
                h('li', h('a.site-name', { href: `${page.rootPath}index.html`, ariaCurrent: page.isIndex ? 'page' : undefined }, page.siteTitle)),
                ...trail.map((step) => h('li', h('a', { href: step.href }, step.text))),
              ]),
            ]),
            page.search ? h('a.search-link', { href: `${page.rootPath}search.html`, ariaCurrent: page.isSearch ? 'page' : undefined }, 'Search') : null,
          ]),
          h('main#content', { tabIndex: -1 }, page.main),
          h('footer.site-footer', page.footer),
        ]),
      ]),
    ],
  };
  return `${stringify.stringify(tree)}\n`;
}
