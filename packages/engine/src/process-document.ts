import path from 'node:path';
import { classificationReport, classifyDocument, createLintResult, fixText, lintSource, loadConfig, type ResolvedConfig } from '@qadocs/linter';
import { readDocument } from './files/read-document.js';
import type { DocumentOutcome, DocumentTask, PipelineSetup } from './document-task.js';

/** One document's work, parse once: lint (and fix), then whatever else the command needs. */
export type DocumentProcessor = (task: DocumentTask) => Promise<DocumentOutcome>;

/** Build the processor for a setup; the config is loaded once per thread. */
export async function createDocumentProcessor(setup: PipelineSetup, loaded?: ResolvedConfig): Promise<DocumentProcessor> {
  const config = loaded ?? (await loadConfig({ cwd: setup.cwd, configFile: setup.configFile ?? undefined }));
  // Only export and build render: lint runs never load the exporter.
  const exporter = setup.record ? await import('@qadocs/exporter') : null;
  return async (task) => {
    const bytes = task.bytes ?? readDocument(task.filePath);
    const options = { filePath: task.filePath, root: setup.root, config };
    let { parsed, result } = lintSource(bytes, options);
    const outcome: DocumentOutcome = { filePath: task.filePath, hash: parsed.record.hash, result };
    if (setup.fix && result.messages.some((message) => message.fix)) {
      const fixed = fixText(bytes, options, { parsed, result });
      if (fixed.refused) outcome.fixRefused = fixed.refused;
      if (fixed.changed) {
        outcome.fixedSource = fixed.output;
        parsed = fixed.parsed;
        outcome.result = createLintResult(task.filePath, fixed.diagnostics);
      }
    }
    if (exporter && !parsed.fatal) {
      // The record carries the classifier's reading; only here do linter and exporter meet.
      const { predicted, confidence, evidence } = classifyDocument(parsed);
      const classified = { ...parsed, record: { ...parsed.record, classification: { predicted, confidence, evidence } } };
      outcome.recordJson = exporter.serializeRecord(classified.record);
      if (setup.html || setup.chunks) {
        const page = exporter.renderDocument(classified, setup.page ?? {});
        if (setup.html) outcome.html = page.html;
        if (setup.chunks) outcome.chunks = exporter.serializeChunks(page.chunks);
      }
    }
    if (setup.classify) {
      const { filePath: _ignored, ...classification } = classificationReport(path.relative(setup.cwd, task.filePath), parsed);
      outcome.classification = classification;
    }
    return outcome;
  };
}
