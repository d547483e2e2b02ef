import path from 'node:path';
import { parseDocument, type ParsedDocument } from '@qadocs/parser';
import type { LintResult } from '@qadocs/schema';
import type { ResolvedConfig } from './config/resolve-config.js';
import { fixSource, type FixResult } from './engine/fix-source.js';
import { lintParsedWithSuppressed } from './engine/lint-parsed.js';
import { createLintResult } from './reporters/lint-result.js';

export interface LintSourceOptions {
  /** The file's path (absolute, or relative to the current directory); `result.filePath` is its absolute form. */
  filePath: string;
  /** The content root the record's path (and override globs) are relative to. Default `config.contentRootPath`. */
  root?: string;
  config: ResolvedConfig;
  /** An earlier parse of this file (an editor's previous version): only the blocks the edit touched are parsed again. */
  previous?: ParsedDocument;
}

/**
 * Parse and lint one file's text or bytes with a loaded config: the parser gets the config's provenance
 * settings and size limit, the rules come from `config.forFile(record.path)`.
 */
export function lintSource(input: string | Uint8Array, options: LintSourceOptions): { parsed: ParsedDocument; result: LintResult } {
  const parsed = parseDocument(input, { path: options.filePath, root: options.root ?? options.config.contentRootPath, ...options.config.parseOptions, ...(options.previous ? { previous: options.previous } : {}) });
  const { rules, settings } = options.config.forFile(parsed.record.path);
  const { diagnostics, suppressed } = lintParsedWithSuppressed(parsed, rules, settings);
  const usedDeprecatedRules = rules.flatMap(({ rule }) => (rule.deprecated ? [{ ruleId: rule.id, replacedBy: [...rule.deprecated.replacedBy] }] : []));
  return { parsed, result: createLintResult(path.resolve(options.filePath), diagnostics, undefined, { source: parsed.source, suppressedMessages: suppressed, usedDeprecatedRules }) };
}

/** `fixSource`'s result plus the file's LintResult after fixing (`output` set when the text changed). */
export interface FixTextResult extends FixResult {
  result: LintResult;
}

/**
 * Fix one file's text in passes with the same config as `lintSource`. Bytes are decoded first; a file
 * that cannot be decoded or parsed is returned unchanged with its diagnostics.
 */
export function fixText(input: string | Uint8Array, options: LintSourceOptions, linted?: ReturnType<typeof lintSource>): FixTextResult {
  const filePath = path.resolve(options.filePath);
  // `linted`: the caller's own `lintSource` of this very input, so the original is not parsed twice.
  const first = linted ?? lintSource(input, options);
  if (first.parsed.fatal) {
    return { output: first.parsed.source, changed: false, passes: 0, fixesApplied: 0, diagnostics: first.result.messages, parsed: first.parsed, refused: null, result: first.result };
  }
  const fixed = fixSource(
    first.parsed.source,
    (candidate) => {
      const { parsed, result } = lintSource(candidate, options);
      return { parsed, diagnostics: result.messages };
    },
    undefined,
    { parsed: first.parsed, diagnostics: first.result.messages },
  );
  // Unchanged, the first lint still describes the text; changed, its suppressions were of other lines.
  const extras = fixed.changed
    ? { usedDeprecatedRules: first.result.usedDeprecatedRules ?? [] }
    : { source: first.parsed.source, suppressedMessages: first.result.suppressedMessages ?? [], usedDeprecatedRules: first.result.usedDeprecatedRules ?? [] };
  return { ...fixed, result: createLintResult(filePath, fixed.diagnostics, fixed.changed ? fixed.output : undefined, extras) };
}
