export type { DocumentOutcome, DocumentTask, PipelineSetup } from './document-task.js';
export { createDocumentProcessor, type DocumentProcessor } from './process-document.js';
export { IN_PROCESS_LIMITS, runDocuments, type RunDocumentsOptions } from './run-documents.js';
export { GC_HELPER_FLAGS, LOW_MEMORY_FLAGS, POOL_FLAGS, applyGcPolicy, gcPolicyFlags, type GcPolicyInput } from './gc-policy.js';
export { LintCache } from './cache/lint-cache.js';
export { cachedReportEntry, cacheLineFile, decodeCacheLine, encodeCacheLine } from './cache/cache-entry.js';
export { readDocument } from './files/read-document.js';
export { createBatchedWriter, type BatchedWriter } from './files/batched-writer.js';
export { byteLengthOfLines, readLines } from './files/read-lines.js';
