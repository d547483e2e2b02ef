import { createHash } from 'node:crypto';
import { copyFileSync, createWriteStream, truncateSync, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { createBatchedWriter, type BatchedWriter } from '../files/batched-writer.js';
import { byteLengthOfLines, readLines } from '../files/read-lines.js';
import { cacheLineFile, decodeCacheLine, encodeCacheLine } from './cache-entry.js';
import type { DocumentOutcome } from '../document-task.js';

/** 5: lines are ASCII JSON (`asciiJson`), read and written as one-byte strings. */
const FORMAT = 5;

interface NextCache {
  stream: WriteStream;
  lines: BatchedWriter;
}

/** A line of the previous cache; `index` counts entries from 1 (the header is line 0). */
interface PreviousLine {
  file: string;
  line: string;
  index: number;
}

/**
 * `--cache`: diagnostics per file, keyed by content hash, under one key made of the qadocs version and
 * the resolved config. The file is NDJSON sorted by path, and a run visits files in path order, so the
 * previous cache is read as a stream beside the run: memory stays flat however many files there are,
 * and only a hit's own line is parsed. Any mismatch or damage is a miss.
 *
 * The next cache is written only from the first difference on: while every file is a hit on the
 * previous cache's next line, nothing is written; at the first difference the previous cache's
 * prefix is copied (one in-kernel copy) and the rest streamed. A run where nothing changed writes
 * nothing (10,000 documents: 100 MB not rewritten).
 */
export class LintCache {
  readonly #file: string;
  readonly #cwd: string;
  readonly #key: string;
  #lines: AsyncGenerator<string, void, undefined> | null = null;
  #linesRead = 0;
  #current: PreviousLine | null = null;
  #lookups: Promise<unknown> = Promise.resolve();
  /** Hits waiting for their `record`, by file. */
  readonly #hits = new Map<string, PreviousLine>();
  /** Entries of the previous cache the run has matched, in order, with nothing else written. */
  #sameEntries = 0;
  #next: NextCache | null = null;
  readonly #nextFile: string;

  private constructor(file: string, key: string, cwd: string) {
    this.#file = file;
    this.#key = key;
    this.#cwd = cwd;
    this.#nextFile = `${file}.${process.pid}.tmp`;
  }

  /** Open the cache in `location` for this version and config. */
  static async open(location: string, cwd: string, keyParts: readonly string[]): Promise<LintCache> {
    const key = createHash('sha256').update(keyParts.join('\0')).digest('hex');
    const cache = new LintCache(path.join(location, 'lint-cache.ndjson'), key, cwd);
    await mkdir(location, { recursive: true });
    let lines: AsyncGenerator<string, void, undefined> | null = null;
    try {
      lines = await readLines(cache.#file, { asciiOnly: true });
      const header = await lines.next();
      const parsed = header.done ? null : (JSON.parse(header.value) as { format?: unknown; key?: unknown });
      if (parsed?.format === FORMAT && parsed.key === key) cache.#lines = lines;
      else await lines.return();
    } catch {
      await lines?.return().catch(() => undefined);
      // Missing or unreadable: every file is a miss; the next cache replaces it.
    }
    return cache;
  }

  /**
   * The cached outcome of a file with this content hash (null: unreadable), or null. Calls must come in
   * path order (each call reserves the file's turn), so the cache is read in one pass.
   */
  lookup(filePath: string, contentHash: string | null): Promise<DocumentOutcome | null> {
    const file = this.#relative(filePath);
    const result = this.#lookups.then(async () => {
      const previous = await this.#advanceTo(file);
      if (previous === null || contentHash === null) return null;
      try {
        const result = decodeCacheLine(previous.line, file, contentHash, filePath);
        if (!result) return null;
        this.#hits.set(file, previous);
        return { filePath, hash: contentHash, result } satisfies DocumentOutcome;
      } catch {
        return null;
      }
    });
    this.#lookups = result;
    return result;
  }

  /** Add a file's outcome to the next cache; call in path order, once per file of the run. */
  record(outcome: DocumentOutcome): void {
    const file = this.#relative(outcome.filePath);
    const hit = this.#hits.get(file);
    this.#hits.delete(file);
    if (hit && this.#next === null && hit.index === this.#sameEntries + 1) {
      this.#sameEntries++;
      return;
    }
    const next = this.#startNext();
    // A fixed file changed on disk, and a timed-out one was never checked: neither is remembered.
    if (outcome.fixedSource !== undefined) return;
    if (hit === undefined && outcome.result.messages.some((message) => message.parseFailure && message.ruleId === 'input/timeout')) return;
    next.lines.write(`${hit?.line ?? encodeCacheLine(file, outcome.hash, outcome.result)}\n`);
  }

  /** Replace the cache with the one this run wrote (atomically), unless it is the same. */
  async save(): Promise<void> {
    // Entries the run did not reach (files no longer linted) are dropped: that is a difference too.
    if (this.#next === null && (this.#linesRead > this.#sameEntries || (this.#lines !== null && !(await this.#lines.next()).done))) this.#startNext();
    await this.#closeLines();
    const next = this.#next;
    if (!next) return;
    this.#next = null;
    next.lines.flush();
    next.stream.end();
    await once(next.stream, 'close');
    await rename(this.#nextFile, this.#file);
  }

  /** Drop the cache this run was writing (the run failed): the previous one stays. */
  async discard(): Promise<void> {
    await this.#closeLines();
    this.#next?.stream.destroy();
    this.#next = null;
    await rm(this.#nextFile, { force: true });
  }

  /** Start the next cache: the previous one's header and matched entries, then what follows. */
  #startNext(): NextCache {
    if (this.#next) return this.#next;
    let copied = false;
    if (this.#sameEntries > 0) {
      try {
        copyFileSync(this.#file, this.#nextFile);
        truncateSync(this.#nextFile, byteLengthOfLines(this.#file, this.#sameEntries + 1));
        copied = true;
      } catch {
        // The previous cache went away meanwhile: its matched entries are lost (misses next time), nothing else.
      }
    }
    const stream = createWriteStream(this.#nextFile, { flags: copied ? 'a' : 'w' });
    const lines = createBatchedWriter(stream, { encoding: 'latin1' });
    if (!copied) lines.write(`${JSON.stringify({ format: FORMAT, key: this.#key })}\n`);
    return (this.#next = { stream, lines });
  }

  /** Close the previous cache when the run did not read it to its end. */
  async #closeLines(): Promise<void> {
    const lines = this.#lines;
    this.#lines = null;
    this.#current = null;
    await lines?.return();
  }

  async #advanceTo(file: string): Promise<PreviousLine | null> {
    while (this.#lines) {
      if (this.#current) {
        if (this.#current.file === file) return this.#current;
        if (this.#current.file > file) return null;
      }
      const next = await this.#lines.next();
      if (next.done) {
        this.#lines = null;
        this.#current = null;
        return null;
      }
      const lineFile = cacheLineFile(next.value);
      this.#current = lineFile === null ? null : { file: lineFile, line: next.value, index: ++this.#linesRead };
    }
    return null;
  }

  #relative(filePath: string): string {
    return path.relative(this.#cwd, filePath).split(path.sep).join('/');
  }
}
