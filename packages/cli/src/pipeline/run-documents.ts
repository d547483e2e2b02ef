import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Piscina } from 'piscina';
import { stat } from 'node:fs/promises';
import { createDocumentProcessor } from './process-document.js';
import { FILE_START, parseTimeoutDiagnostic, unparsableDocument, type ParseDiagnostic } from '@qadocs/parser';
import { createLintResult, lintParsed, type ResolvedConfig } from '@qadocs/linter';
import type { DocumentOutcome, DocumentTask, PipelineSetup } from './document-task.js';
import type { LintCache } from './lint-cache.js';

export interface RunDocumentsOptions {
  setup: PipelineSetup;
  files: readonly string[];
  /** The main thread's copy of the config: for diagnostics of files a worker could not finish. */
  config: ResolvedConfig;
  timeoutMs: number;
  threads?: number;
  cache?: LintCache | null;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Stream documents through a worker pool and yield their outcomes in the order of `files`.
 * At most a few tasks per thread are in flight, so memory stays bounded whatever the corpus size.
 * A document that overruns `timeoutMs` has its worker terminated and gets a fatal `input/timeout`;
 * the run goes on.
 */
export async function* runDocuments(options: RunDocumentsOptions): AsyncGenerator<DocumentOutcome> {
  const { files, setup } = options;
  if (files.length === 0) return;
  if (await isSmallRun(files)) {
    yield* runInProcess(options);
    return;
  }
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), files.length));
  // Created on the first cache miss: a warm `--cache` run that hits everywhere never starts a worker.
  let pool: Promise<Piscina> | null = null;
  const getPool = () =>
    (pool ??= import('piscina').then(
      ({ Piscina }) =>
        new Piscina({
          filename: workerFile(),
          minThreads: 1,
          maxThreads: threads,
          idleTimeout: 1_000,
          workerData: setup,
          // One document at a time per thread: a terminated worker takes no other task down with it.
          concurrentTasksPerWorker: 1,
          // Parsing allocates many short-lived nodes; a larger young generation halves the time spent in GC.
          resourceLimits: { maxYoungGenerationSizeMb: 64 },
        }),
    ));
  const lookahead = threads * 4;
  const window: Array<Promise<DocumentOutcome>> = [];
  let started = 0;
  let done = 0;
  const fill = () => {
    while (window.length < lookahead && started < files.length) window.push(processOne(files[started++]!, getPool, options));
  };
  try {
    fill();
    while (window.length > 0) {
      const outcome = await window.shift()!;
      fill();
      options.onProgress?.(++done, files.length);
      yield outcome;
    }
  } finally {
    const started = pool as Promise<Piscina> | null;
    if (started) await (await started).destroy();
  }
}

/** The bundled worker when the build made one, else the compiled module (found via the package entry). */
function workerFile(): string {
  const distDir = path.dirname(createRequire(import.meta.url).resolve('qadocs'));
  const bundled = path.join(distDir, 'qadocs-worker.mjs');
  return pathToFileURL(existsSync(bundled) ? bundled : path.join(distDir, 'pipeline', 'worker.js')).href;
}

/**
 * Editors and pre-commit hooks lint one or a few files: starting a worker (which loads the linter a
 * second time) would double their run time. In-process runs cannot be stopped mid-parse, so they are
 * kept to small files, where micromark's measured worst cases (quadratic emphasis and CDATA input)
 * stay far below the time limit; anything larger goes to the pool, whose workers can be terminated.
 */
export const IN_PROCESS_LIMITS = { files: 4, bytesPerFile: 12 * 1024 } as const;

async function isSmallRun(files: readonly string[]): Promise<boolean> {
  if (files.length > IN_PROCESS_LIMITS.files) return false;
  for (const file of files) {
    const size = await stat(file).then((stats) => stats.size, () => 0);
    if (size > IN_PROCESS_LIMITS.bytesPerFile) return false;
  }
  return true;
}

async function* runInProcess(options: RunDocumentsOptions): AsyncGenerator<DocumentOutcome> {
  const process = await createDocumentProcessor(options.setup, options.config);
  let done = 0;
  for (const filePath of options.files) {
    let outcome: DocumentOutcome;
    try {
      outcome = await process({ filePath });
    } catch (error) {
      outcome = failedOutcome(filePath, options, { ...FILE_FAILURE, reason: `Unexpected unreadable file: ${(error as Error).message}` });
    }
    options.onProgress?.(++done, options.files.length);
    yield outcome;
  }
}

async function processOne(filePath: string, getPool: () => Promise<Piscina>, options: RunDocumentsOptions): Promise<DocumentOutcome> {
  const task: DocumentTask = { filePath };
  let hash: string | undefined;
  if (options.cache) {
    try {
      task.bytes = new Uint8Array(await readFile(filePath));
    } catch (error) {
      return failedOutcome(filePath, options, { ...FILE_FAILURE, reason: `Unexpected unreadable file: ${(error as Error).message}` });
    }
    hash = `sha256-${createHash('sha256').update(task.bytes).digest('hex')}`;
    const cached = options.cache.get(filePath, hash);
    if (cached) return cached;
  }
  try {
    const outcome = (await (await getPool()).run(task, { signal: AbortSignal.timeout(options.timeoutMs) })) as DocumentOutcome;
    options.cache?.set(outcome);
    return outcome;
  } catch (error) {
    if ((error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError') {
      return failedOutcome(filePath, options, parseTimeoutDiagnostic(options.timeoutMs), hash);
    }
    return failedOutcome(filePath, options, { ...FILE_FAILURE, reason: `Unexpected crash while processing the file: ${(error as Error).message}` }, hash);
  }
}

/** A file the pipeline could not process at all; reported under `input/encoding`, the rule for unreadable input. */
const FILE_FAILURE: ParseDiagnostic = { ruleId: 'input/encoding', reason: '', place: FILE_START, fatal: true };

function failedOutcome(filePath: string, options: RunDocumentsOptions, diagnostic: ParseDiagnostic, hash = 'sha256-' + '0'.repeat(64)): DocumentOutcome {
  const parsed = unparsableDocument({ path: filePath, root: options.setup.root }, hash, diagnostic);
  const { rules, settings } = options.config.forFile(path.relative(options.setup.root, filePath).split(path.sep).join('/'));
  return { filePath, hash, result: createLintResult(filePath, lintParsed(parsed, rules, settings)) };
}
