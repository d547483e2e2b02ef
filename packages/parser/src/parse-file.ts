import { lstat, readFile } from 'node:fs/promises';
import { DEFAULT_MAX_BYTES, parseDocument, unparsableDocument, type ParseOptions, type ParsedDocument } from './parse-document.js';
import { tooLargeDiagnostic } from './parse-diagnostic.js';

/**
 * Read and parse one file. The size is checked before reading so a huge file is refused without
 * loading it; a symbolic link is refused rather than followed out of the content tree.
 */
export async function parseFile(filePath: string, options: Omit<ParseOptions, 'path'> = {}): Promise<ParsedDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const stats = await lstat(filePath);
  if (stats.isSymbolicLink()) {
    throw new Error(`Unexpected symbolic link \`${filePath}\`, expected a regular file (links are not followed)`);
  }
  // Not read, so not hashed: the record's hash is the all-zero one of every unread file.
  if (stats.size > maxBytes) return unparsableDocument({ ...options, path: filePath }, `sha256-${'0'.repeat(64)}`, tooLargeDiagnostic(stats.size, maxBytes));
  return parseDocument(await readFile(filePath), { ...options, path: filePath });
}
