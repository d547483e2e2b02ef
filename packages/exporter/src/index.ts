export { serializeRecord } from './serialize-record.js';
export { renderDocumentPage, type PageContext } from './render/render-document-page.js';
export { renderIndexPage, indexDocumentOf, type IndexDocument, type IndexPageOptions } from './render/render-index-page.js';
export { linkTargetsFrom, pathDerivedLinkTargets, type LinkTargets } from './render/document-links.js';
export { STYLESHEET } from './render/stylesheet.js';
export { createExportWriter, OutputFolderError, type ExportWriter, type ExportWriterOptions, type ExportedDocument, type ExportSummary } from './write/export-writer.js';
export type { ExportFormat } from './write/output-paths.js';
export { exportDocuments, type ExportDocumentsOptions } from './export-documents.js';
export type { ExportDiagnostic, ExportRuleId } from './export-diagnostic.js';
