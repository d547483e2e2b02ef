import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { findDocuments } from './find-documents.js';

/**
 * Folders where documentation repositories keep their Markdown, in the order a tie is broken:
 * qadocs' own default first, then the names static-site generators use (Docusaurus, VitePress and
 * MkDocs `docs/`, Astro `src/content/`, Hugo `content/`).
 */
export const CONTENT_ROOT_CANDIDATES = ['content', 'docs', 'doc', 'documentation', 'src/content', 'src/docs', 'website/docs'] as const;

/** The folder `qadocs init` writes as `contentRoot`, and how many Markdown files it holds. */
export interface DetectedContentRoot {
  /** POSIX path relative to the folder searched, e.g. `docs` or `src/content`. */
  folder: string;
  /** Markdown files under it (0 when no candidate holds any: the folder is then the default, `content`). */
  documents: number;
}

/**
 * Find the folder of Markdown documents in a repository: the candidate holding the most Markdown
 * files (counted as `qadocs lint <folder>` would find them: .gitignore honoured, node_modules and
 * symbolic links skipped). When none holds any, the default `content` with 0 documents.
 */
export async function detectContentRoot(cwd: string): Promise<DetectedContentRoot> {
  let best: DetectedContentRoot = { folder: CONTENT_ROOT_CANDIDATES[0], documents: 0 };
  for (const folder of CONTENT_ROOT_CANDIDATES) {
    // A link could lead anywhere, and a file of that name is not a folder of documents.
    const stats = await lstat(path.join(cwd, folder)).catch(() => null);
    if (!stats?.isDirectory()) continue;
    const documents = (await findDocuments([folder], cwd)).length;
    if (documents > best.documents) best = { folder, documents };
  }
  return best;
}
