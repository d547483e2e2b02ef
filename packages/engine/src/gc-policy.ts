import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/**
 * V8 collects garbage with helper threads (parallel scavenges, concurrent marking and sweeping).
 * When the pool already gives every core a document to parse, those helpers only compete with the
 * workers for the same cores, and a parallel scavenge waits for helpers that cannot get a core:
 * measured on 2 cores and 10,000 documents, turning them off made `qadocs lint` 15-20 % faster
 * (the collector then runs on the thread that allocates, which is already busy anyway).
 *
 * `lowMemory` makes every heap grow by half of what survived the last full collection instead of
 * V8's default (which lets a worker's heap reach ~300 MB around a ~20 MB live set): peak memory
 * falls by ~40 %, for ~10 % more time (10,000 documents: 840 -> 481 MB, 62.2 -> 67.6 s). The time is
 * not the collections themselves (under a second) but what they throw away: with 55 full collections
 * instead of 20, V8 optimized 3,962 functions instead of 2,038 for the same 1,500 documents (no more
 * deoptimizations), as if optimized code that only per-document closures held did not survive them.
 */
export const GC_HELPER_FLAGS = [
  '--no-parallel-scavenge',
  '--no-concurrent-marking',
  '--no-concurrent-sweeping',
  '--no-parallel-compaction',
  '--no-parallel-pointer-update',
  '--no-concurrent-array-buffer-sweeping',
] as const;
export const LOW_MEMORY_FLAGS = ['--heap-growing-percent=50'] as const;

/**
 * V8 allocates straight into the old generation at allocation sites whose objects often survived a
 * scavenge. Parsing a document keeps its working set alive across a scavenge or two and then drops
 * all of it, so those sites are pretenured and every document leaves ~0.9 MB of garbage in the old
 * generation (measured per document, 1,500 documents) instead of ~0.2 MB. Without pretenuring a worker
 * promoted about half as much, full collections were rarer, and `qadocs lint` on 10,000 documents was
 * 1-7 % faster with a lower peak in each of two interleaved rounds.
 */
export const POOL_FLAGS = ['--no-allocation-site-pretenuring'] as const;

/**
 * V8 flags may only be changed while running for those it reads when it uses them; others (such as
 * `--single-threaded-gc` or `--no-parallel-marking`) abort the process. The list above was checked on
 * V8 11.3, Node 20's; other Node versions keep V8's defaults rather than risk an abort.
 */
const CHECKED_NODE_MAJOR = 20;

export interface GcPolicyInput {
  threads: number;
  lowMemory: boolean;
  cores?: number;
  nodeMajor?: number;
}

/** The flags to set before the pool starts its workers (they apply to every heap of the process). */
export function gcPolicyFlags({ threads, lowMemory, cores = availableParallelism(), nodeMajor = Number(process.versions.node.split('.')[0]) }: GcPolicyInput): string[] {
  if (nodeMajor !== CHECKED_NODE_MAJOR) return [];
  return [...POOL_FLAGS, ...(threads >= cores ? GC_HELPER_FLAGS : []), ...(lowMemory ? LOW_MEMORY_FLAGS : [])];
}

/** Set the policy's flags before worker heaps are created (setting one again changes nothing). */
export function applyGcPolicy(input: GcPolicyInput): void {
  for (const flag of gcPolicyFlags(input)) setFlagsFromString(flag);
}
