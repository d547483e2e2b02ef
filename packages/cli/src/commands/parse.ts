import path from 'node:path';
import type { QaDocument } from '@qadocs/schema';
import type { CliIo } from '../cli-io.js';
import { prepareRun, processDocuments, type CommonFlags } from '../run-context.js';
import { EXIT } from '../usage-error.js';

/** `qadocs parse`: records as one JSON array on stdout, parser diagnostics on stderr. */
export async function parseCommand(paths: string[], flags: CommonFlags, io: CliIo): Promise<number> {
  const context = await prepareRun(paths, flags, io);
  const records: QaDocument[] = [];
  let fatal = 0;
  const outcomes = processDocuments(context, io, { record: true });
  for await (const outcome of outcomes) {
    const name = path.relative(io.cwd, outcome.filePath);
    for (const message of outcome.result.messages) {
      if (!message.parseFailure && !message.ruleId.startsWith('frontmatter/') && !message.ruleId.startsWith('input/')) continue;
      io.stderr.write(`${name}:${message.line}:${message.column}: ${message.severity === 2 ? 'error' : 'warning'} ${message.reason} (${message.ruleId})\n`);
    }
    if (outcome.recordJson !== undefined) records.push(JSON.parse(outcome.recordJson) as QaDocument);
    else fatal++;
  }
  io.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
  return fatal > 0 ? EXIT.problems : EXIT.ok;
}
