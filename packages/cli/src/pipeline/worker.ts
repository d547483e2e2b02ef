import { workerData } from 'node:worker_threads';
import type { DocumentOutcome, DocumentTask, PipelineSetup } from './document-task.js';
import { createDocumentProcessor, type DocumentProcessor } from './process-document.js';

let processor: Promise<DocumentProcessor> | undefined;

/** The piscina task: one document through the processor this thread built from `workerData`. */
export default async function processInWorker(task: DocumentTask): Promise<DocumentOutcome> {
  processor ??= createDocumentProcessor(workerData as PipelineSetup);
  return (await processor)(task);
}
