import type { MessagePort } from 'node:worker_threads';
import type { LintResult } from '@qadocs/schema';
import type { PreviewAssets } from '@qadocs/exporter';
import type { DocumentOutline } from './document-outline.js';

/** What the command needs from each document; the worker does only that, from one parse. */
export interface PipelineSetup {
  cwd: string;
  configFile: string | null;
  /** The content root: record paths and default ids are relative to it. */
  root: string;
  fix: boolean;
  /** Return the serialized record (parse, export, build, --check-links). */
  record: boolean;
  /** Render the HTML page (export, build with the html format). */
  html: boolean;
  /**
   * The ids that front matter sets, by record path (`readFrontMatterIds`): links between pages point at
   * the page a document really gets. Paths not listed have the id derived from their path.
   */
  customIds?: Record<string, string>;
  /** Return the document's lines of `json/chunks.ndjson` (export, build with the chunks format). */
  chunks?: boolean;
  /**
   * What pages need to know about the site (`--base-url`, search). With `preview` (`qadocs preview`),
   * each page also lists and marks the document's lint problems and loads the preview's assets.
   */
  page?: { baseUrl?: string; search?: boolean; preview?: PreviewAssets };
  /** Classify (qadocs classify). */
  classify: boolean;
  /** Return the questions, sections, footnotes and front-matter fields an editor navigates by. */
  outline?: boolean;
  /**
   * Keep the last parse of the most recently processed files: the next version of one of them (an
   * editor's, a keystroke later) has only the Markdown blocks its edit touched parsed again.
   */
  reuseParses?: boolean;
  /**
   * Return lint results with their counts, errors and parse failures only: `build` and `export` print
   * nothing else, and each file's warnings (their fixes carry whole renumbered texts) and its text
   * would otherwise be copied to the main thread (10,000 documents: 204,928 warnings, and 65 MB of
   * text held until the run ended).
   */
  errorsOnly?: boolean;
}

export interface DocumentTask {
  filePath: string;
  /** The file's bytes when the main thread already read them (cache lookups); else the worker reads. */
  bytes?: Uint8Array;
  /** Told when a worker starts this task: the per-file time limit counts from then. */
  started?: MessagePort;
  /** Overrides the setup's `fix` for this task (an editor lints as typed and fixes on request). */
  fix?: boolean;
  /** Overrides the setup's `root` for this task (an editor's documents lie inside or outside the content root). */
  root?: string;
}

export interface DocumentOutcome {
  filePath: string;
  hash: string;
  result: LintResult;
  /** The fixed text when `fix` changed it and it re-parses. */
  fixedSource?: string;
  /** How many reported problems the fixes in `fixedSource` fixed. */
  fixesApplied?: number;
  /** With `fixedSource`: the diagnostics of the file as it is on disk, before the fix. */
  unfixedResult?: LintResult;
  fixRefused?: string;
  /**
   * The record as the exporter serializes it. Sent as a string, not an object: a string crosses from
   * the worker without a structured clone of every position, and export writes exactly these bytes.
   */
  recordJson?: string;
  html?: string;
  outline?: DocumentOutline;
  chunks?: string;
  classification?: { declared: string | null; predicted: string | null; confidence: number | null; evidence: string[] };
}
