// Where the tests and scripts of every package find the project's own inputs. The repository is
// self-contained: the reference document and the corpus generator live in it; only the real corpus
// is outside, opt-in, in the folder named by QADOCS_CORPUS.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '..');

/** The reference document: an answer pasted from Copilot, with every defect the issues list. Its bytes are the original's. */
export const REFERENCE_DOCUMENT = path.join(REPOSITORY_ROOT, 'test-support', 'reference-document', '000_3668c700682cea6a.txt');

/** The benchmark's deterministic corpus generator. */
export const CORPUS_GENERATOR = path.join(REPOSITORY_ROOT, 'bench', 'scripts', 'gen-corpus.mjs');

/**
 * The real corpus (public documents with `labels.tsv`), from QADOCS_CORPUS only. Returns the folder,
 * or null after printing one line that says what is skipped and how to run it.
 */
export function realCorpusFolder(whatIsSkipped) {
  const folder = process.env.QADOCS_CORPUS;
  if (folder && existsSync(folder)) return path.resolve(folder);
  const why = folder ? `QADOCS_CORPUS="${folder}" does not exist` : 'QADOCS_CORPUS is not set';
  console.warn(`skipped: ${whatIsSkipped} (${why}; set it to the real corpus folder to run it)`);
  return null;
}

/** Every Markdown file (`.md`, `.mdx`) under a folder, in path order: what the corpus tests read (and the tests of content/). */
export function markdownFilesIn(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(md|mdx)$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
