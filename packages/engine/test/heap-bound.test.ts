import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createHeapBound, exposedCollector, WORKER_HEAP_BOUND } from '../src/heap-bound.js';

const MB = 1024 * 1024;

/** A heap whose use the test sets, and a collector that drops it to what is live. */
function fakeHeap(live: number) {
  const heap = { used: live, live, collections: 0 };
  const probe = {
    collect: () => {
      heap.collections++;
      heap.used = heap.live;
    },
    heapUsed: () => heap.used,
  };
  return { heap, probe };
}

describe('createHeapBound: a collection between documents once the heap passes a bound from the live set (issue 18)', () => {
  it('does not collect below the minimum, collects past it', () => {
    const { heap, probe } = fakeHeap(20 * MB);
    const boundHeap = createHeapBound({ minimumMb: 96, liveFactor: 3 }, probe);
    heap.used = 95 * MB;
    expect(boundHeap()).toBe(false);
    heap.used = 97 * MB;
    expect(boundHeap()).toBe(true);
    expect(heap).toMatchObject({ used: 20 * MB, collections: 1 });
  });

  it('sets the next bound from what the collection kept, never below the minimum', () => {
    const { heap, probe } = fakeHeap(50 * MB);
    const boundHeap = createHeapBound({ minimumMb: 96, liveFactor: 3 }, probe);
    heap.used = 100 * MB;
    expect(boundHeap()).toBe(true);
    // 3 × 50 MB kept: the heap may now reach 150 MB before the next collection.
    heap.used = 149 * MB;
    expect(boundHeap()).toBe(false);
    heap.used = 151 * MB;
    heap.live = 10 * MB;
    expect(boundHeap()).toBe(true);
    heap.used = 95 * MB;
    expect(boundHeap()).toBe(false);
    expect(heap.collections).toBe(2);
  });

  it('does nothing where no collector is exposed', () => {
    const boundHeap = createHeapBound({ minimumMb: 1, liveFactor: 2 }, { collect: null, heapUsed: () => 500 * MB });
    expect(boundHeap()).toBe(false);
  });

  it('keeps --low-memory bounds tighter than the default ones', () => {
    expect(WORKER_HEAP_BOUND.lowMemory.minimumMb).toBeLessThan(WORKER_HEAP_BOUND.default.minimumMb);
    expect(WORKER_HEAP_BOUND.lowMemory.liveFactor).toBeLessThanOrEqual(WORKER_HEAP_BOUND.default.liveFactor);
  });
});

describe('exposedCollector: V8 collector without a process flag', () => {
  it('gives a function that frees this thread’s garbage', () => {
    const collect = exposedCollector();
    expect(collect).toBeTypeOf('function');
    let garbage: Array<{ index: number; text: string }> | null = Array.from({ length: 300_000 }, (_, index) => ({ index, text: `item ${index}` }));
    const withGarbage = getHeapStatistics().used_heap_size;
    expect(garbage.length).toBe(300_000);
    garbage = null;
    collect!();
    expect(getHeapStatistics().used_heap_size).toBeLessThan(withGarbage - 10 * MB);
  });
});
