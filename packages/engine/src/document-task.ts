import type { MessagePort } from 'node:worker_threads';
import type { LintResult } from '@qadocs/schema';

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
  /** Return the document's lines of `json/chunks.ndjson` (export, build with the chunks format). */
  chunks?: boolean;
  /** What pages need to know about the site (`--base-url`, search). */
  page?: { baseUrl?: string; search?: boolean };
  /** Classify (qadocs classify). */
  classify: boolean;
}

export interface DocumentTask {
  filePath: string;
  /** The file's bytes when the main thread already read them (cache lookups); else the worker reads. */
  bytes?: Uint8Array;
  /** Told when a worker starts this task: the per-file time limit counts from then. */
  started?: MessagePort;
}

export interface DocumentOutcome {
  filePath: string;
  hash: string;
  result: LintResult;
  /** The fixed text when `fix` changed it and it re-parses. */
  fixedSource?: string;
  fixRefused?: string;
  /**
   * The record as the exporter serializes it. Sent as a string, not an object: a string crosses from
   * the worker without a structured clone of every position, and export writes exactly these bytes.
   */
  recordJson?: string;
  html?: string;
  chunks?: string;
  classification?: { declared: string | null; predicted: string | null; confidence: number; evidence: string[] };
}
