export * from './qa-document.js';
export * from './manifest.js';
export * from './chunk.js';
export type * from './diagnostic.js';
export { qaDocumentV1Schema, manifestV1Schema, upgradeRecordV1, upgradeManifestV1, type QaDocumentV1, type ManifestV1 } from './version-1.js';
export { loadExport, parseQaDocument, QaDocumentValidationError, type LoadedExport } from './load-export.js';
export { unsafeDocumentIdReason } from './document-id.js';
export { qaDocumentJsonSchema, manifestJsonSchema, chunkJsonSchema } from './json-schema.js';
