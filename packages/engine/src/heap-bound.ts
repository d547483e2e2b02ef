import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * When a worker's heap may grow before it is collected between documents, in MB: past
 * `max(minimumMb, liveFactor × what the last such collection kept)`.
 *
 * Why: V8 sizes a heap's next limit from what survived its last full collection, times a factor of up
 * to 4 on a machine with memory to spare. Between documents a worker holds ~16-25 MB (the linter and
 * its caches); in the middle of a large document it holds that document's tree too, 60-70 MB. A
 * collection that falls there sets the next limit near 300 MB, which then fills with garbage
 * (`--trace-gc`, 10,000 documents: heaps of 290-315 MB around live sets of 22-28 MB), so the peak
 * depends on where collections happen to fall. Collecting between documents once the heap passes the
 * bound sizes the next limit from the pipeline's own live set.
 *
 * The bound is high on purpose: every full collection costs far more than its own ~20 ms, because
 * optimized code that inlined one document's closures (micromark creates its tokenizers per parse) is
 * thrown away with them and compiled again. At 3,000 documents a 96 MB bound took V8 from 4,700 to 9,268
 * optimizations (113 -> 768 deoptimizations for "weak objects") and 12 % more time at 10,000 documents.
 * At 192 MB a 10,000-document run collects 8 times in all: 688 MB instead of 727-879 MB, in 105.7 s
 * against 89.3-108.0 s for runs without it (single runs, idle; `pnpm bench` gives the medians).
 * A heap limit (`resourceLimits`, worker-heap.ts) bounds memory too, but lowers V8's growing factor for
 * every collection, so it collects far more often.
 */
export interface HeapBound {
  minimumMb: number;
  liveFactor: number;
}

export const WORKER_HEAP_BOUND = {
  default: { minimumMb: 192, liveFactor: 3 },
  lowMemory: { minimumMb: 64, liveFactor: 2 },
} as const satisfies Record<string, HeapBound>;

const MB = 1024 * 1024;

/** A full, synchronous garbage collection of this thread's heap, or null where V8 will not give one. */
export type Collect = () => void;

/**
 * V8's `gc` function: `--expose-gc` is read when a context is created, so setting it at run time and
 * creating a context gives this isolate's collector without a process flag (workers cannot take V8
 * flags of their own).
 */
export function exposedCollector(): Collect | null {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return existing as Collect;
  try {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as unknown;
    return typeof collect === 'function' ? (collect as Collect) : null;
  } catch {
    return null;
  }
}

export interface HeapBoundProbe {
  collect: Collect | null;
  /** Bytes of the heap in use (live and not yet collected). */
  heapUsed: () => number;
}

const V8_PROBE = (): HeapBoundProbe => ({ collect: exposedCollector(), heapUsed: () => getHeapStatistics().used_heap_size });

/**
 * Called between documents: collects when the heap has passed the bound, then sets the next bound
 * from what the collection kept. Returns whether it collected. A no-op where no collector is exposed.
 */
export function createHeapBound(bound: HeapBound, probe: HeapBoundProbe = V8_PROBE()): () => boolean {
  const minimum = bound.minimumMb * MB;
  let limit = minimum;
  return () => {
    if (!probe.collect || probe.heapUsed() <= limit) return false;
    probe.collect();
    limit = Math.max(minimum, bound.liveFactor * probe.heapUsed());
    return true;
  };
}
