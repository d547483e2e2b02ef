import path from 'node:path';
import { CONFIG_FILE_NAMES } from '@qadocs/linter';
import { MARKDOWN_EXTENSIONS } from '../files/find-documents.js';

/** What changed on disk since the last call, after a short quiet period. */
export interface InputChanges {
  /** Markdown files added, changed or removed (absolute paths). */
  documents: Set<string>;
  /** A config file (the one in use, or one that would now be found) was added, changed or removed. */
  config: boolean;
  /** Any other file under the watched folders (an image a page shows). */
  others: Set<string>;
  /** A file or folder was added or removed (not only changed): the list of documents must be found again. */
  added: boolean;
}

export interface InputWatcher {
  /** Resolves once the initial scan is done: changes after it are reported. */
  ready: Promise<void>;
  /**
   * Start calling `onChange`. Changes seen before (while the command's first run read the files) are
   * held until then, so a save during the first run is not lost nor handled beside it.
   */
  start(): void;
  close(): Promise<void>;
}

export interface WatchInputsOptions {
  /** The files, folders or globs a command was given (or the content root). */
  inputs: readonly string[];
  cwd: string;
  /** `--config`, when given; else the config files `loadConfig` looks for in `cwd` are watched. */
  configFile?: string | null;
  /** Called with each batch of changes; batches never overlap (a batch waits for the previous call). */
  onChange: (changes: InputChanges) => Promise<void>;
  /** Called when `onChange` throws: the watch goes on. */
  onError: (error: unknown) => void;
}

/** Editors write a file in several steps (truncate, write, rename): one save is one batch. */
const QUIET_MS = 50;

const MARKDOWN_FILE = new RegExp(`\\.(?:${MARKDOWN_EXTENSIONS.join('|')})$`, 'i');
const IGNORED = /(?:^|[/\\])(?:node_modules|\.git)(?:[/\\]|$)/;

/**
 * Watch a command's inputs and its config with chokidar (fs.watch alone reports one save as several
 * events, loses files replaced by rename, and does not watch a folder that does not exist yet).
 * Symbolic links are not followed, as `findDocuments` never follows them inside folders.
 */
export async function watchInputs(options: WatchInputsOptions): Promise<InputWatcher> {
  const { watch } = await import('chokidar');
  const configFiles = new Set(
    options.configFile ? [path.resolve(options.cwd, options.configFile)] : [...CONFIG_FILE_NAMES, 'package.json'].map((name) => path.join(options.cwd, name)),
  );
  // Two watchers: chokidar reports `ready` early when a watched path does not exist yet, and a config
  // file usually does not; its folder does, watched one level deep for the config's names.
  const documents = watch(
    options.inputs.map((input) => staticBase(path.resolve(options.cwd, input))),
    { ignoreInitial: true, followSymlinks: false, ignored: (file: string) => IGNORED.test(file) },
  );
  const configs = options.configFile ? watch([...configFiles], { ignoreInitial: true }) : watch(options.cwd, { ignoreInitial: true, depth: 0, ignored: (file: string) => file !== options.cwd && !configFiles.has(file) });
  const watchers = [documents, configs];
  let pending: InputChanges = emptyChanges();
  let timer: NodeJS.Timeout | undefined;
  let start!: () => void;
  let running = new Promise<void>((resolve) => (start = resolve));
  let closed = false;
  const flush = () => {
    const changes = pending;
    pending = emptyChanges();
    running = running.then(async () => {
      if (closed) return;
      try {
        await options.onChange(changes);
      } catch (error) {
        options.onError(error);
      }
    });
  };
  const record = (event: string, file: string) => {
    if (event !== 'change') pending.added = true;
    const absolute = path.resolve(options.cwd, file);
    if (configFiles.has(absolute)) pending.config = true;
    else if (MARKDOWN_FILE.test(absolute)) pending.documents.add(absolute);
    else pending.others.add(absolute);
    clearTimeout(timer);
    timer = setTimeout(flush, QUIET_MS);
  };
  for (const watcher of watchers) {
    // A folder removed with its documents: chokidar reports the folder; its documents are found again.
    for (const event of ['add', 'change', 'unlink', 'unlinkDir'] as const) watcher.on(event, (file: string) => record(event, file));
    watcher.on('error', (error) => options.onError(error));
  }
  const ready = Promise.all(watchers.map((watcher) => new Promise<void>((resolve) => watcher.once('ready', () => resolve())))).then(() => undefined);
  return {
    ready,
    start,
    async close() {
      closed = true;
      start();
      clearTimeout(timer);
      await Promise.all(watchers.map((watcher) => watcher.close()));
      await running;
    },
  };
}

function emptyChanges(): InputChanges {
  return { documents: new Set(), config: false, others: new Set(), added: false };
}

/** The folder a glob starts from (`content/**\/*.md` -> `content`); a plain path is itself. */
function staticBase(input: string): string {
  const segments = input.split(/[/\\]/);
  const firstGlob = segments.findIndex((segment) => /[*?[\]{}]/.test(segment));
  return firstGlob < 0 ? input : segments.slice(0, firstGlob).join(path.sep) || path.sep;
}
