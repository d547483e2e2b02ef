import { workerData } from 'node:worker_threads';
import type { DocumentOutcome, DocumentTask, PipelineSetup } from './document-task.js';
import { createDocumentProcessor } from './process-document.js';

// Built while the thread starts, before it takes a task: loading the config is not part of any
// file's time limit.
const processor = await createDocumentProcessor(workerData as PipelineSetup);

/** The piscina task: one document through the processor this thread built from `workerData`. */
export default function processInWorker({ started, ...task }: DocumentTask): DocumentOutcome {
  started?.postMessage('started');
  started?.close();
  return processor(task);
}
