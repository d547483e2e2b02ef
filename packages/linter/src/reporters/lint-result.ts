import type { Diagnostic, LintResult } from '@qadocs/schema';

/** One file's result with ESLint's counts; `output` is the fixed text, when fixes were applied. */
export function createLintResult(filePath: string, diagnostics: readonly Diagnostic[], output?: string): LintResult {
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
  return {
    filePath,
    messages: [...diagnostics],
    errorCount,
    warningCount,
    fatalErrorCount,
    fixableErrorCount,
    fixableWarningCount,
    ...(output !== undefined ? { output } : {}),
  };
}
