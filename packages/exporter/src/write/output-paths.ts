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
  // The html/ folder's ledger and commit journal (json/'s are beside json/docs/, out of a document's way).
  'html/.qadocs-files.json',
  'html/.qadocs-commit.json',
];

/**
 * Folders (relative to the output root, with their trailing `/`) whose content the exporter writes
 * itself: Pagefind names its index files by their content, so no document page may go among them.
 */
export const RESERVED_FOLDERS = ['html/pagefind/'];

/**
 * Why a document's output may not be written, or null: it is a file the exporter writes itself, it
 * needs such a file as a folder (`html/index.html/x.html`), or it lies in a folder the exporter fills.
 * Compared as collision keys, so `Index.html` is `index.html`.
 */
export function reservedOutputReason(output: string): string | null {
  const key = collisionKey(output);
  if (RESERVED_FILES.includes(key)) return `its output \`${output}\` is a file the exporter writes itself`;
  const segments = output.split('/');
  const folder = folderKeys(output).findIndex((each) => RESERVED_FILES.includes(each));
  if (folder >= 0) {
    const base = segments[0] === 'json' ? 2 : 1;
    return `its output \`${output}\` needs \`${segments.slice(0, base + 1 + folder).join('/')}\` as a folder, a file the exporter writes itself`;
  }
  const inside = RESERVED_FOLDERS.find((reserved) => key.startsWith(reserved));
  if (inside) return `its output \`${output}\` is in \`${inside}\`, the folder of the search index the exporter writes itself`;
  return null;
}

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
