/**
 * How large a worker's old generation may grow, in MB, or null for V8's own sizing. Without a limit
 * V8 sizes heaps from the machine's memory and lets each worker grow to ~300 MB around a live set of
 * 15-45 MB (`--trace-gc` over 1,000 generated documents), so peak memory depends on the machine as much
 * as on the work. A limit bounds it, but costs time: on 10,000 generated documents (2 cores, idle,
 * one run each) `qadocs lint` took 154.6 s and peaked at 877 MB without a limit, 177.1 s / 510 MB at
 * 192 MB, 171.0 s / 514 MB at 320 MB, and 180.8 s / 490 MB at 192 MB with a 48 MB young generation: not
 * the size of the young generation, then, and not how close the live set came to the limit. On 2 cores
 * time wins, so default runs keep V8's sizing; `--low-memory` takes the limit (481 MB, 180.7 s).
 *
 * A document that needs more than the limit (a file of several MB parses to a tree of hundreds of MB)
 * ends its worker with ERR_WORKER_OUT_OF_MEMORY; the pool runs it again in a worker without a limit,
 * so the limit never changes a result.
 */
export const WORKER_OLD_GENERATION_MB = { default: null, lowMemory: 128 } as const;

/** The `resourceLimits` of a pool's workers: a bounded heap, or none (`heapLimitMb: null`). */
export function workerResourceLimits(heapLimitMb: number | null): { maxOldGenerationSizeMb: number } | undefined {
  return heapLimitMb == null ? undefined : { maxOldGenerationSizeMb: heapLimitMb };
}

/** The error Node gives the tasks of a worker that ran out of its heap limit. */
export function isWorkerOutOfMemory(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}
