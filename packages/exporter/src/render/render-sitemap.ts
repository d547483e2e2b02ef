import { canonicalUrl } from './render-document-page.js';

/** `html/sitemap.xml` (sitemaps.org 0.9): the index and every document page, in id order, under `--base-url`. No dates: the output stays reproducible. */
export function renderSitemap(baseUrl: string, ids: readonly string[]): string {
  const root = `${baseUrl.replace(/\/+$/, '')}/`;
  const urls = [`${root}index.html`, ...ids.map((id) => canonicalUrl(baseUrl, id))];
  const entries = urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}</urlset>\n`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
