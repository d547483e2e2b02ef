import { h } from 'hastscript';
import { DEFAULT_SITE_TITLE, SEARCH_CONTENT_SECURITY_POLICY, renderPageShell } from './page-shell.js';

export interface SearchPageOptions {
  lang?: string;
  siteTitle?: string;
  baseUrl?: string;
}

/**
 * `html/search.html`: a search form over the Pagefind index. The only page with a script (its own
 * `assets/search.js`, which loads Pagefind's), and so the only one whose policy lets scripts run.
 * The form also works as a link: `search.html?q=footnote` searches on load.
 */
export function renderSearchPage(options: SearchPageOptions = {}): string {
  const siteTitle = options.siteTitle ?? DEFAULT_SITE_TITLE;
  return renderPageShell({
    lang: options.lang ?? 'en',
    title: `Search · ${siteTitle}`,
    canonical: options.baseUrl ? `${options.baseUrl.replace(/\/+$/, '')}/search.html` : null,
    rootPath: '',
    siteTitle,
    search: true,
    isSearch: true,
    scripts: { sources: ['assets/search.js'], contentSecurityPolicy: SEARCH_CONTENT_SECURITY_POLICY },
    main: [
      h('h1', 'Search'),
      h('form.search-form', { role: 'search', action: 'search.html', method: 'get' }, [
        h('label', { htmlFor: 'search-query' }, 'Search the documents'),
        h('div.search-row', [h('input#search-query', { type: 'search', name: 'q', autocomplete: 'off' }), h('button', { type: 'submit' }, 'Search')]),
      ]),
      h('p#search-status.document-meta', { role: 'status' }, 'Type a word and press Enter.'),
      h('ol#search-results.search-results'),
    ],
    footer: [h('p', ['Search by ', h('a', { href: 'https://pagefind.app/' }, 'Pagefind'), ', in your browser: nothing is sent anywhere.'])],
  });
}

/**
 * `html/assets/search.js`: runs the query of the form (or of `?q=`) against Pagefind and lists the
 * matching pages. Result excerpts are built as DOM nodes (text and `<mark>` only), never as HTML.
 * `partFolders` are the folders (inside `html/`) of the index's parts after the first, which is
 * `pagefind/`: Pagefind merges their results into one ranked list (see `SEARCH_INDEX_PART_PAGES`).
 */
export function searchScript(partFolders: readonly string[] = []): string {
  return `${SEARCH_SCRIPT_HEAD}const parts = ${JSON.stringify(partFolders)};
for (const folder of parts) await pagefind.mergeIndex(new URL('../' + folder, import.meta.url).href, { baseUrl: '/' });
${SEARCH_SCRIPT_BODY}`;
}

const SEARCH_SCRIPT_HEAD = `// qadocs search: Pagefind over the exported pages.
const pagefind = await import('../pagefind/pagefind.js');
await pagefind.options({ baseUrl: '/' });
`;

const SEARCH_SCRIPT_BODY = `const form = document.querySelector('.search-form');
const input = document.getElementById('search-query');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const siteRoot = new URL('../', import.meta.url);

function excerptNodes(excerpt) {
  const parsed = new DOMParser().parseFromString('<p>' + excerpt + '</p>', 'text/html').body.firstChild;
  const nodes = [];
  for (const node of parsed.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(node.textContent));
  }
  return nodes;
}

let latest = 0;
async function run(query) {
  const ticket = ++latest;
  list.replaceChildren();
  if (query.trim() === '') {
    status.textContent = 'Type a word and press Enter.';
    return;
  }
  const search = await pagefind.search(query);
  const results = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
  if (ticket !== latest) return;
  status.textContent = results.length === 0 ? 'No page matches "' + query + '".' : search.results.length + ' ' + (search.results.length === 1 ? 'page matches' : 'pages match') + ' "' + query + '".';
  for (const data of results) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = new URL(data.url.replace(/^\\/+/, ''), siteRoot).href;
    link.textContent = data.meta.title || data.url;
    link.className = 'document-link';
    const excerpt = document.createElement('p');
    excerpt.className = 'description';
    excerpt.append(...excerptNodes(data.excerpt));
    item.append(link, excerpt);
    list.append(item);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = input.value;
  history.replaceState(null, '', '?q=' + encodeURIComponent(query));
  run(query);
});
const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  run(initial);
}
form.dataset.ready = 'true';
`;
