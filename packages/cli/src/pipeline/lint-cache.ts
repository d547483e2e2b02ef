import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '@qadocs/schema';
import { createLintResult } from '@qadocs/linter';
import type { DocumentOutcome } from './document-task.js';

interface CacheFile {
  format: 1;
  key: string;
  entries: Record<string, { hash: string; messages: Diagnostic[] }>;
}

/**
 * `--cache`: diagnostics per file, keyed by the file's content hash, under one key made of the qadocs
 * version and the resolved config. Any mismatch or corruption means an empty cache, never a wrong answer.
 */
export class LintCache {
  #entries = new Map<string, { hash: string; messages: Diagnostic[] }>();
  #dirty = false;

  private constructor(
    readonly file: string,
    readonly key: string,
    private readonly cwd: string,
  ) {}

  /** Open the cache file in `location` for this version and config. */
  static async open(location: string, cwd: string, keyParts: readonly string[]): Promise<LintCache> {
    const key = createHash('sha256').update(keyParts.join('\0')).digest('hex');
    const cache = new LintCache(path.join(location, 'lint-cache.json'), key, cwd);
    try {
      const data = JSON.parse(await readFile(cache.file, 'utf8')) as CacheFile;
      if (data.format === 1 && data.key === key && typeof data.entries === 'object' && data.entries !== null) {
        for (const [file, entry] of Object.entries(data.entries)) {
          if (typeof entry?.hash === 'string' && Array.isArray(entry.messages)) cache.#entries.set(file, entry);
        }
      }
    } catch {
      // Missing or corrupt: start empty; the next save replaces it.
    }
    return cache;
  }

  get(filePath: string, hash: string): DocumentOutcome | null {
    const entry = this.#entries.get(this.#relative(filePath));
    if (!entry || entry.hash !== hash) return null;
    return { filePath, hash, result: createLintResult(filePath, entry.messages) };
  }

  set(outcome: DocumentOutcome): void {
    // A fixed file changes on disk, so what was linted is not what is there any more.
    if (outcome.fixedSource !== undefined) return;
    this.#entries.set(this.#relative(outcome.filePath), { hash: outcome.hash, messages: outcome.result.messages });
    this.#dirty = true;
  }

  /** Keep only the files of this run, and write atomically. */
  async save(files: readonly string[]): Promise<void> {
    const keep = new Set(files.map((file) => this.#relative(file)));
    for (const file of this.#entries.keys()) if (!keep.has(file)) (this.#entries.delete(file), (this.#dirty = true));
    if (!this.#dirty) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    const data: CacheFile = { format: 1, key: this.key, entries: Object.fromEntries([...this.#entries].sort(([a], [b]) => (a < b ? -1 : 1))) };
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(data));
    await rename(temporary, this.file);
  }

  #relative(filePath: string): string {
    return path.relative(this.cwd, filePath).split(path.sep).join('/');
  }
}
