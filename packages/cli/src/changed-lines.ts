import { createLintResult } from '@qadocs/linter';
import type { Diagnostic, LintResult } from '@qadocs/schema';
import type { FileChange } from './files/changed-since.js';

/**
 * `--only-changed-lines`: the result with only the problems a change introduced, as reviewdog's
 * `filter-mode: added` keeps them: those whose lines touch a line the change added or modified, every
 * problem of a file the change added (file-level ones included), and always a parse failure, since a
 * file that could not be read was not checked at all. Counts are those of what is kept.
 */
export function keepChangedLines(result: LintResult, change: FileChange | undefined): LintResult {
  if (change?.added) return result;
  const touched = (diagnostic: Diagnostic) => {
    if (diagnostic.parseFailure) return true;
    if (!change) return false;
    for (let line = diagnostic.line; line <= diagnostic.endLine; line++) if (change.lines.has(line)) return true;
    return false;
  };
  const messages = result.messages.filter(touched);
  if (messages.length === result.messages.length && !result.suppressedMessages) return result;
  return createLintResult(result.filePath, messages, result.output, {
    ...(result.source !== undefined ? { source: result.source } : {}),
    suppressedMessages: (result.suppressedMessages ?? []).filter(touched),
    usedDeprecatedRules: result.usedDeprecatedRules ?? [],
  });
}
