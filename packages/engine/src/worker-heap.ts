/**
 * How large a worker's old generation may grow, in MB. Without a limit V8 sizes heaps from the
 * machine's memory and lets each worker grow to ~300 MB around a live set of 15-45 MB (`--trace-gc`
 * over 1,000 generated documents: the live set after every full collection stayed between 13 and 45 MB,
 * the committed heap reached 185 MB, and 300 MB at 10,000). So peak memory depended on the machine's
 * heap heuristics rather than on the work: on a machine with more memory, a default 10,000-document
 * run peaked at 987 MB. A fixed limit of about four times the largest live set measured bounds every
 * worker the same way everywhere, and costs no time: V8 only collects earlier, and the live set is far
 * below it. `--low-memory` keeps heaps closer still (with its slower heap growth, gc-policy.ts).
 *
 * A document that needs more than the limit (a file of several MB parses to a tree of hundreds of MB)
 * ends its worker with ERR_WORKER_OUT_OF_MEMORY; the pool runs it again in a worker without a limit
 * (`unboundedRetry`), so the limit never changes a result.
 */
export const WORKER_OLD_GENERATION_MB = { default: 192, lowMemory: 128 } as const;

/** The `resourceLimits` of a pool's workers: a bounded heap, or none (`heapLimitMb: null`). */
export function workerResourceLimits(heapLimitMb: number | null): { maxOldGenerationSizeMb: number } | undefined {
  return heapLimitMb == null ? undefined : { maxOldGenerationSizeMb: heapLimitMb };
}

/** The error Node gives the tasks of a worker that ran out of its heap limit. */
export function isWorkerOutOfMemory(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}
