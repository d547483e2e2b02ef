/**
 * A URL in the form two citations of the same page share: scheme and host lower-cased, default port,
 * empty query/fragment and trailing slashes dropped (WHATWG URL does the first two). Query and
 * fragment are kept otherwise: they may name a different section or resource. Unparsable input comes
 * back trimmed.
 */
export function normalizeUrl(url: string): string {
  let normalized = recentlyNormalized.get(url);
  if (normalized === undefined) {
    normalized = normalizeUncached(url);
    // A long-lived process (a language server linting at every keystroke) asks for the same URLs again
    // and again; WHATWG parsing is most of the time of the citation rules. Bounded: cleared when full.
    if (recentlyNormalized.size >= RECENT_URLS) recentlyNormalized.clear();
    recentlyNormalized.set(url, normalized);
  }
  return normalized;
}

const RECENT_URLS = 10_000;
const recentlyNormalized = new Map<string, string>();

function normalizeUncached(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  if (parsed.pathname.length > 1) parsed.pathname = parsed.pathname.replace(/\/+$/, '');
  // A bare `?` or `#` reads as '' but stays in `href` until '' is assigned.
  if (parsed.search === '') parsed.search = '';
  if (parsed.hash === '') parsed.hash = '';
  return parsed.href;
}
