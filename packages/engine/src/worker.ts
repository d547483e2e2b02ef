import { workerData } from 'node:worker_threads';
import type { DocumentOutcome, DocumentTask, PipelineSetup } from './document-task.js';
import { createHeapBound, type HeapBound } from './heap-bound.js';
import { createDocumentProcessor } from './process-document.js';

/** What a pool gives each of its workers. */
export interface WorkerData {
  setup: PipelineSetup;
  heapBound: HeapBound;
}

const { setup, heapBound } = workerData as WorkerData;
// Built while the thread starts, before it takes a task: loading the config is not part of any
// file's time limit.
const processor = await createDocumentProcessor(setup);
const boundHeap = createHeapBound(heapBound);

/** The piscina task: one document through the processor this thread built from `workerData`. */
export default function processInWorker({ started, ...task }: DocumentTask): DocumentOutcome {
  started?.postMessage('started');
  started?.close();
  const outcome = processor(task);
  // Between documents, while this worker holds only the pipeline (see heap-bound.ts).
  boundHeap();
  return outcome;
}
