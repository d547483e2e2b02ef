import type { LintResult } from '@qadocs/schema';
import { ruleDocsUrl } from '../rule.js';
import { displayPath } from './display-path.js';

interface Row {
  file: string;
  ruleId: string;
  url: string;
  errors: number;
  warnings: number;
  lines: number[];
}

/**
 * `--format markdown`: a summary for a pull request: a heading with the counts, then a table of the
 * problems by file and rule, each rule linked to its docs, with the lines. The GitHub Action writes
 * exactly this to the job summary; a comment bot can post it as it is.
 */
export function formatMarkdown(results: readonly LintResult[], options: { cwd?: string } = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const rows: Row[] = [];
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  let filesWithProblems = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    fixable += result.fixableErrorCount + result.fixableWarningCount;
    if (result.messages.length === 0) continue;
    filesWithProblems++;
    const file = displayPath(result.filePath, cwd);
    const byRule = new Map<string, Row>();
    for (const diagnostic of result.messages) {
      let row = byRule.get(diagnostic.ruleId);
      if (!row) {
        row = { file, ruleId: diagnostic.ruleId, url: diagnostic.url ?? ruleDocsUrl(diagnostic.ruleId), errors: 0, warnings: 0, lines: [] };
        byRule.set(diagnostic.ruleId, row);
      }
      if (diagnostic.severity === 2) row.errors++;
      else row.warnings++;
      if (!row.lines.includes(diagnostic.line)) row.lines.push(diagnostic.line);
    }
    rows.push(...[...byRule.values()].sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)));
  }
  const checked = `${results.length} ${plural('file', results.length)} checked`;
  if (rows.length === 0) return `### qadocs: no problems\n\n${checked}.\n`;
  const total = errors + warnings;
  let output = `### qadocs: ${total} ${plural('problem', total)} (${errors} ${plural('error', errors)}, ${warnings} ${plural('warning', warnings)})\n\n`;
  output += `${checked}, ${filesWithProblems} with problems.${fixable > 0 ? ` ${fixable} can be fixed with \`qadocs lint --fix\`.` : ''}\n\n`;
  output += '| File | Rule | Errors | Warnings | Lines |\n| --- | --- | ---: | ---: | --- |\n';
  for (const row of rows) {
    output += `| ${escapeCell(row.file)} | [${escapeCell(row.ruleId)}](${row.url}) | ${row.errors} | ${row.warnings} | ${row.lines.join(', ')} |\n`;
  }
  return output;
}

/** A file name or rule id as literal text in a table cell: Markdown's punctuation escaped, no line breaks. */
function escapeCell(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~&]/g, '\\$&').replace(/\r?\n|\r/g, ' ');
}

function plural(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}
