import type { LintResult } from '@qadocs/schema';
import type { Rule } from '../rule.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatRdjson } from './rdjson.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

/** The `--format` names. */
export const REPORT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'rdjson', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `--format` named a format that does not exist (the CLI exits with 2). */
export class UnknownFormatError extends Error {
  override readonly name = 'UnknownFormatError';
  readonly format: string;

  constructor(format: string) {
    super(`Unexpected format "${format}", expected ${REPORT_FORMATS.slice(0, -1).map((name) => `"${name}"`).join(', ')} or "${REPORT_FORMATS.at(-1)}"`);
    this.format = format;
  }
}

export interface FormatOptions {
  /** Colours in `stylish` (the CLI passes `stdout.isTTY`). */
  color?: boolean;
  /** Paths are shown relative to this folder. Default the current directory. */
  cwd?: string;
  /** SARIF's `%SRCROOT%`, which its URIs are relative to: the git root. Default `cwd`. */
  srcRoot?: string;
  /** SARIF's `automationDetails.id` (one per shard of a matrix). Default `qadocs/`. */
  automationId?: string;
  /** The run's exit code, for SARIF's `invocations`. */
  exitCode?: number;
  /** Rules listed in SARIF's `tool.driver.rules`; default the registry. */
  rules?: readonly Rule<any>[];
}

/** Render results in one of the `REPORT_FORMATS`: the text to write, ending in a newline (or empty). */
export function formatResults(format: string, results: readonly LintResult[], options: FormatOptions = {}): string {
  switch (format) {
    case 'stylish':
      return formatStylish(results, { color: options.color ?? false, ...(options.cwd !== undefined ? { cwd: options.cwd } : {}) });
    case 'json':
      return formatJson(results);
    case 'sarif': {
      const { cwd, srcRoot, rules, automationId, exitCode } = options;
      return formatSarif(results, { ...(cwd !== undefined ? { cwd } : {}), ...(srcRoot !== undefined ? { srcRoot } : {}), ...(rules ? { rules } : {}), ...(automationId !== undefined ? { automationId } : {}), ...(exitCode !== undefined ? { exitCode } : {}) });
    }
    case 'github':
      return formatGithub(results, options.cwd !== undefined ? { cwd: options.cwd } : {});
    case 'rdjson':
      return formatRdjson(results, options.cwd !== undefined ? { cwd: options.cwd } : {});
    case 'markdown':
      return formatMarkdown(results, options.cwd !== undefined ? { cwd: options.cwd } : {});
    default:
      throw new UnknownFormatError(format);
  }
}
