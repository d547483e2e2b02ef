import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (this package is `<root>/bench`). */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
/** Where the corpora live: `bench/corpora/<docs>/` (gitignored). */
export const CORPORA_DIR = join(REPO_ROOT, 'bench', 'corpora');
/** The deterministic corpus generator. */
export const GENERATOR_PATH = join(REPO_ROOT, 'bench', 'scripts', 'gen-corpus.mjs');
const MARKER = '.corpus-gen.json';

/**
 * Returns the corpus of `docs` documents for `seed`, generating it only when it is missing or was
 * made with other parameters, and undoing a one-file edit that an interrupted run left behind.
 */
export function ensureCorpus(docs, seed) {
  const dir = join(CORPORA_DIR, String(docs));
  restoreEditedFile(docs);
  const markerPath = join(dir, MARKER);
  let marker = existsSync(markerPath) ? JSON.parse(readFileSync(markerPath, 'utf8')) : null;
  let files = marker ? markdownFiles(dir) : [];
  if (!marker || marker.docs !== docs || marker.seed !== seed || files.length !== docs) {
    if (!existsSync(GENERATOR_PATH)) {
      throw new Error(`the corpus generator is missing: expected ${GENERATOR_PATH}`);
    }
    // A folder without the generator's marker is a generation that was interrupted: ours to remove.
    if (existsSync(dir) && !marker) rmSync(dir, { recursive: true, force: true });
    console.log(`generating ${docs} documents (seed ${seed}) into ${dir} …`);
    execFileSync(process.execPath, [GENERATOR_PATH, '--docs', String(docs), '--out', dir, '--seed', String(seed)], { stdio: ['ignore', 'ignore', 'inherit'] });
    marker = JSON.parse(readFileSync(markerPath, 'utf8'));
    files = markdownFiles(dir);
  }
  const brokenIndexes = new Set((marker.brokenFiles ?? []).map(([index]) => index));
  return { docs, seed, dir, bytes: marker.bytes, files, brokenIndexes };
}

/** Sorted absolute paths of the corpus's Markdown files. */
export function markdownFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

/**
 * A well-formed document of the corpus (not one of the deliberately broken ones), counted from
 * `fraction` of the way through the sorted file list, so different scenarios can use different files.
 */
export function pickWellFormedFile(corpus, fraction) {
  const start = Math.floor(corpus.files.length * fraction);
  for (let offset = 0; offset < corpus.files.length; offset++) {
    const path = corpus.files[(start + offset) % corpus.files.length];
    const index = Number(/doc-(\d+)\.md$/.exec(path)?.[1]);
    if (!corpus.brokenIndexes.has(index)) return path;
  }
  throw new Error(`no well-formed document in ${corpus.dir}`);
}

function editGuardPath(docs) {
  return join(CORPORA_DIR, `.bench-edit-${docs}.json`);
}

/**
 * Replaces one corpus file's content for the one-file-changed scenario. The original (text and
 * times) is saved in a guard file first, so `restoreEditedFile` (or the next run, if this one is
 * killed) puts it back exactly and the other commands see an untouched corpus.
 */
export function editCorpusFile(docs, path, original, text) {
  const guard = editGuardPath(docs);
  if (!existsSync(guard)) {
    const { atimeMs, mtimeMs } = statSync(path);
    writeFileSync(guard, JSON.stringify({ path, original, atimeMs, mtimeMs }));
  }
  writeFileSync(path, text);
}

/** Puts back the file that `editCorpusFile` changed, if any. */
export function restoreEditedFile(docs) {
  const guard = editGuardPath(docs);
  if (!existsSync(guard)) return;
  const { path, original, atimeMs, mtimeMs } = JSON.parse(readFileSync(guard, 'utf8'));
  if (existsSync(path)) {
    writeFileSync(path, original);
    utimesSync(path, atimeMs / 1000, mtimeMs / 1000);
  }
  rmSync(guard);
}

/** Puts back every file a one-file-changed scenario left edited (used when the run is interrupted). */
export function restoreAllEditedFiles() {
  if (!existsSync(CORPORA_DIR)) return;
  for (const name of readdirSync(CORPORA_DIR)) {
    const match = /^\.bench-edit-(\d+)\.json$/.exec(name);
    if (match) restoreEditedFile(Number(match[1]));
  }
}
