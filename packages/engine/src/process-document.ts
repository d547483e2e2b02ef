import path from 'node:path';
import { tooLargeDiagnostic, unparsableDocument, type ParseDiagnostic, type ParsedDocument } from '@qadocs/parser';
import { classificationReport, classifyDocument, createLintResult, fixText, lintParsed, lintSource, loadConfig, trimLintResult, type ResolvedConfig } from '@qadocs/linter';
import { FileTooLarge, readDocument } from './files/read-document.js';
import { documentOutline } from './document-outline.js';
import type { DocumentOutcome, DocumentTask, PipelineSetup } from './document-task.js';

/**
 * One document's work, parse once: lint (and fix), then whatever else the command needs. Synchronous
 * from start to end, so a time limit in this thread (`runWithTimeLimit`) covers all of it.
 */
export type DocumentProcessor = (task: DocumentTask) => DocumentOutcome;

/** Build the processor for a setup; the config is loaded once per thread. */
export async function createDocumentProcessor(setup: PipelineSetup, loaded?: ResolvedConfig): Promise<DocumentProcessor> {
  const config = loaded ?? (await loadConfig({ cwd: setup.cwd, configFile: setup.configFile ?? undefined }));
  // Only export and build render: lint runs never load the exporter.
  const exporter = setup.record ? await import('@qadocs/exporter') : null;
  const customIds = new Map(Object.entries(setup.customIds ?? {}));
  const linkTargets = (linked: string) => customIds.get(linked) ?? exporter!.pathDerivedLinkTargets(linked);
  const lastParses = setup.reuseParses ? new RecentParses(RECENT_PARSES) : null;
  return (task) => {
    let bytes: Uint8Array;
    try {
      bytes = task.bytes ?? readDocument(task.filePath, config.maxFileSize);
    } catch (error) {
      if (error instanceof FileTooLarge) return unparsableOutcome(task.filePath, setup.root, config, tooLargeDiagnostic(error.size, error.maxBytes));
      throw error;
    }
    const options = { filePath: task.filePath, root: task.root ?? setup.root, config };
    const previous = lastParses?.get(task.filePath);
    let { parsed, result } = lintSource(bytes, previous ? { ...options, previous } : options);
    lastParses?.set(task.filePath, parsed);
    const outcome: DocumentOutcome = { filePath: task.filePath, hash: parsed.record.hash, result };
    if ((task.fix ?? setup.fix) && result.messages.some((message) => message.fix)) {
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
      // The record carries the classifier's reading; only here do linter and exporter meet.
      const { predicted, confidence, evidence } = classifyDocument(parsed);
      const classified = { ...parsed, record: { ...parsed.record, classification: { predicted, confidence, evidence } } };
      outcome.recordJson = exporter.serializeRecord(classified.record);
      if (setup.html || setup.chunks) {
        const { preview, ...site } = setup.page ?? {};
        const problems = preview ? { preview: { ...preview, problems: outcome.result.messages } } : {};
        const page = exporter.renderDocument(classified, { ...site, ...problems, linkTargets });
        if (setup.html) outcome.html = page.html;
        if (setup.chunks) outcome.chunks = exporter.serializeChunks(page.chunks);
      }
    }
    if (setup.outline) outcome.outline = documentOutline(parsed);
    if (setup.classify) {
      const { filePath: _ignored, ...classification } = classificationReport(path.relative(setup.cwd, task.filePath), parsed);
      outcome.classification = classification;
    }
    if (setup.errorsOnly) outcome.result = trimLintResult(outcome.result, (message) => message.severity === 2 || message.parseFailure === true);
    return outcome;
  };
}

/** How many files' last parses a worker keeps: the documents an author is switching between. */
const RECENT_PARSES = 8;

/** The last parse of each of the most recently processed files, the oldest dropped first. */
class RecentParses {
  readonly #parses = new Map<string, ParsedDocument>();

  constructor(private readonly size: number) {}

  get(filePath: string): ParsedDocument | undefined {
    return this.#parses.get(filePath);
  }

  set(filePath: string, parsed: ParsedDocument): void {
    this.#parses.delete(filePath);
    this.#parses.set(filePath, parsed);
    if (this.#parses.size > this.size) this.#parses.delete(this.#parses.keys().next().value!);
  }
}

/** The hash given to a file that was never read (too large, unreadable, stopped). */
const UNREAD_HASH = `sha256-${'0'.repeat(64)}`;

/** The outcome of a file that could not be processed: its one fatal diagnostic, under the rules configured for it. */
export function unparsableOutcome(filePath: string, root: string, config: ResolvedConfig, diagnostic: ParseDiagnostic, hash = UNREAD_HASH): DocumentOutcome {
  const parsed = unparsableDocument({ path: filePath, root }, hash, diagnostic);
  const { rules, settings } = config.forFile(path.relative(root, filePath).split(path.sep).join('/'));
  return { filePath, hash, result: createLintResult(filePath, lintParsed(parsed, rules, settings)) };
}
