import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLintResult, jsonReportEntry, lintSource, loadConfig, toEslintJson } from '@qadocs/linter';
import type { LintResult } from '@qadocs/schema';
import { cacheLineFile, cachedReportEntry, decodeCacheLine, encodeCacheLine } from '../src/cache/cache-entry.js';
import { REFERENCE_DOCUMENT } from './support/temp-folder.js';

const HASH = `sha256-${'a'.repeat(64)}`;
const FILE = 'docs/how-to/azure "gallery"\tand\\registry.md';
const FILE_PATH = path.resolve('/repository', FILE);

describe('a lint cache line', () => {
  let result: LintResult;
  let line: string;

  beforeAll(async () => {
    const config = await loadConfig({ cwd: path.dirname(REFERENCE_DOCUMENT) });
    // The reference document: errors, warnings, fixes, message ids and a shared fix.
    result = lintSource(readFileSync(REFERENCE_DOCUMENT), { filePath: FILE_PATH, root: '/repository', config }).result;
    line = encodeCacheLine(FILE, HASH, result);
  });

  it('is one line, and names its file first', () => {
    expect(result.messages.length).toBeGreaterThan(5);
    expect(result.messages.some((message) => message.fix)).toBe(true);
    expect(line).not.toContain('\n');
    expect(cacheLineFile(line)).toBe(FILE);
  });

  it('gives back the same result: diagnostics, counts and the exact JSON report entry', () => {
    const decoded = decodeCacheLine(line, FILE, HASH, FILE_PATH)!;
    expect(decoded.messages).toEqual(result.messages);
    expect({ ...decoded }).toEqual({ ...result });
    expect(cachedReportEntry(decoded)).toBe(jsonReportEntry(result));
  });

  it("keeps ESLint's other fields: source, directive-suppressed messages with their offsets, deprecated rules", async () => {
    const config = await loadConfig({ cwd: path.dirname(REFERENCE_DOCUMENT) });
    const source = readFileSync(REFERENCE_DOCUMENT, 'utf8').replace(/^(### \*\*Azure Compute Gallery\*\*)$/m, '<!-- qadocs-disable-next-line structure/heading-emphasis -->\n$1');
    const linted = lintSource(source, { filePath: FILE_PATH, root: '/repository', config }).result;
    expect(linted.suppressedMessages!.map((message) => message.ruleId)).toEqual(['structure/heading-emphasis']);
    const full = createLintResult(FILE_PATH, linted.messages, undefined, { source, suppressedMessages: linted.suppressedMessages!, usedDeprecatedRules: [{ ruleId: 'old/rule', replacedBy: ['new/rule'] }] });
    const decoded = decodeCacheLine(encodeCacheLine(FILE, HASH, full), FILE, HASH, FILE_PATH)!;
    expect({ ...decoded }).toEqual({ ...full });
    expect(decoded.suppressedMessages![0]!.place).toEqual(full.suppressedMessages![0]!.place);
    expect(cachedReportEntry(decoded)).toBe(jsonReportEntry(full));
  });

  it('is a miss for another file or another content hash', () => {
    expect(decodeCacheLine(line, 'docs/other.md', HASH, FILE_PATH)).toBeNull();
    expect(decodeCacheLine(line, FILE, `sha256-${'b'.repeat(64)}`, FILE_PATH)).toBeNull();
  });

  it('throws for a damaged line, so the cache treats it as a miss', () => {
    const tab = line.indexOf('\t');
    for (const damaged of [line.slice(0, tab), line.slice(0, line.length - 10), line.replace('"messages":[', '"messages":{'), `${line.slice(0, tab)}\t{"filePath":"x"${line.slice(tab + 15)}`, line.replace(/"offsets":\[\d+,/, '"offsets":[')]) {
      expect(() => decodeCacheLine(damaged, FILE, HASH, FILE_PATH), damaged.slice(0, 80)).toThrow();
    }
  });

  it('is ASCII, and its report entry reads back as the JSON report of the result', () => {
    expect(readFileSync(REFERENCE_DOCUMENT, 'utf8')).toMatch(/[^\x00-\x7f]/);
    expect(line).toMatch(/^[\x00-\x7f]*$/);
    expect(JSON.parse(cachedReportEntry(decodeCacheLine(line, FILE, HASH, FILE_PATH)!)!)).toEqual(toEslintJson([result])[0]);
  });

  it('checks the shape of a line whose checksum was made to match', () => {
    const signed = (damaged: string) => `${damaged}\t${crc32(damaged).toString(16)}`;
    const body = line.slice(0, line.lastIndexOf('\t'));
    expect(() => decodeCacheLine(signed(body.replace(/"offsets":\[\d+,/, '"offsets":[')), FILE, HASH, FILE_PATH)).toThrow();
    expect(() => decodeCacheLine(signed(body.replace('"counts":[', '"counts":[1,')), FILE, HASH, FILE_PATH)).toThrow();
    // The entry itself is parsed when something reads it.
    const decoded = decodeCacheLine(signed(body.replace('"messages":[', '"messages":{')), FILE, HASH, FILE_PATH)!;
    expect(() => decoded.messages).toThrow();
  });

  it('has no report text to reuse once its result gains a fixed output', () => {
    const decoded = decodeCacheLine(line, FILE, HASH, FILE_PATH)!;
    decoded.output = 'fixed text';
    expect(cachedReportEntry(decoded)).toBeNull();
    expect(cachedReportEntry(result)).toBeNull();
  });
});
