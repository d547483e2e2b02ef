import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '@qadocs/schema';
import { createLintResult, ruleDocsUrl } from '@qadocs/linter';
import type { DocumentOutcome } from './document-task.js';

/**
 * A diagnostic as the cache stores it: a flat array, with the rule id as an index into the file's
 * rule table and the url left out (it follows from the rule id). A 10,000-document warm run reads
 * hundreds of thousands of these, so their size is most of the warm run's time.
 */
type StoredDiagnostic = [
  rule: number,
  severity: 1 | 2,
  reason: string,
  start: [line: number, column: number, offset: number],
  end: [line: number, column: number, offset: number],
  extra?: { fix?: number; messageId?: string; parseFailure?: true },
];

/** One file's diagnostics; a fix shared by several diagnostics (a merged renumbering) is stored once. */
interface StoredEntry {
  hash: string;
  messages: StoredDiagnostic[];
  fixes?: Array<NonNullable<Diagnostic['fix']>>;
}

interface CacheFile {
  format: 2;
  key: string;
  rules: string[];
  entries: Record<string, StoredEntry>;
}

/**
 * `--cache`: diagnostics per file, keyed by the file's content hash, under one key made of the qadocs
 * version and the resolved config. Any mismatch or corruption means an empty cache, never a wrong answer.
 */
export class LintCache {
  #entries = new Map<string, { hash: string; decoded: Diagnostic[] } | { hash: string; stored: StoredEntry }>();
  #rules: string[] = [];
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
      if (data.format === 2 && data.key === key && Array.isArray(data.rules) && typeof data.entries === 'object' && data.entries !== null) {
        cache.#rules = data.rules;
        for (const [file, entry] of Object.entries(data.entries)) {
          if (typeof entry?.hash === 'string' && Array.isArray(entry.messages)) cache.#entries.set(file, { hash: entry.hash, stored: entry });
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
    try {
      const messages = 'decoded' in entry ? entry.decoded : this.#decodeEntry(entry.stored);
      return { filePath, hash, result: createLintResult(filePath, messages) };
    } catch {
      // A damaged entry is a miss: the file is linted again.
      return null;
    }
  }

  set(outcome: DocumentOutcome): void {
    // A fixed file changes on disk, so what was linted is not what is there any more.
    if (outcome.fixedSource !== undefined) return;
    this.#entries.set(this.#relative(outcome.filePath), { hash: outcome.hash, decoded: outcome.result.messages });
    this.#dirty = true;
  }

  /** Keep only the files of this run, and write atomically. */
  async save(files: readonly string[]): Promise<void> {
    const keep = new Set(files.map((file) => this.#relative(file)));
    for (const file of this.#entries.keys()) {
      if (keep.has(file)) continue;
      this.#entries.delete(file);
      this.#dirty = true;
    }
    if (!this.#dirty) return;
    const rules: string[] = [];
    const ruleIndex = new Map<string, number>();
    const encodeEntry = (hash: string, diagnostics: Diagnostic[]): StoredEntry => {
      const fixes: Array<NonNullable<Diagnostic['fix']>> = [];
      const fixIndex = new Map<string, number>();
      const messages = diagnostics.map((diagnostic): StoredDiagnostic => {
        let index = ruleIndex.get(diagnostic.ruleId);
        if (index === undefined) ruleIndex.set(diagnostic.ruleId, (index = rules.push(diagnostic.ruleId) - 1));
        const { start, end } = diagnostic.place;
        const extra: NonNullable<StoredDiagnostic[5]> = {};
        if (diagnostic.fix) {
          const key = `${diagnostic.fix.range[0]}:${diagnostic.fix.range[1]}:${diagnostic.fix.text}`;
          let fix = fixIndex.get(key);
          if (fix === undefined) fixIndex.set(key, (fix = fixes.push(diagnostic.fix) - 1));
          extra.fix = fix;
        }
        if (diagnostic.messageId) extra.messageId = diagnostic.messageId;
        if (diagnostic.parseFailure) extra.parseFailure = true;
        const stored: StoredDiagnostic = [index, diagnostic.severity, diagnostic.reason, [start.line, start.column, start.offset], [end.line, end.column, end.offset]];
        if (Object.keys(extra).length > 0) stored.push(extra);
        return stored;
      });
      return fixes.length > 0 ? { hash, messages, fixes } : { hash, messages };
    };
    const entries: CacheFile['entries'] = {};
    for (const [file, entry] of [...this.#entries].sort(([a], [b]) => (a < b ? -1 : 1))) {
      entries[file] = encodeEntry(entry.hash, 'decoded' in entry ? entry.decoded : this.#decodeEntry(entry.stored));
    }
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify({ format: 2, key: this.key, rules, entries } satisfies CacheFile));
    await rename(temporary, this.file);
  }

  #decodeEntry(entry: StoredEntry): Diagnostic[] {
    return entry.messages.map((stored) => this.#decode(stored, entry.fixes ?? []));
  }

  #decode([rule, severity, reason, start, end, extra]: StoredDiagnostic, fixes: ReadonlyArray<NonNullable<Diagnostic['fix']>>): Diagnostic {
    const ruleId = this.#rules[rule];
    if (ruleId === undefined || (severity !== 1 && severity !== 2) || (extra?.fix !== undefined && !fixes[extra.fix])) throw new Error('Unexpected cache entry');
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
      ...(extra?.fix !== undefined ? { fix: fixes[extra.fix]! } : {}),
    };
  }

  #relative(filePath: string): string {
    return path.relative(this.cwd, filePath).split(path.sep).join('/');
  }
}
