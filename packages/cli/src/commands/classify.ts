import path from 'node:path';
import { escapeControlCharacters } from '@qadocs/linter';
import type { CliIo } from '../cli-io.js';
import { prepareRun, processDocuments, type CommonFlags } from '../run-context.js';
import { EXIT, UsageError } from '../usage-error.js';

export interface ClassifyFlags extends CommonFlags {
  format: string;
}

/** `qadocs classify`: the category each document reads as, with the evidence (SPEC §3.5). */
export async function classifyCommand(paths: string[], flags: ClassifyFlags, io: CliIo): Promise<number> {
  if (flags.format !== 'json' && flags.format !== 'text') throw new UsageError(`Unexpected --format "${flags.format}", expected "text" or "json"`);
  const context = await prepareRun(paths, flags, io);
  const reports: Array<{ filePath: string; declared: string | null; predicted: string | null; confidence: number | null; evidence: string[] }> = [];
  const outcomes = processDocuments(context, io, { classify: true });
  for await (const outcome of outcomes) {
    // Absolute, as `lint --format json` writes it: tools join the two reports by file.
    const filePath = path.resolve(io.cwd, outcome.filePath);
    const classification = outcome.classification ?? { declared: null, predicted: null, confidence: null, evidence: ['the file could not be parsed'] };
    // The classifier gives a null prediction a null confidence: there is nothing to be confident about.
    reports.push({ filePath, ...classification });
  }
  if (flags.format === 'json') {
    io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    return EXIT.ok;
  }
  for (const report of reports) {
    const verdict = report.predicted && report.confidence !== null ? `${report.predicted} (${Math.round(report.confidence * 100)} %)` : 'unclear';
    const declared = report.declared ? `declared ${report.declared}` : 'no category declared';
    io.stdout.write(`${escapeControlCharacters(path.relative(io.cwd, report.filePath))}: ${verdict}, ${declared}\n`);
    for (const evidence of report.evidence) io.stdout.write(`  - ${escapeControlCharacters(evidence)}\n`);
  }
  return EXIT.ok;
}
