import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Diagnostic } from '@qadocs/schema';
import { createLintResult, ruleDocsUrl } from '@qadocs/linter';
import { createBatchedWriter, type BatchedWriter } from '../files/batched-writer.js';
import type { DocumentOutcome } from './document-task.js';

/** A diagnostic as stored: a flat tuple; the url follows from the rule id and is left out. */
type StoredDiagnostic = [
  ruleId: string,
  severity: 1 | 2,
  reason: string,
  start: [line: number, column: number, offset: number],
  end: [line: number, column: number, offset: number],
  extra?: { fix?: number; messageId?: string; parseFailure?: true },
];

/** One line of the cache: a file's diagnostics; a fix shared by several diagnostics is stored once. */
interface StoredEntry {
  file: string;
  hash: string;
  messages: StoredDiagnostic[];
  fixes?: Array<NonNullable<Diagnostic['fix']>>;
}

const FORMAT = 3;

/**
 * `--cache`: diagnostics per file, keyed by content hash, under one key made of the qadocs version and
 * the resolved config. The file is NDJSON sorted by path, and a run visits files in path order, so the
 * cache is read and the next one written as streams, side by side: memory stays flat however many
 * files there are, and only a hit's own line is ever parsed. Any mismatch or damage is a miss.
 */
export class LintCache {
  readonly #file: string;
  readonly #cwd: string;
  #lines: AsyncIterator<string> | null = null;
  #current: { file: string; line: string } | null = null;
  #lookups: Promise<unknown> = Promise.resolve();
  /** Hits waiting to be copied into the next cache, by file. */
  readonly #hits = new Map<string, string>();
  #next: WriteStream | null = null;
  #nextLines: BatchedWriter | null = null;
  readonly #nextFile: string;

  private constructor(file: string, key: string, cwd: string) {
    this.#file = file;
    this.#cwd = cwd;
    this.#nextFile = `${file}.${process.pid}.tmp`;
  }

  /** Open the cache in `location` for this version and config, and start the next one beside it. */
  static async open(location: string, cwd: string, keyParts: readonly string[]): Promise<LintCache> {
    const key = createHash('sha256').update(keyParts.join('\0')).digest('hex');
    const cache = new LintCache(path.join(location, 'lint-cache.ndjson'), key, cwd);
    await mkdir(location, { recursive: true });
    cache.#next = createWriteStream(cache.#nextFile);
    cache.#nextLines = createBatchedWriter(cache.#next);
    cache.#nextLines.write(`${JSON.stringify({ format: FORMAT, key })}\n`);
    try {
      const stream = createReadStream(cache.#file, 'utf8');
      await once(stream, 'open');
      const lines = createInterface({ input: stream, crlfDelay: Infinity })[Symbol.asyncIterator]();
      const header = await lines.next();
      const parsed = header.done ? null : (JSON.parse(header.value) as { format?: unknown; key?: unknown });
      if (parsed?.format === FORMAT && parsed.key === key) cache.#lines = lines;
      else stream.destroy();
    } catch {
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
      const line = await this.#advanceTo(file);
      if (line === null || contentHash === null) return null;
      try {
        const entry = JSON.parse(line) as StoredEntry;
        if (entry.file !== file || entry.hash !== contentHash) return null;
        const outcome: DocumentOutcome = { filePath, hash: contentHash, result: createLintResult(filePath, decodeEntry(entry)) };
        this.#hits.set(file, line);
        return outcome;
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
    // A fixed file changed on disk, and a timed-out one was never checked: neither is remembered.
    if (outcome.fixedSource !== undefined || outcome.result.messages.some((message) => message.parseFailure && message.ruleId === 'input/timeout')) return;
    this.#nextLines?.write(`${hit ?? JSON.stringify(encodeEntry(file, outcome.hash, outcome.result.messages))}\n`);
  }

  /** Replace the cache with the one this run wrote (atomically). */
  async save(): Promise<void> {
    const next = this.#next;
    if (!next) return;
    this.#next = null;
    this.#nextLines?.flush();
    this.#nextLines = null;
    next.end();
    await once(next, 'close');
    await rename(this.#nextFile, this.#file);
  }

  /** Drop the cache this run was writing (the run failed): the previous one stays. */
  async discard(): Promise<void> {
    this.#next?.destroy();
    this.#next = null;
    this.#nextLines = null;
    await rm(this.#nextFile, { force: true });
  }

  async #advanceTo(file: string): Promise<string | null> {
    while (this.#lines) {
      if (this.#current) {
        if (this.#current.file === file) return this.#current.line;
        if (this.#current.file > file) return null;
      }
      const next = await this.#lines.next();
      if (next.done) {
        this.#lines = null;
        this.#current = null;
        return null;
      }
      // The path is the first field of each line: read it without parsing the whole line.
      const match = /^\{"file":("(?:[^"\\]|\\.)*")/.exec(next.value);
      this.#current = match ? { file: JSON.parse(match[1]!) as string, line: next.value } : null;
    }
    return null;
  }

  #relative(filePath: string): string {
    return path.relative(this.#cwd, filePath).split(path.sep).join('/');
  }
}

function encodeEntry(file: string, hash: string, diagnostics: readonly Diagnostic[]): StoredEntry {
  const fixes: Array<NonNullable<Diagnostic['fix']>> = [];
  const fixIndex = new Map<string, number>();
  const messages = diagnostics.map((diagnostic): StoredDiagnostic => {
    const { start, end } = diagnostic.place;
    const extra: NonNullable<StoredDiagnostic[5]> = {};
    if (diagnostic.fix) {
      const key = `${diagnostic.fix.range[0]}:${diagnostic.fix.range[1]}:${diagnostic.fix.text}`;
      let index = fixIndex.get(key);
      if (index === undefined) fixIndex.set(key, (index = fixes.push(diagnostic.fix) - 1));
      extra.fix = index;
    }
    if (diagnostic.messageId) extra.messageId = diagnostic.messageId;
    if (diagnostic.parseFailure) extra.parseFailure = true;
    const stored: StoredDiagnostic = [diagnostic.ruleId, diagnostic.severity, diagnostic.reason, [start.line, start.column, start.offset], [end.line, end.column, end.offset]];
    if (Object.keys(extra).length > 0) stored.push(extra);
    return stored;
  });
  return fixes.length > 0 ? { file, hash, messages, fixes } : { file, hash, messages };
}

function decodeEntry(entry: StoredEntry): Diagnostic[] {
  return entry.messages.map(([ruleId, severity, reason, start, end, extra]) => {
    if (typeof ruleId !== 'string' || (severity !== 1 && severity !== 2)) throw new Error('Unexpected cache entry');
    const fix = extra?.fix !== undefined ? entry.fixes?.[extra.fix] : undefined;
    if (extra?.fix !== undefined && !fix) throw new Error('Unexpected cache entry');
    const place = { start: { line: start[0], column: start[1], offset: start[2] }, end: { line: end[0], column: end[1], offset: end[2] } };
    return {
      ruleId,
      source: 'qadocs',
      severity,
      fatal: severity === 2,
      ...(extra?.parseFailure ? { parseFailure: true as const } : {}),
      reason,
      message: reason,
      ...(extra?.messageId ? { messageId: extra.messageId } : {}),
      line: place.start.line,
      column: place.start.column,
      endLine: place.end.line,
      endColumn: place.end.column,
      place,
      url: ruleDocsUrl(ruleId),
      ...(fix ? { fix } : {}),
    };
  });
}
