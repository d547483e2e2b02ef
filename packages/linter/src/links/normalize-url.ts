/**
 * A URL in the form two citations of the same page share: scheme and host lower-cased, default port,
 * empty query/fragment and trailing slashes dropped (WHATWG URL does the first two). Query and
 * fragment are kept otherwise: they may name a different section or resource. Unparsable input comes
 * back trimmed.
 */
export function normalizeUrl(url: string): string {
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
