/** The output formats: records, the site, and chunks for search and retrieval (`json/chunks.ndjson`). */
export type ExportFormat = 'json' | 'html' | 'chunks';

/** Paths (relative to the output root) the exporter writes for itself; no document may take them. */
export const RESERVED_FILES = [
  'json/index.json',
  'json/index.schema.json',
  'json/qa-document.schema.json',
  'json/documents.ndjson',
  'json/chunks.ndjson',
  'json/chunk.schema.json',
  'html/index.html',
  'html/search.html',
  'html/sitemap.xml',
  'html/assets/style.css',
  'html/assets/search.js',
];

/** The files a document becomes, relative to the output root: `json/docs/<id>.json`, `html/<id>.html` (its chunks go into one shared file). */
export function documentOutputPaths(id: string, formats: readonly ExportFormat[]): string[] {
  return formats.flatMap((format) => (format === 'json' ? [`json/docs/${id}.json`] : format === 'html' ? [`html/${id}.html`] : []));
}

/**
 * The name two paths share when a file system would treat them as one file: macOS and Windows
 * compare names case-insensitively, and macOS also ignores Unicode normalization (`é` and `e` + U+0301).
 */
export function collisionKey(relativePath: string): string {
  return relativePath.normalize('NFC').toLowerCase().normalize('NFC');
}

/** The folders a path needs (`html/a/b.html` -> `html/a`), as collision keys, below the format folders. */
export function folderKeys(relativePath: string): string[] {
  const segments = relativePath.split('/');
  const base = segments[0] === 'json' ? 2 : 1;
  const folders: string[] = [];
  for (let depth = base + 1; depth < segments.length; depth++) folders.push(collisionKey(segments.slice(0, depth).join('/')));
  return folders;
}
