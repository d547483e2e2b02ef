import type { Diagnostic } from '@qadocs/schema';
import type { ParsedDocument } from '@qadocs/parser';
import { applyFixes } from './apply-fixes.js';

/** Lint one text: what `fixSource` calls after each pass. */
export type LintText = (text: string) => { parsed: ParsedDocument; diagnostics: Diagnostic[] };

export interface FixResult {
  /** The fixed text; the original when nothing changed or when the result would not parse. */
  output: string;
  changed: boolean;
  passes: number;
  /** Fixes applied over all passes (each is one reported problem fixed); 0 when nothing changed. */
  fixesApplied: number;
  /** Diagnostics of `output`. */
  diagnostics: Diagnostic[];
  parsed: ParsedDocument;
  /** Set when fixing produced a text that fails to parse: nothing was changed. */
  refused: string | null;
}

export const MAX_FIX_PASSES = 10;

/**
 * Apply fixes in passes, re-parsing and re-linting after each (a fix may reveal or enable another),
 * until nothing is left to fix. The result is kept only if it parses at least as well as the input.
 */
export function fixSource(source: string, lint: LintText, maxPasses = MAX_FIX_PASSES, linted?: ReturnType<LintText>): FixResult {
  // The caller has usually linted `source` already (that is how it knew there was something to fix).
  const original = linted ?? lint(source);
  let current = original;
  let text = source;
  let passes = 0;
  let fixesApplied = 0;
  while (passes < maxPasses && current.diagnostics.some((diagnostic) => diagnostic.fix)) {
    const { output, applied } = applyFixes(text, current.diagnostics);
    if (applied === 0 || output === text) break;
    passes++;
    fixesApplied += applied;
    text = output;
    current = lint(text);
  }
  if (current.parsed.fatal && !original.parsed.fatal) {
    return { output: source, changed: false, passes, fixesApplied: 0, diagnostics: original.diagnostics, parsed: original.parsed, refused: 'the fixed text did not parse, so the file was left unchanged' };
  }
  return { output: text, changed: text !== source, passes, fixesApplied: text !== source ? fixesApplied : 0, diagnostics: current.diagnostics, parsed: current.parsed, refused: null };
}
