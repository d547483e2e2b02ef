import { availableParallelism } from 'node:os';
import type { ResolvedConfig } from '@qadocs/linter';
import type { DocumentOutcome, DocumentTask, PipelineSetup } from './document-task.js';
import { createLazyPool, ENGINE_WORKER, failedOutcome, FILE_FAILURE, poolExecutor } from './run-documents.js';

export interface DocumentRunnerOptions {
  setup: PipelineSetup;
  /** The main thread's copy of the config: for diagnostics of documents a worker could not finish. */
  config: ResolvedConfig;
  /** Per-document time limit, counted from when a worker takes the document. */
  timeoutMs: number;
  /** Workers kept; default 2 (or 1 on a single core): one hostile document never holds up the others. */
  threads?: number;
  /** The module the workers run (a file URL): a front end that bundles the engine passes its own. */
  workerFile?: string;
}

/** A long-lived pool that runs one document at a time per worker, for front ends that stay up. */
export interface DocumentRunner {
  /**
   * The document's outcome: `input/timeout` (fatal) when it overran the time limit, a fatal failure when
   * no worker could run it (a worker that cannot start, e.g. its config became invalid on disk). Rejects
   * only once closed.
   */
  run(task: DocumentTask): Promise<DocumentOutcome>;
  /** Why the workers cannot start, once they could not; null while they can. */
  readonly failure: Error | null;
  /** Stop the workers; documents still running get a failure outcome. */
  close(): Promise<void>;
}

/**
 * An editor lints a document on every pause in typing, for hours. Starting a worker each time costs
 * more than the lint itself (the worker loads the linter), and parsing in the editor's own thread could
 * not be stopped on hostile text (micromark is quadratic on some small inputs). So the runner keeps
 * warm workers for its whole life and reuses `runDocuments`' pool executor: the same per-document time
 * limit, the same `input/timeout` for a document that overruns, whose worker alone is replaced.
 */
export function createDocumentRunner(options: DocumentRunnerOptions): DocumentRunner {
  const threads = options.threads ?? Math.min(2, availableParallelism());
  // Workers are never stopped for idling: a cold worker would make the next keystroke wait for it.
  const pool = createLazyPool(options.setup, threads, false, options.workerFile ?? ENGINE_WORKER, { idleTimeout: Number.POSITIVE_INFINITY });
  const execute = poolExecutor(pool, options);
  let closed = false;
  let failure: Error | null = null;
  // Started now, so the first document finds a warm worker. A worker loads the config again when it
  // starts (after a timeout, say); if it cannot, piscina stops starting workers and reports the error on
  // the pool, which would end the process unheard: the runner records it and fails what is queued.
  void pool.get().then((piscina) =>
    piscina.on('error', (error: Error) => {
      failure ??= error;
      void pool.destroy();
    }),
  );
  return {
    run: async (task) => {
      if (closed) throw new Error('Unexpected run on a closed document runner');
      const failed = () => failedOutcome(task.filePath, options, { ...FILE_FAILURE, reason: `Unexpected failure of the qadocs worker: ${failure!.message}` });
      if (failure) return failed();
      const outcome = await execute(task);
      // Documents the failing pool stopped on its way down get the cause, not "Terminating worker thread".
      return failure && outcome.result.fatalErrorCount > 0 ? failed() : outcome;
    },
    get failure() {
      return failure;
    },
    close: async () => {
      closed = true;
      await pool.destroy();
    },
  };
}
