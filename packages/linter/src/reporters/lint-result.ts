import type { DeprecatedRuleUse, Diagnostic, LintResult } from '@qadocs/schema';

/** What a result may carry besides its diagnostics, as ESLint's LintResult does. */
export interface LintResultExtras {
  /** The linted text: kept only when the file has problems and no `output` (ESLint's rule). */
  source?: string;
  /** Diagnostics turned off by inline directives; omitted when there are none. */
  suppressedMessages?: readonly Diagnostic[];
  /** Deprecated rules that were on; omitted when there are none. */
  usedDeprecatedRules?: readonly DeprecatedRuleUse[];
}

/** One file's result with ESLint's counts; `output` is the fixed text, when fixes were applied. */
export function createLintResult(filePath: string, diagnostics: readonly Diagnostic[], output?: string, extras: LintResultExtras = {}): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let fatalErrorCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 2) {
      errorCount++;
      if (diagnostic.parseFailure) fatalErrorCount++;
      if (diagnostic.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (diagnostic.fix) fixableWarningCount++;
    }
  }
  const keepSource = extras.source !== undefined && output === undefined && diagnostics.length > 0;
  return {
    filePath,
    messages: [...diagnostics],
    errorCount,
    warningCount,
    fatalErrorCount,
    fixableErrorCount,
    fixableWarningCount,
    ...(output !== undefined ? { output } : {}),
    ...(keepSource ? { source: extras.source } : {}),
    ...(extras.suppressedMessages?.length ? { suppressedMessages: [...extras.suppressedMessages] } : {}),
    ...(extras.usedDeprecatedRules?.length ? { usedDeprecatedRules: [...extras.usedDeprecatedRules] } : {}),
  };
}

/**
 * A result trimmed to what a run that prints only some messages keeps: the counts, and the messages
 * `keep` accepts; no source, output or suppressed messages. The counts stay whole, so a closing line
 * that adds them up still says how many warnings there were.
 */
export function trimLintResult(result: LintResult, keep: (message: Diagnostic) => boolean): LintResult {
  const { filePath, errorCount, warningCount, fatalErrorCount, fixableErrorCount, fixableWarningCount } = result;
  return { filePath, messages: result.messages.filter(keep), errorCount, warningCount, fatalErrorCount, fixableErrorCount, fixableWarningCount };
}
