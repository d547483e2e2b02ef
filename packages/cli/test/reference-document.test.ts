import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QaDocument } from '@qadocs/schema';
import { expectEslintJson, type EslintResult } from './support/eslint-json-shape.js';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { cleanDocument } from './support/sample-documents.js';
import { makeTempFolder, REFERENCE_DOCUMENT } from './support/temp-folder.js';

const cwd = makeTempFolder('reference');
const original = readFileSync(REFERENCE_DOCUMENT);

/** `[ruleId, line]` pairs of a JSON report's single result. */
const rulesAndLines = (report: EslintResult[]) => report[0]!.messages.map((message) => [message.ruleId, message.line] as const);

beforeAll(() => {
  copyFileSync(REFERENCE_DOCUMENT, path.join(cwd, 'doc.md'));
});

describe('the reference document, raw (issue 3, must show)', () => {
  it('gets exactly the diagnostics the issue lists, at the lines it lists', async () => {
    const run = await runQadocs(['lint', 'doc.md', '--format', 'json'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    const report = JSON.parse(run.stdout) as EslintResult[];
    expectEslintJson(report);
    const found = rulesAndLines(report);
    const linesOf = (ruleId: string) => found.filter(([id]) => id === ruleId).map(([, line]) => line);
    expect(linesOf('citation/malformed')).toEqual([15, 16, 24]);
    expect(linesOf('structure/heading-emphasis')).toEqual([10, 18]);
    expect(linesOf('frontmatter/description-differs')).toEqual([3]);
    expect(linesOf('diataxis/category')).toHaveLength(1);
    expect(linesOf('provenance/ai-review')).toEqual([28]);
    expect(linesOf('provenance/date-format')).toEqual([28]);
    const severity = (ruleId: string) => report[0]!.messages.find((message) => message.ruleId === ruleId)!.severity;
    expect(severity('citation/malformed')).toBe(2);
    expect(severity('structure/heading-emphasis')).toBe(1);
    expect(severity('provenance/ai-review')).toBe(2);
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff of the fixes and leaves the file byte-identical', async () => {
    const run = await runQadocs(['lint', 'doc.md', '--fix-dry-run'], { cwd });
    expect(readFileSync(path.join(cwd, 'doc.md')).equals(original)).toBe(true);
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stdout).toMatch(/^--- a\/doc\.md/m);
    expect(run.stdout).toMatch(/^\+\+\+ b\/doc\.md/m);
    expect(run.stdout).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@/m);
    expect(run.stdout).toContain('\n-### **Azure Compute Gallery**\n');
    expect(run.stdout).toContain('\n+### Azure Compute Gallery\n');
    expect(run.stdout).toContain('\n-Source: Conversation with Copilot, 10/10/2024\n');
    expect(run.stdout).toContain('\n+Source: Conversation with Copilot, 2024-10-10\n');
    expect(run.stdout).toMatch(/^\+ {2}- \*\*Sharing\*\*: .*publicly\[\^1\]\.$/m);
    expect(run.stdout).toMatch(/^\+ {2}- \*\*Namespace Management\*\*: .*isolation\[\^3\]\.$/m);
  });
});

describe('--fix', () => {
  let fixed: string;

  beforeAll(async () => {
    copyFileSync(REFERENCE_DOCUMENT, path.join(cwd, 'fixed.md'));
    const run = await runQadocs(['lint', 'fixed.md', '--fix', '--format', 'json'], { cwd });
    // Unfixable errors remain (the missing category, the missing review): exit 1.
    expect(run.code, describeRun(run)).toBe(1);
    fixed = readFileSync(path.join(cwd, 'fixed.md'), 'utf8');
    const report = JSON.parse(run.stdout) as EslintResult[];
    expectEslintJson(report);
    // What is reported after --fix is what is left in the file.
    expect(report[0]!.messages.filter((message) => message.fix)).toEqual([]);
  });

  it('rewrites the file so that no fixable diagnostic remains', async () => {
    expect(fixed).not.toBe(original.toString('utf8'));
    const run = await runQadocs(['lint', 'fixed.md', '--format', 'json'], { cwd });
    const report = JSON.parse(run.stdout) as EslintResult[];
    expect(report[0]!.fixableErrorCount + report[0]!.fixableWarningCount).toBe(0);
    expect(report[0]!.messages.filter((message) => message.fix)).toEqual([]);
    const left = new Set(report[0]!.messages.map((message) => message.ruleId));
    for (const ruleId of ['citation/malformed', 'structure/heading-emphasis', 'provenance/date-format']) expect(left.has(ruleId), ruleId).toBe(false);
    // The unfixable ones stay.
    expect(left.has('provenance/ai-review')).toBe(true);
    expect(left.has('frontmatter/description-differs')).toBe(true);
  });

  it('re-parses with 3 citations referenced 4, 3 and 1 times and the provenance date 2024-10-10', async () => {
    const run = await runQadocs(['parse', 'fixed.md'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    const [record] = JSON.parse(run.stdout) as QaDocument[];
    expect(record!.citations.map((citation) => citation.referencedBy.length)).toEqual([4, 3, 1]);
    expect(record!.citations.map((citation) => citation.label)).toEqual(['1', '2', '3']);
    expect(record!.provenance).toMatchObject({ kind: 'ai-assistant', tool: 'Copilot', date: '2024-10-10' });
    expect(record!.entries).toHaveLength(1);
  });

  it('a second --fix changes nothing', async () => {
    const run = await runQadocs(['lint', 'fixed.md', '--fix'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(readFileSync(path.join(cwd, 'fixed.md'), 'utf8')).toBe(fixed);
  });
});

describe('--stdin (the editor case)', () => {
  it('lints standard input as --stdin-filename, in json', async () => {
    const run = await runQadocs(['lint', '--stdin', '--stdin-filename', 'x.md', '--format', 'json'], { cwd, input: original });
    expect(run.code, describeRun(run)).toBe(1);
    const report = JSON.parse(run.stdout) as EslintResult[];
    expectEslintJson(report);
    expect(report).toHaveLength(1);
    expect(report[0]!.filePath).toBe(path.join(cwd, 'x.md'));
    expect(report[0]).not.toHaveProperty('output');
    const fromFile = JSON.parse((await runQadocs(['lint', 'doc.md', '--format', 'json'], { cwd })).stdout) as EslintResult[];
    expect(rulesAndLines(report)).toEqual(rulesAndLines(fromFile));
  });

  it('exits 0 for clean standard input', async () => {
    const run = await runQadocs(['lint', '--stdin', '--stdin-filename', 'clean.md'], { cwd, input: cleanDocument() });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('--fix-dry-run gives the fixed text in the JSON `output` field and writes nothing', async () => {
    const before = readFileSync(path.join(cwd, 'doc.md'));
    const run = await runQadocs(['lint', '--stdin', '--stdin-filename', 'doc.md', '--fix-dry-run', '--format', 'json'], { cwd, input: original });
    expect(run.code, describeRun(run)).toBe(1);
    const report = JSON.parse(run.stdout) as EslintResult[];
    expectEslintJson(report);
    expect(report[0]!.output).toBe(readFileSync(path.join(cwd, 'fixed.md'), 'utf8'));
    expect(report[0]!.messages.filter((message) => message.fix)).toEqual([]);
    expect(readFileSync(path.join(cwd, 'doc.md')).equals(before)).toBe(true);
  });

  it('refuses paths together with --stdin', async () => {
    const run = await runQadocs(['lint', '--stdin', 'doc.md'], { cwd, input: original });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('"doc.md"');
  });
});
