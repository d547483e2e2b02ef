import { randomBytes } from 'node:crypto';
import { lstat, open, rename, unlink } from 'node:fs/promises';
import pLimit from 'p-limit';
import { crashPoint } from './crash-point.js';
import type { OutputFiles } from './output-file.js';
import { LEDGER_FILE, readSmallJson } from './output-ledger.js';
import { RESERVED_FILES, type ExportFormat } from './output-paths.js';

/**
 * The commit journal, `<format>/.qadocs-commit.json`: what turns a run's staged files into the new
 * export. Written (and flushed) before the first rename, removed after the last step; a run killed
 * in between leaves it, and the next export, build or merge into the folder completes it before it
 * does anything else, so the folder ends wholly the new export, never a mix.
 *
 * Why a journal rather than a fresh generation folder swapped in by one rename or symlink: the
 * layout `DIR/json/…`, `DIR/html/…` is a public contract that web servers, CI artifact uploads and
 * `loadExport` read as plain folders. A swap would make `DIR` (or `json`, `html`) a link, which
 * uploaders and `cp -r` treat differently and which the exporter itself refuses in an output folder;
 * or it would rename `DIR`, which needs its parent to be writable, drops its owner and permissions,
 * and moves files that are not the exporter's (a hand-written page beside the export). The journal
 * keeps every file where it is, rewrites only what changed (unchanged files keep their mtime), and
 * needs no second copy of the site. Its cost: until the next run, a folder whose build was killed
 * inside its commit holds part of the new files; the commit is only renames, so that window is short.
 */
export const JOURNAL_FILE = '.qadocs-commit.json';

/** One run's commit: staged files to put in place (in order), then files of the previous export to remove. */
export interface CommitJournal {
  /** [target, temporary-name suffix]: the staged file is `target + suffix`. */
  renames: Array<[string, string]>;
  /** [file, fingerprint or null, kept alias or null]: removed only if still that file (see `OutputFiles.removeIfOurs`). */
  removals: Array<[string, string | null, string | null]>;
}

const JOURNAL_VERSION = 1;
const TEMPORARY_SUFFIX = /^\.qadocs-tmp-\d+-[0-9a-f]{12}$/;
/** Renames are cheap but many (two per document); a few at a time keep the file system busy without flooding it. */
const RENAMES_IN_FLIGHT = 16;

/** Write the journal into `format`'s folder, flushed: from here on the run's outcome is the new export. */
export async function writeJournal(files: OutputFiles, format: ExportFormat, journal: CommitJournal): Promise<void> {
  const target = files.resolve(`${format}/${JOURNAL_FILE}`);
  const temporary = `${target}.qadocs-tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  crashPoint('journal');
  const handle = await open(temporary, 'wx', 0o644);
  try {
    await handle.writeFile(`${JSON.stringify({ qadocsCommit: JOURNAL_VERSION, ...journal })}\n`);
    // The one flush of the run: the journal must be whole before any rename depends on it.
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, target);
}

/**
 * Carry out a journal: each staged file still there is renamed over its target (one already renamed
 * is skipped, so a journal can be applied again after a kill), then each listed file of the previous
 * export that is still the exporter's is removed, with the folders that leaves empty. Returns the counts.
 */
export async function applyJournal(files: OutputFiles, journal: CommitJournal): Promise<{ written: number; removed: number }> {
  let written = 0;
  let removed = 0;
  const renames = pLimit(RENAMES_IN_FLIGHT);
  // Documents first, in parallel; then the shared files in their order (index, manifest, ledgers last),
  // so a reader of either manifest finds every file it lists during the commit too.
  const documents = journal.renames.filter(([target]) => isDocumentFile(target));
  const shared = journal.renames.filter(([target]) => !isDocumentFile(target));
  const put = async ([target, suffix]: [string, string]) => {
    if (await files.commitLeftover(target, suffix)) written++;
  };
  await Promise.all(documents.map((entry) => renames(() => put(entry))));
  for (const entry of shared) await put(entry);
  for (const [file, print, alias] of journal.removals) {
    if (alias !== null && (await sameFile(files, file, alias))) continue;
    if (await files.removeIfOurs(file, print)) {
      removed++;
      await files.removeEmptyParents(file);
    }
  }
  return { written, removed };
}

/** Remove the journal: the commit is complete. */
export async function removeJournal(files: OutputFiles, format: ExportFormat): Promise<void> {
  crashPoint();
  await unlink(files.resolve(`${format}/${JOURNAL_FILE}`)).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
}

/**
 * Complete the commit of a run that was killed inside it, if any: run at the start of every writer.
 * A journal that does not read as one (damaged, hostile) is left in place and nothing of it is done;
 * every entry is checked to be a plain path inside the output folder before it is acted on.
 */
export async function recoverInterruptedCommit(files: OutputFiles): Promise<boolean> {
  let recovered = false;
  for (const format of ['json', 'html'] as const) {
    const journal = parseJournal(await readSmallJson(files, `${format}/${JOURNAL_FILE}`), files);
    if (!journal) continue;
    await applyJournal(files, journal);
    await removeJournal(files, format);
    recovered = true;
  }
  return recovered;
}

function parseJournal(value: unknown, files: OutputFiles): CommitJournal | null {
  if (!value || typeof value !== 'object' || (value as { qadocsCommit?: unknown }).qadocsCommit !== JOURNAL_VERSION) return null;
  const { renames, removals } = value as { renames?: unknown; removals?: unknown };
  if (!Array.isArray(renames) || !Array.isArray(removals)) return null;
  const plain = (file: unknown): file is string =>
    typeof file === 'string' && /^(json|html)\//.test(file) && file.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..' && !segment.includes('\0')) && files.contains(file);
  const validRenames = renames.every((entry) => Array.isArray(entry) && entry.length === 2 && plain(entry[0]) && typeof entry[1] === 'string' && TEMPORARY_SUFFIX.test(entry[1]));
  const validRemovals = removals.every(
    (entry) => Array.isArray(entry) && entry.length === 3 && plain(entry[0]) && (entry[1] === null || typeof entry[1] === 'string') && (entry[2] === null || plain(entry[2])),
  );
  return validRenames && validRemovals ? { renames: renames as CommitJournal['renames'], removals: removals as CommitJournal['removals'] } : null;
}

function isDocumentFile(target: string): boolean {
  // The search index (`html/pagefind/`) is shared too: its entry file must land after the files it names.
  return (
    target.startsWith('json/docs/') ||
    (target.startsWith('html/') && !target.startsWith('html/assets/') && !target.startsWith('html/pagefind/') && !RESERVED_FILES.includes(target) && target !== `html/${LEDGER_FILE}`)
  );
}

/**
 * On a case-insensitive or normalizing file system, `How.html` listed by the previous export may be
 * the very file just written as `how.html`: it is kept when both names lead to the same inode.
 */
async function sameFile(files: OutputFiles, file: string, alias: string): Promise<boolean> {
  const [found, kept] = await Promise.all([file, alias].map((name) => lstat(files.resolve(name)).catch(() => null)));
  return !!found && !!kept && found.ino === kept.ino && found.dev === kept.dev;
}
