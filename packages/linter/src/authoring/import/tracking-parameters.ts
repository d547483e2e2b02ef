/**
 * Query parameters that say how a reader arrived, not which page they read: analytics campaign tags
 * and the click ids ad networks and assistants append. Removing them leaves the same page, so two
 * citations of it become one footnote.
 */
const TRACKING_PARAMETERS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id', 'igshid',
  'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'srsltid', 'si',
]);
/** `ref`/`source` values that name an assistant (`ref=chatgpt.com`, `source=perplexity`), unlike `ref=main`. */
const ASSISTANT_REFERRER = /^(?:chatgpt\.com|chat\.openai\.com|openai|perplexity(?:\.ai)?|copilot(?:\.microsoft\.com)?|bing\.com|gemini(?:\.google\.com)?|claude(?:\.ai)?)$/i;

/**
 * The URL without tracking parameters (`utm_*`, click ids such as `fbclid`/`gclid`, and `ref` or
 * `source` naming an assistant), read and written by the WHATWG URL API. Everything else of the URL,
 * fragment included, is kept; a URL that does not parse comes back unchanged.
 */
export function removeTrackingParameters(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const names = [...new Set(parsed.searchParams.keys())];
  for (const name of names) {
    const lower = name.toLowerCase();
    const tracking =
      lower.startsWith('utm_') ||
      TRACKING_PARAMETERS.has(lower) ||
      ((lower === 'ref' || lower === 'source' || lower === 'ref_src') && parsed.searchParams.getAll(name).every((value) => ASSISTANT_REFERRER.test(value)));
    if (tracking) parsed.searchParams.delete(name);
  }
  // `searchParams` re-serializes what it keeps; with nothing removed the author's spelling stays.
  if (names.length === [...new Set(parsed.searchParams.keys())].length) return url;
  if (parsed.search === '?' || parsed.search === '') parsed.search = '';
  return parsed.href;
}
