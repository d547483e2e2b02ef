import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { asksNearlyTheSame, escapeControlCharacters, importAnswer, ImportError, newDocumentPath, type ImportedDocument, type UnclearCategory } from '@qadocs/linter';
import { runWithTimeLimit, TimeLimitExceeded } from '@qadocs/engine';
import type { CliIo } from '../cli-io.js';
import { loadRunConfig, prepareRun, processDocuments } from '../run-context.js';
import { EXIT, UsageError } from '../usage-error.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';
import { categoryOf } from './new.js';

export interface ImportFlags {
  config?: string;
  category?: string;
  assistant?: string;
  date?: string;
  question?: string;
  force?: boolean;
  stdout?: boolean;
}

/**
 * `qadocs import [file|-]`: a pasted AI answer becomes a document in its category's folder
 * (`importAnswer` in the linter does the work), then the new file is linted and the exit code is
 * lint's. `--stdout` prints the document and writes nothing; an existing file is replaced only with
 * `--force`. An unclear category stops with exit 2 and the two candidates to choose from.
 */
export async function importCommand(input: string | undefined, flags: ImportFlags, io: CliIo): Promise<number> {
  const config = await loadRunConfig(flags, io);
  const category = flags.category === undefined ? undefined : categoryOf(flags.category, config, '--category');
  const paste = await readPaste(input, config.maxFileSize, io);
  let imported: ImportedDocument | UnclearCategory;
  try {
    imported = runWithTimeLimit(
      () => importAnswer(paste, { config, ...(category ? { category } : {}), ...optional('assistant', flags.assistant), ...optional('date', flags.date), ...optional('question', flags.question) }),
      config.timeout,
    );
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(error.message.replace(/^Unexpected (assistant|date|empty question)/, (match, what: string) => `Unexpected --${what === 'empty question' ? 'question' : what}`));
    if (error instanceof TimeLimitExceeded) throw new UsageError(`Unexpected paste that took more than ${config.timeout} ms to read, expected an answer qadocs can parse within the time limit (\`timeout\` in the config)`);
    throw error;
  }
  if (imported.kind === 'category-unclear') {
    io.stderr.write(unclearCategoryMessage(imported));
    return EXIT.usage;
  }
  for (const note of imported.notes) io.stderr.write(`note: ${escapeControlCharacters(note)}\n`);
  if (flags.stdout) {
    io.stdout.write(imported.text);
    return EXIT.ok;
  }

  const file = newDocumentPath(imported.category, imported.question, config);
  const shown = escapeControlCharacters(path.relative(io.cwd, file));
  if (existsSync(file) && !flags.force) {
    throw new UsageError(`Unexpected existing file "${shown}", expected a new path: qadocs import never overwrites (use --force to replace it)`);
  }
  for (const similar of await documentsAskingNearly(imported.question, file, flags, io)) {
    io.stderr.write(`note: ${escapeControlCharacters(path.relative(io.cwd, similar.file))} already asks nearly the same question: "${escapeControlCharacters(similar.question)}"\n`);
  }
  await mkdir(path.dirname(file), { recursive: true });
  if (flags.force) await writeFileAtomic(file, imported.text);
  else await writeFile(file, imported.text, { flag: 'wx' });
  io.stderr.write(`Wrote ${shown} (${describeImport(imported)})\n`);
  const { lintCommand } = await import('./lint.js');
  return lintCommand([file], { format: 'stylish', progress: false, ...(flags.config ? { config: flags.config } : {}) }, io);
}

/** The paste: a file, or standard input for `-` or no file. Larger than `maxFileSize`, or not UTF-8, it is refused. */
async function readPaste(input: string | undefined, maxBytes: number, io: CliIo): Promise<string> {
  let bytes: Buffer;
  if (input === undefined || input === '-') {
    if ((io.stdin as { isTTY?: boolean }).isTTY) throw new UsageError('Unexpected terminal on standard input, expected a pasted answer: give a file, or pipe the paste (`qadocs import - < answer.md`)');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of io.stdin) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw new UsageError(`Unexpected paste of more than ${maxBytes} bytes on standard input, expected at most maxFileSize (${maxBytes})`);
      chunks.push(Buffer.from(chunk as Buffer));
    }
    bytes = Buffer.concat(chunks);
  } else {
    const file = path.resolve(io.cwd, input);
    const info = await stat(file).catch(() => null);
    if (!info || !info.isFile()) throw new UsageError(`Unexpected file "${input}": ${info ? 'not a regular file' : 'no such file'}, expected a file holding the pasted answer (or - for standard input)`);
    if (info.size > maxBytes) throw new UsageError(`Unexpected file "${input}" of ${info.size} bytes, expected at most maxFileSize (${maxBytes})`);
    bytes = await readFile(file);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`Unexpected bytes in "${input ?? '-'}" that are not UTF-8, expected the paste as UTF-8 text`);
  }
}

/** The documents under the content root that ask nearly the same question (normalized words). */
async function documentsAskingNearly(question: string, target: string, flags: ImportFlags, io: CliIo): Promise<Array<{ file: string; question: string }>> {
  let context;
  try {
    context = await prepareRun([], { ...(flags.config ? { config: flags.config } : {}), progress: false }, io);
  } catch (error) {
    // No content root yet: the import starts it, and there is nothing to compare with.
    if (error instanceof UsageError) return [];
    throw error;
  }
  const similar: Array<{ file: string; question: string }> = [];
  for await (const outcome of processDocuments({ ...context, files: context.files.filter((file) => file !== target) }, io, { record: true })) {
    if (!outcome.recordJson) continue;
    const record = JSON.parse(outcome.recordJson) as { entries?: Array<{ question: string }> };
    const match = record.entries?.find((entry) => asksNearlyTheSame(entry.question, question));
    if (match) similar.push({ file: outcome.filePath, question: match.question });
  }
  return similar;
}

function describeImport(imported: ImportedDocument): string {
  const category = imported.categorySource === 'classifier' ? `${imported.category} by the classifier, ${Math.round(imported.confidence * 100)} %` : `${imported.category} from the ${imported.categorySource === 'option' ? '--category option' : 'front matter'}`;
  const provenance = [imported.assistant?.name ?? 'assistant unknown', imported.date ?? 'no date'].join(', ');
  const citations = `${imported.citations.length} citation${imported.citations.length === 1 ? '' : 's'}`;
  return `${category}; ${provenance}; ${citations}`;
}

/** Exit 2's message: the classifier was not sure enough, here are the two candidates and their evidence. */
function unclearCategoryMessage(unclear: UnclearCategory): string {
  const percent = (value: number) => `${Math.round(value * 100)} %`;
  const lines = [
    `qadocs: Unexpected unclear category for "${escapeControlCharacters(unclear.question)}": the classifier is ${percent(unclear.candidates[0]?.confidence ?? 0)} sure, below the threshold of ${percent(unclear.threshold)}, expected --category to choose one of:`,
  ];
  for (const candidate of unclear.candidates) {
    lines.push(`  ${candidate.category} (${percent(candidate.confidence)})`);
    for (const evidence of candidate.evidence) lines.push(`    - ${escapeControlCharacters(evidence)}`);
    if (candidate.evidence.length === 0) lines.push('    - no signal speaks for it over the other');
  }
  lines.push(`Run again with --category ${unclear.candidates.map((candidate) => candidate.category).join(' or --category ')}.`);
  return `${lines.join('\n')}\n`;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
