import path from 'node:path';
import { classificationReport, createLintResult, fixText, lintSource, loadConfig, type ResolvedConfig } from '@qadocs/linter';
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
        outcome.fixesApplied = fixed.fixesApplied;
        // Reported instead when the fixed text cannot be written: the file on disk is still this one.
        outcome.unfixedResult = result;
        parsed = fixed.parsed;
        outcome.result = createLintResult(task.filePath, fixed.diagnostics);
      }
    }
    if (exporter && !parsed.fatal) {
      outcome.recordJson = exporter.serializeRecord(parsed.record);
      if (setup.html) outcome.html = exporter.renderDocumentPage(parsed, {});
    }
    if (setup.classify) {
      const { filePath: _ignored, ...classification } = classificationReport(path.relative(setup.cwd, task.filePath), parsed);
      outcome.classification = classification;
    }
    return outcome;
  };
}
