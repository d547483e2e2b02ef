import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import { FILE_START, isStackOverflow, parseTimeoutDiagnostic, tooComplexDiagnostic, tooLargeDiagnostic, type ParseDiagnostic } from '@qadocs/parser';
import type { ResolvedConfig } from '@qadocs/linter';
import type { DocumentOutcome, DocumentTask, PipelineSetup } from './document-task.js';
import type { LintCache } from './cache/lint-cache.js';
import { FileTooLarge, readDocument } from './files/read-document.js';
import { applyGcPolicy } from './gc-policy.js';
import { WORKER_HEAP_BOUND } from './heap-bound.js';
import type { WorkerData } from './worker.js';
import { isWorkerOutOfMemory, WORKER_OLD_GENERATION_MB, workerResourceLimits } from './worker-heap.js';
import { createDocumentProcessor, unparsableOutcome } from './process-document.js';
import { runWithTimeLimit, TimeLimitExceeded } from './time-limit.js';

export interface RunDocumentsOptions {
  setup: PipelineSetup;
  files: readonly string[];
  /** Contents already in memory (standard input), by file path; other files are read from disk. */
  contents?: ReadonlyMap<string, Uint8Array>;
  /** The main thread's copy of the config: for diagnostics of files a worker could not finish. */
  config: ResolvedConfig;
  timeoutMs: number;
  /** Worker threads; at most (and by default) the cores available. */
  threads?: number;
  /** Trade time for memory: keep every heap close to what it holds (see gc-policy.ts). */
  lowMemory?: boolean;
  cache?: LintCache | null;
  onProgress?: (done: number, total: number) => void;
  /**
   * The module the pool's workers run (a file URL). A front end that bundles the engine passes its
   * bundled worker; the default is this package's own compiled worker.
   */
  workerFile?: string;
  /**
   * The old-generation limit of each worker, in MB; default from `WORKER_OLD_GENERATION_MB` (tests
   * pass a small one to exercise the retry of a document that outgrows it).
   */
  workerHeapLimitMb?: number;
  /** Told of each document that outgrew its worker's heap, before it runs again without the limit. */
  onHeapLimitRetry?: (filePath: string) => void;
}

/** What reporting a document the pool could not finish needs: its setup, config and time limit. */
export type FailureContext = Pick<RunDocumentsOptions, 'setup' | 'config' | 'timeoutMs' | 'onHeapLimitRetry'>;

/** Runs one document to its outcome: in a worker that can be stopped, or in this thread. */
export type Execute = (task: DocumentTask) => Promise<DocumentOutcome>;

/**
 * Editors and pre-commit hooks lint one or a few files: starting a worker (which loads the linter a
 * second time) would double their run time, so small runs stay in this thread, under the same time
 * limit (`runWithTimeLimit` stops a parse mid-way). Larger runs go to the pool: its workers use every
 * core, and a terminated worker also frees whatever memory a large file took.
 */
export const IN_PROCESS_LIMITS = { files: 4, bytesPerFile: 12 * 1024 } as const;

/**
 * How many documents per thread may be in flight or finished-but-not-yet-reported. Outcomes are
 * reported in path order, so a slow document (a 200 KB page takes ~100x an average one) holds back
 * every outcome after it: with a window of 4 per thread the other workers ran dry behind it, and a
 * worker idle for its idle timeout was even stopped and restarted with a cold JIT. 64 per thread keeps
 * them busy; a waiting outcome is a lint result (a few KB), so the window stays a few MB.
 */
const DOCUMENTS_IN_FLIGHT_PER_THREAD = 64;

/**
 * Stream documents through a worker pool and yield their outcomes in the order of `files`.
 * A bounded window of tasks is read ahead, so memory stays bounded whatever the corpus size; a task's
 * time limit starts when a worker takes it. A document that overruns `timeoutMs` has its worker
 * terminated and gets a fatal `input/timeout`; the run goes on.
 */
export async function* runDocuments(options: RunDocumentsOptions): AsyncGenerator<DocumentOutcome> {
  const { files } = options;
  if (files.length === 0) return;
  const threads = poolThreads(options.threads, files.length);
  const lowMemory = options.lowMemory ?? false;
  const heapLimitMb = options.workerHeapLimitMb ?? (lowMemory ? WORKER_OLD_GENERATION_MB.lowMemory : WORKER_OLD_GENERATION_MB.default);
  const workerFile = options.workerFile ?? ENGINE_WORKER;
  const pool = (await isSmallRun(options)) ? null : createLazyPool(options.setup, threads, lowMemory, workerFile, { heapLimitMb });
  // Started only for a document that outgrew its worker's heap: one thread, no heap limit.
  const unbounded = pool && heapLimitMb != null ? createLazyPool(options.setup, 1, lowMemory, workerFile, { heapLimitMb: null }) : null;
  const execute: Execute = pool ? poolExecutor(pool, options, unbounded) : await inProcessExecutor(options);
  const lookahead = threads * DOCUMENTS_IN_FLIGHT_PER_THREAD;
  const window: Array<Promise<DocumentOutcome>> = [];
  let started = 0;
  let done = 0;
  const fill = () => {
    while (window.length < lookahead && started < files.length) window.push(processOne(files[started++]!, execute, options));
  };
  try {
    fill();
    while (window.length > 0) {
      const outcome = await window.shift()!;
      options.cache?.record(outcome);
      fill();
      options.onProgress?.(++done, files.length);
      yield outcome;
    }
  } finally {
    await Promise.all([pool?.destroy(), unbounded?.destroy()]);
  }
}

/**
 * The threads a run uses: as asked, but never more than the cores (each worker loads the linter and
 * holds a heap, and past the cores they only compete: 300 threads on 1,000 documents took 7.9 GB and
 * four times as long) nor than the files.
 */
export function poolThreads(requested: number | undefined, files: number): number {
  return Math.max(1, Math.min(requested ?? Infinity, availableParallelism(), files));
}

async function isSmallRun({ files, contents }: RunDocumentsOptions): Promise<boolean> {
  if (files.length > IN_PROCESS_LIMITS.files) return false;
  for (const file of files) {
    const size = contents?.get(file)?.length ?? (await stat(file).then((stats) => stats.size, () => 0));
    if (size > IN_PROCESS_LIMITS.bytesPerFile) return false;
  }
  return true;
}

export interface LazyPoolLimits {
  /** How long an idle worker lives, in ms. */
  idleTimeout?: number;
  /** Each worker's old-generation limit in MB (see worker-heap.ts); null for none. */
  heapLimitMb?: number | null;
}

/** The worker pool, started on the first task: a warm `--cache` run that hits everywhere starts none. */
export function createLazyPool(setup: PipelineSetup, threads: number, lowMemory: boolean, workerFile: string, { idleTimeout = 60_000, heapLimitMb = null }: LazyPoolLimits = {}) {
  let pool: Promise<Piscina> | null = null;
  return {
    get: () =>
      (pool ??= import('piscina').then(({ Piscina }) => {
        // Before the first worker exists: V8 reads these flags when it creates a heap.
        applyGcPolicy({ threads, lowMemory });
        return new Piscina({
          filename: workerFile,
          minThreads: 1,
          maxThreads: threads,
          // The pool lives for one run and is destroyed at its end; a worker waiting on a slow
          // document's neighbour must not be stopped and restarted cold.
          idleTimeout,
          workerData: { setup, heapBound: lowMemory ? WORKER_HEAP_BOUND.lowMemory : WORKER_HEAP_BOUND.default } satisfies WorkerData,
          // One document at a time per thread: a terminated worker takes no other task down with it.
          concurrentTasksPerWorker: 1,
          resourceLimits: workerResourceLimits(heapLimitMb),
        });
      })),
    destroy: async () => {
      if (pool) await (await pool).destroy();
    },
  };
}

/**
 * Tasks queue in piscina, so a worker never waits for the main thread between files; the worker says
 * when it starts a file, and only then does that file's clock start, so time spent queued behind a
 * slow file is never counted against it.
 */
export function poolExecutor(pool: LazyPool, options: FailureContext, unbounded: LazyPool | null = null): Execute {
  return async (task) => {
    const piscina = await pool.get();
    const controller = new AbortController();
    const { port1: started, port2: startedInWorker } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    started.once('message', () => {
      timer = setTimeout(() => controller.abort(), options.timeoutMs);
    });
    try {
      return (await piscina.run({ ...task, started: startedInWorker }, { signal: controller.signal, transferList: [startedInWorker] })) as DocumentOutcome;
    } catch (error) {
      const name = (error as Error).name;
      if (unbounded && isWorkerOutOfMemory(error)) {
        options.onHeapLimitRetry?.(task.filePath);
        return poolExecutor(unbounded, options)(task);
      }
      if (name === 'AbortError' || name === 'TimeoutError') return failedOutcome(task.filePath, options, parseTimeoutDiagnostic(options.timeoutMs));
      if (isStackOverflow(error)) return failedOutcome(task.filePath, options, tooComplexDiagnostic(null));
      return failedOutcome(task.filePath, options, { ...FILE_FAILURE, reason: `Unexpected crash while processing the file: ${(error as Error).message}` });
    } finally {
      clearTimeout(timer);
      started.close();
    }
  };
}

type LazyPool = ReturnType<typeof createLazyPool>;

async function inProcessExecutor(options: RunDocumentsOptions): Promise<Execute> {
  const process = await createDocumentProcessor(options.setup, options.config);
  return async (task) => {
    try {
      return runWithTimeLimit(() => process(task), options.timeoutMs);
    } catch (error) {
      if (error instanceof TimeLimitExceeded) return failedOutcome(task.filePath, options, parseTimeoutDiagnostic(options.timeoutMs));
      // Past the parser's depth limit only if a rule or the renderer recursed deeper than the parse did.
      if (isStackOverflow(error)) return failedOutcome(task.filePath, options, tooComplexDiagnostic(null));
      return failedOutcome(task.filePath, options, { ...FILE_FAILURE, reason: `Unexpected unreadable file: ${(error as Error).message}` });
    }
  };
}

/** This package's compiled worker (`dist/worker.js` beside this module). */
export const ENGINE_WORKER = new URL('./worker.js', import.meta.url).href;

/**
 * One file: from the cache when its content is unchanged (unless fixing, when a cached result with
 * fixes is not enough: the fix must be made), else executed and remembered.
 */
async function processOne(filePath: string, execute: Execute, options: RunDocumentsOptions): Promise<DocumentOutcome> {
  const task: DocumentTask = { filePath };
  const inMemory = options.contents?.get(filePath);
  if (inMemory) task.bytes = inMemory;
  if (options.cache) {
    const hash = hashFile(filePath, inMemory, options.config.maxFileSize);
    // Asked before any await, so the cache sees the files in path order.
    const cached = await options.cache.lookup(filePath, hash instanceof Error ? null : hash);
    if (hash instanceof FileTooLarge) return failedOutcome(filePath, options, tooLargeDiagnostic(hash.size, hash.maxBytes));
    if (hash instanceof Error) return failedOutcome(filePath, options, { ...FILE_FAILURE, reason: `Unexpected unreadable file: ${hash.message}` });
    // A miss does not keep the bytes for the worker: the window holds up to 64 documents per thread, and
    // near `maxFileSize` those would be half a gigabyte. The worker reads the file again and caches the
    // hash of what it linted, so a file changed in between is still cached under its own content.
    if (cached && !(options.setup.fix && cached.result.fixableErrorCount + cached.result.fixableWarningCount > 0)) return cached;
  }
  return execute(task);
}

/** The file's content hash, as its record's `hash` (the parser's form), or why it could not be read. */
function hashFile(filePath: string, inMemory: Uint8Array | undefined, maxBytes: number): string | Error {
  try {
    return `sha256-${createHash('sha256').update(inMemory ?? readDocument(filePath, maxBytes)).digest('hex')}`;
  } catch (error) {
    return error as Error;
  }
}

/** A file the pipeline could not process at all; reported under `input/encoding`, the rule for unreadable input. */
export const FILE_FAILURE: ParseDiagnostic = { ruleId: 'input/encoding', reason: '', place: FILE_START, fatal: true };

/** The outcome of a document the pipeline could not finish: the one fatal diagnostic, as `qadocs lint` reports it. */
export function failedOutcome(filePath: string, options: FailureContext, diagnostic: ParseDiagnostic): DocumentOutcome {
  return unparsableOutcome(filePath, options.setup.root, options.config, diagnostic);
}
