export * from './qa-document.js';
export * from './manifest.js';
export type * from './diagnostic.js';
export { loadExport, parseQaDocument, QaDocumentValidationError, type LoadedExport } from './load-export.js';
export { unsafeDocumentIdReason } from './document-id.js';
export { qaDocumentJsonSchema, manifestJsonSchema } from './json-schema.js';
