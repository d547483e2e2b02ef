import type { LintResult } from '@qadocs/schema';
import { displayPath } from './display-path.js';

/**
 * `--format github`: one workflow command per diagnostic, which GitHub Actions shows as an annotation
 * on the line: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule/id::message`.
 */
export function formatGithub(results: readonly LintResult[], options: { cwd?: string } = {}): string {
  const cwd = options.cwd ?? process.cwd();
  let output = '';
  for (const result of results) {
    const file = displayPath(result.filePath, cwd);
    for (const diagnostic of result.messages) {
      const properties = [
        ['file', file],
        ['line', diagnostic.line],
        ['col', diagnostic.column],
        ['endLine', diagnostic.endLine],
        ['endColumn', diagnostic.endColumn],
        ['title', diagnostic.ruleId],
      ] as const;
      const command = diagnostic.severity === 2 ? 'error' : 'warning';
      output += `::${command} ${properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')}::${escapeData(diagnostic.message)}\n`;
    }
  }
  return output;
}

/** As @actions/core escapes command data. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As @actions/core escapes command properties: data escaping plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
