import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { formatGithub, formatResults, jsonReportEntry } from '@qadocs/linter';
import type { LintResult } from '@qadocs/schema';
import { cachedReportEntry, createBatchedWriter } from '@qadocs/engine';
import { UsageError } from './usage-error.js';

export interface ReportWriter {
  add(result: LintResult): void;
  /** Write what is left (the whole report, for formats that need every result) and flush; SARIF records the exit code. */
  finish(exitCode?: number): Promise<void>;
}

/** Formats that read a file's text: SARIF fingerprints the problem's lines, rdjson turns fixes into suggestions. */
const FORMATS_READING_TEXT = new Set(['sarif', 'rdjson']);

/**
 * The report file, opened before the run: a folder, a file that cannot be written or a parent that
 * cannot be made is the user's `-o` to correct (a usage error), found before any document is linted.
 */
async function openReportFile(file: string, cwd: string): Promise<FileHandle> {
  const shown = path.relative(cwd, file) || file;
  try {
    await makeParents(path.dirname(file));
    return await open(file, 'w');
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    const reason = code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' || code === 'EEXIST' ? 'a parent of it is a file' : (error as Error).message;
    throw new UsageError(`Unexpected --output-file "${shown}": ${reason}, expected a file path that can be written`);
  }
}

/**
 * `mkdir -p`, one folder at a time: Node's recursive mkdir retries without end where the kernel says
 * ENOENT for a parent that exists (`-o /proc/x/report.txt` spun forever); here that is an error.
 */
async function makeParents(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let current = folder; !existsSync(current); current = path.dirname(current)) missing.unshift(current);
  for (const each of missing) await mkdir(each);
}

/**
 * Formats that read file by file (json, github) are written as results arrive, so a 10,000-document
 * run never holds every diagnostic in memory; stylish (a summary at the end) and SARIF (one document)
 * collect the run first. The bytes are those the linter's formatters produce for the whole array.
 */
export async function createReportWriter(
  format: string,
  destination: { file: string | null; stdout: NodeJS.WritableStream },
  options: { color: boolean; cwd: string; srcRoot?: string; automationId?: string },
): Promise<ReportWriter> {
  let stream: NodeJS.WritableStream = destination.stdout;
  let fileStream: ReturnType<typeof createWriteStream> | null = null;
  if (destination.file) {
    fileStream = createWriteStream(destination.file, { fd: await openReportFile(destination.file, options.cwd) });
    stream = fileStream;
  }
  const close = async () => {
    if (!fileStream) return;
    fileStream.end();
    await once(fileStream, 'close');
  };
  if (format === 'json') {
    // Every entry is ASCII JSON (fresh or from the cache), so the fast one-byte encoding is exact.
    const batched = createBatchedWriter(stream, { encoding: 'latin1' });
    let first = true;
    return {
      add(result) {
        batched.write(`${first ? '[' : ','}${cachedReportEntry(result) ?? jsonReportEntry(result)}`);
        first = false;
      },
      async finish() {
        batched.write(first ? '[]\n' : ']\n');
        batched.flush();
        await close();
      },
    };
  }
  if (format === 'github') {
    const batched = createBatchedWriter(stream);
    return {
      add(result) {
        const text = formatGithub([result], { cwd: options.cwd });
        if (text !== '') batched.write(text);
      },
      async finish() {
        batched.flush();
        await close();
      },
    };
  }
  const results: LintResult[] = [];
  return {
    add(result) {
      results.push(result);
    },
    async finish(exitCode) {
      if (FORMATS_READING_TEXT.has(format)) await Promise.all(results.map(withText)).then((filled) => results.splice(0, results.length, ...filled));
      const report = formatResults(format, results, { ...options, ...(exitCode !== undefined ? { exitCode } : {}) });
      if (report !== '' || fileStream) stream.write(report === '' || report.endsWith('\n') ? report : `${report}\n`);
      await close();
    },
  };
}

/**
 * A result with problems but without its text (served from the cache, or its file fixed in place) gets
 * the file's text as it is now, which is what its positions describe.
 */
async function withText(result: LintResult): Promise<LintResult> {
  if (result.messages.length === 0 || result.source !== undefined || result.output !== undefined) return result;
  try {
    return { ...result, messages: result.messages, source: await readFile(result.filePath, 'utf8') };
  } catch {
    return result;
  }
}
