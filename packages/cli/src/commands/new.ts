import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { categoryOfName, newDocumentPath, scaffoldDocument, type ResolvedConfig } from '@qadocs/linter';
import { CATEGORIES, type Category } from '@qadocs/schema';
import type { CliIo } from '../cli-io.js';
import { loadRunConfig } from '../run-context.js';
import { UsageError } from '../usage-error.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';

export interface NewFlags {
  config?: string;
  force?: boolean;
  stdout?: boolean;
}

/**
 * `qadocs new <category> "<question>"`: a scaffold in `<contentRoot>/<category folder>/<slug>.md`,
 * never over an existing file unless `--force`; then the file is linted, so the author sees each
 * placeholder to replace. `--stdout` prints the scaffold and writes nothing.
 */
export async function newCommand(categoryName: string, question: string, flags: NewFlags, io: CliIo): Promise<number> {
  const config = await loadRunConfig(flags, io);
  const category = categoryOf(categoryName, config);
  if (question.trim() === '') throw new UsageError(`Unexpected empty question "${question}", expected the question the document answers, such as "How do I rotate the signing key?"`);
  const text = scaffoldDocument(category, question);
  if (flags.stdout) {
    io.stdout.write(text);
    return 0;
  }
  const file = newDocumentPath(category, question, config);
  if (existsSync(file) && !flags.force) {
    throw new UsageError(`Unexpected existing file "${path.relative(io.cwd, file)}", expected a new path: qadocs new never overwrites (use --force to replace it)`);
  }
  await mkdir(path.dirname(file), { recursive: true });
  if (flags.force) await writeFileAtomic(file, text);
  else await writeFile(file, text, { flag: 'wx' });
  io.stderr.write(`Wrote ${path.relative(io.cwd, file)}: replace each TODO(qadocs) placeholder below.\n`);
  const { lintCommand } = await import('./lint.js');
  return lintCommand([file], { format: 'stylish', progress: false, ...(flags.config ? { config: flags.config } : {}) }, io);
}

/** One of the four categories, or a configured alias of one; anything else is a usage error quoting it. */
export function categoryOf(name: string, config: ResolvedConfig, flag = 'category'): Category {
  const category = categoryOfName(name, config);
  if (category) return category;
  throw new UsageError(`Unexpected ${flag} "${name}", expected one of ${CATEGORIES.map((each) => `"${each}"`).join(', ')} (or a configured alias)`);
}
