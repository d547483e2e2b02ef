import type { ParsedDocument } from '@qadocs/parser';
import { sortDiagnostics, type ExportDiagnostic } from './export-diagnostic.js';
import { linkTargetsFrom } from './render/document-links.js';
import { serializeChunks } from './render/document-chunks.js';
import { renderDocument, type PageContext } from './render/render-document-page.js';
import { serializeRecord } from './serialize-record.js';
import { createExportWriter, type ExportSummary, type ExportWriterOptions } from './write/export-writer.js';

export interface ExportDocumentsOptions extends ExportWriterOptions, PageContext {
  /** Export documents the parser could not read (placeholder records). Default false: they are reported and skipped. */
  includeFatal?: boolean;
}

/**
 * Render and write parsed documents in this process: the whole export in one call, for tests and
 * in-process use. Without `linkTargets`, links between documents are resolved against the ids of the
 * given documents, so the documents are gathered first; pass `linkTargets` to stream them instead.
 * Either way the writer links each page to its previous and next document in its index group when it
 * finishes, as for `qadocs export`, so both write the same bytes.
 */
export async function exportDocuments(documents: AsyncIterable<ParsedDocument> | Iterable<ParsedDocument>, options: ExportDocumentsOptions): Promise<ExportSummary> {
  const writer = await createExportWriter(options);
  const formats = options.formats ?? ['json', 'html'];
  const skipped: ExportDiagnostic[] = [];
  let source: AsyncIterable<ParsedDocument> | Iterable<ParsedDocument> = documents;
  let linkTargets = options.linkTargets;
  if (!linkTargets) {
    const gathered: ParsedDocument[] = [];
    for await (const parsed of documents) gathered.push(parsed);
    linkTargets = linkTargetsFrom(gathered.filter((parsed) => !parsed.fatal).map((parsed) => parsed.record));
    source = gathered;
  }
  const context: PageContext = { linkTargets, lang: options.lang, siteTitle: options.siteTitle, baseUrl: options.baseUrl, search: options.search };
  for await (const parsed of source) {
    if (parsed.fatal && !options.includeFatal) {
      const cause = parsed.diagnostics.find((diagnostic) => diagnostic.fatal);
      skipped.push({ ruleId: 'export/unparsable', file: parsed.record.path, reason: `Unexpected unparsable document, expected a file qadocs can read (${cause?.ruleId ?? 'parse error'}: ${cause?.reason ?? 'unknown'}); it was not exported` });
      continue;
    }
    const page = formats.includes('html') || formats.includes('chunks') ? renderDocument(parsed, context) : undefined;
    await writer.add({
      record: parsed.record,
      json: formats.includes('json') ? serializeRecord(parsed.record) : undefined,
      html: formats.includes('html') ? page!.html : undefined,
      chunks: formats.includes('chunks') ? serializeChunks(page!.chunks) : undefined,
    });
  }
  const summary = await writer.finish();
  return { ...summary, diagnostics: sortDiagnostics([...summary.diagnostics, ...skipped]) };
}
