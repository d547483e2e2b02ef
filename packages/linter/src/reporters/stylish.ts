import pc from 'picocolors';
import type { LintResult } from '@qadocs/schema';
import { displayPath } from './display-path.js';
import { escapeControlCharacters } from './terminal-text.js';

export interface StylishOptions {
  /** ANSI colours; the CLI passes `stdout.isTTY` (and honours NO_COLOR/FORCE_COLOR itself). */
  color?: boolean;
  /** File paths are shown relative to this folder. Default the current directory. */
  cwd?: string;
}

/**
 * `--format stylish`, ESLint's default look: a header per file, `line:col  severity  message  ruleId`
 * rows aligned as a table, and a summary with problem counts and what `--fix` can fix. Empty when clean.
 */
export function formatStylish(results: readonly LintResult[], options: StylishOptions = {}): string {
  const colors = pc.createColors(options.color ?? false);
  const cwd = options.cwd ?? process.cwd();
  let output = '\n';
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const result of results) {
    errorCount += result.errorCount;
    warningCount += result.warningCount;
    fixableErrorCount += result.fixableErrorCount;
    fixableWarningCount += result.fixableWarningCount;
    if (result.messages.length === 0) continue;
    const rows = result.messages.map((diagnostic) => ({
      line: String(diagnostic.line),
      column: String(diagnostic.column),
      severity: diagnostic.severity === 2 ? 'error' : 'warning',
      // ESLint drops a final period: the rule id follows.
      message: escapeControlCharacters(diagnostic.message.replace(/([^ ])\.$/u, '$1').replace(/\r?\n/g, ' ')),
      ruleId: escapeControlCharacters(diagnostic.ruleId),
    }));
    const width = (key: keyof (typeof rows)[number]) => Math.max(...rows.map((row) => row[key].length));
    const lineWidth = width('line');
    const columnWidth = width('column');
    const severityWidth = width('severity');
    const messageWidth = width('message');
    output += `${colors.underline(escapeControlCharacters(displayPath(result.filePath, cwd)))}\n`;
    for (const row of rows) {
      const place = `${row.line.padStart(lineWidth)}:${row.column}`.padEnd(lineWidth + 1 + columnWidth);
      const severity = (row.severity === 'error' ? colors.red : colors.yellow)(row.severity) + ' '.repeat(severityWidth - row.severity.length);
      output += `  ${colors.dim(place)}  ${severity}  ${row.message.padEnd(messageWidth)}  ${colors.dim(row.ruleId)}\n`;
    }
    output += '\n';
  }
  const total = errorCount + warningCount;
  if (total === 0) return '';
  const summaryColor = errorCount > 0 ? colors.red : colors.yellow;
  output += `${summaryColor(colors.bold(`\u2716 ${total} ${plural('problem', total)} (${errorCount} ${plural('error', errorCount)}, ${warningCount} ${plural('warning', warningCount)})`))}\n`;
  if (fixableErrorCount > 0 || fixableWarningCount > 0) {
    output += `${summaryColor(colors.bold(`  ${fixableErrorCount} ${plural('error', fixableErrorCount)} and ${fixableWarningCount} ${plural('warning', fixableWarningCount)} potentially fixable with the \`--fix\` option.`))}\n`;
  }
  return output;
}

function plural(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}
