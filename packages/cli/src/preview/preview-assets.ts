import type { PreviewAssets } from '@qadocs/exporter';

/** Where the preview serves its own files; no content id can start with `__qadocs` and a page there is never a document. */
export const PREVIEW_PREFIX = '/__qadocs';
export const PREVIEW_SCRIPT_PATH = `${PREVIEW_PREFIX}/preview.js`;
export const PREVIEW_STYLE_PATH = `${PREVIEW_PREFIX}/preview.css`;
export const PREVIEW_EVENTS_PATH = `${PREVIEW_PREFIX}/events`;

/** What each preview page loads besides the site's stylesheet. */
export const PREVIEW_ASSETS: PreviewAssets = { scripts: [PREVIEW_SCRIPT_PATH], stylesheets: [PREVIEW_STYLE_PATH] };

/**
 * The preview's one script, served as a file (the pages' policy allows script from 'self' only, never
 * inline). The server serves each page with its site version in the script's URL; the event stream
 * sends the current version on connect and after each rebuild, and the page reloads when they differ,
 * so a save between the page's load and the stream's connection still reloads it. A page whose stream
 * is connected and current is marked `data-qadocs-preview="live"` (tests and the bench wait for it).
 */
export const PREVIEW_SCRIPT = `const served = new URL(import.meta.url).searchParams.get('version');
const events = new EventSource('${PREVIEW_EVENTS_PATH}');
events.addEventListener('version', (event) => {
  if (event.data !== served) {
    events.close();
    location.reload();
  } else {
    document.documentElement.dataset.qadocsPreview = 'live';
  }
});
`;

/** The page's script tag as the exporter writes it, and as served with the site version. */
export function withVersion(html: string, version: string): string {
  return html.replace(`src="${PREVIEW_SCRIPT_PATH}"`, `src="${PREVIEW_SCRIPT_PATH}?version=${encodeURIComponent(version)}"`);
}
