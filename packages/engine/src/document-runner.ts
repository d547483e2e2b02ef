import { availableParallelism } from 'node:os';
import type { ResolvedConfig } from '@qadocs/linter';
import type { DocumentOutcome, DocumentTask, PipelineSetup } from './document-task.js';
import { createLazyPool, ENGINE_WORKER, poolExecutor } from './run-documents.js';

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
  /** The document's outcome; `input/timeout` (fatal) when it overran the time limit. Rejects only once closed. */
  run(task: DocumentTask): Promise<DocumentOutcome>;
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
  const pool = createLazyPool(options.setup, threads, false, options.workerFile ?? ENGINE_WORKER, Number.POSITIVE_INFINITY);
  const execute = poolExecutor(pool, options);
  let closed = false;
  return {
    run: (task) => {
      if (closed) return Promise.reject(new Error('Unexpected run on a closed document runner'));
      return execute(task);
    },
    close: async () => {
      closed = true;
      await pool.destroy();
    },
  };
}
