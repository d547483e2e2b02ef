import { crc32 } from 'node:zlib';
import type { Diagnostic, LintResult } from '@qadocs/schema';
import { asciiJson, jsonReportEntry, ruleDocsUrl, type EslintJsonMessage, type EslintJsonResult } from '@qadocs/linter';

/**
 * One line of the lint cache, in ASCII: a small JSON head (file, content hash, the result's counts, the
 * offsets ESLint's JSON leaves out), a tab, the file's entry of the JSON report exactly as
 * `--format json` writes it (with an empty `filePath`), a tab, and the CRC-32 of all that. JSON never
 * holds a raw tab, so the split is unambiguous. A warm run checks the CRC and the head and copies the
 * entry into the report as it is: an unchanged file's diagnostics are neither parsed nor serialized
 * again (10,000 files, 330 MB of report: parsing every entry to check it was a third of a warm run).
 */
interface CacheHead {
  file: string;
  hash: string;
  /** errorCount, warningCount, fatalErrorCount, fixableErrorCount, fixableWarningCount. */
  counts: number[];
  /** Start and end offset of each message, in order. */
  offsets: number[];
  /** The same for `suppressedMessages`, when there are any. */
  suppressedOffsets?: number[];
}

const EMPTY_FILE_PATH = '{"filePath":""';

/** The report entry of a result served from the cache, as JSON text with an empty filePath. */
const reportEntries = new WeakMap<LintResult, string>();

export function encodeCacheLine(file: string, hash: string, result: LintResult): string {
  const offsetsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.flatMap((message) => [message.place.start.offset, message.place.end.offset]);
  const head: CacheHead = {
    file,
    hash,
    counts: [result.errorCount, result.warningCount, result.fatalErrorCount, result.fixableErrorCount, result.fixableWarningCount],
    offsets: offsetsOf(result.messages),
    ...(result.suppressedMessages?.length ? { suppressedOffsets: offsetsOf(result.suppressedMessages) } : {}),
  };
  const { output: _output, ...withoutOutput } = result;
  const signed = `${asciiJson(head)}\t${jsonReportEntry({ ...withoutOutput, filePath: '' })}`;
  return `${signed}\t${checksum(signed)}`;
}

/** The CRC-32 that ends a cache line, of everything before its last tab. */
function checksum(text: string): string {
  return crc32(text).toString(16);
}

/** The file a line is about, read without parsing the line (the cache is sorted by it). */
export function cacheLineFile(line: string): string | null {
  const match = /^\{"file":("(?:[^"\\]|\\.)*")/.exec(line);
  return match ? (JSON.parse(match[1]!) as string) : null;
}

/**
 * The result stored in `line` when it is for `file` with this content hash, else null; throws on a
 * damaged line. The entry is parsed only when something reads its messages, source or other fields.
 */
export function decodeCacheLine(line: string, file: string, hash: string, filePath: string): LintResult | null {
  const tab = line.indexOf('\t');
  const lastTab = line.lastIndexOf('\t');
  if (tab < 0 || lastTab === tab) throw new Error('Unexpected cache line without a report entry and a checksum');
  if (line.slice(lastTab + 1) !== checksum(line.slice(0, lastTab))) throw new Error('Unexpected cache line: its checksum does not match');
  const head = JSON.parse(line.slice(0, tab)) as CacheHead;
  if (head.file !== file || head.hash !== hash) return null;
  const text = line.slice(tab + 1, lastTab);
  const suppressedOffsets = head.suppressedOffsets ?? [];
  if (!text.startsWith(EMPTY_FILE_PATH) || !isOffsets(head.offsets) || !isOffsets(suppressedOffsets) || !Array.isArray(head.counts) || head.counts.length !== 5) {
    throw new Error('Unexpected cache line');
  }
  const [errorCount, warningCount, fatalErrorCount, fixableErrorCount, fixableWarningCount] = head.counts.map(count);
  let parsed: ReturnType<typeof parseEntry> | null = null;
  const entry = () => (parsed ??= parseEntry(text, head.offsets, suppressedOffsets));
  let messages: Diagnostic[] | null = null;
  const result = {
    filePath,
    get messages(): Diagnostic[] {
      return (messages ??= entry().messages);
    },
    set messages(value: Diagnostic[]) {
      messages = value;
    },
    errorCount: errorCount!,
    warningCount: warningCount!,
    fatalErrorCount: fatalErrorCount!,
    fixableErrorCount: fixableErrorCount!,
    fixableWarningCount: fixableWarningCount!,
    get source(): string | undefined {
      return entry().source;
    },
    get suppressedMessages(): Diagnostic[] | undefined {
      return entry().suppressedMessages;
    },
    get usedDeprecatedRules(): LintResult['usedDeprecatedRules'] {
      return entry().usedDeprecatedRules;
    },
  } satisfies LintResult;
  reportEntries.set(result, text);
  return result;
}

/** `--format json` text of a result served from the cache and unchanged since, else null. */
export function cachedReportEntry(result: LintResult): string | null {
  const text = reportEntries.get(result);
  return text === undefined || result.output !== undefined ? null : `{"filePath":${asciiJson(result.filePath)}${text.slice(EMPTY_FILE_PATH.length)}`;
}

/** The diagnostics and ESLint's other fields (source, suppressed messages, deprecated rules) of an entry. */
function parseEntry(text: string, offsets: number[], suppressedOffsets: number[]) {
  const entry = JSON.parse(text) as EslintJsonResult;
  const suppressed = Array.isArray(entry.suppressedMessages) ? entry.suppressedMessages : [];
  if (!Array.isArray(entry.messages) || offsets.length !== entry.messages.length * 2 || suppressedOffsets.length !== suppressed.length * 2 || (entry.source !== undefined && typeof entry.source !== 'string')) {
    throw new Error('Unexpected cache entry');
  }
  for (const message of [...entry.messages, ...suppressed]) checkMessage(message);
  return {
    messages: entry.messages.map((message, index) => toDiagnostic(message, offsets[index * 2]!, offsets[index * 2 + 1]!)),
    source: entry.source,
    suppressedMessages: suppressed.length > 0 ? suppressed.map((message, index) => toDiagnostic(message, suppressedOffsets[index * 2]!, suppressedOffsets[index * 2 + 1]!)) : undefined,
    usedDeprecatedRules: entry.usedDeprecatedRules?.length ? entry.usedDeprecatedRules.map((used) => ({ ruleId: String(used.ruleId), replacedBy: used.replacedBy.map(String) })) : undefined,
  };
}

function isOffsets(value: unknown): value is number[] {
  return Array.isArray(value) && value.length % 2 === 0 && value.every((offset) => Number.isSafeInteger(offset) && offset >= 0);
}

function checkMessage(message: EslintJsonMessage): void {
  if (typeof message !== 'object' || message === null || typeof message.ruleId !== 'string' || (message.severity !== 1 && message.severity !== 2) || typeof message.message !== 'string') {
    throw new Error('Unexpected cache message');
  }
}

function count(value: unknown): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw new Error('Unexpected cache count');
  return value as number;
}

function toDiagnostic(message: EslintJsonMessage, startOffset: number, endOffset: number): Diagnostic {
  return {
    ruleId: message.ruleId,
    source: 'qadocs',
    severity: message.severity,
    fatal: message.severity === 2,
    ...(message.fatal ? { parseFailure: true as const } : {}),
    reason: message.message,
    message: message.message,
    ...(message.messageId !== undefined ? { messageId: message.messageId } : {}),
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
    place: { start: { line: message.line, column: message.column, offset: startOffset }, end: { line: message.endLine, column: message.endColumn, offset: endOffset } },
    url: ruleDocsUrl(message.ruleId),
    ...(message.fix ? { fix: { range: [message.fix.range[0], message.fix.range[1]], text: message.fix.text } } : {}),
  };
}
