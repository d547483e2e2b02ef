import { copyFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectEslintJson, type EslintResult } from './support/eslint-json-shape.js';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { cleanDocument, documentWithWarnings, writeFiles } from './support/sample-documents.js';
import { makeTempFolder, REFERENCE_DOCUMENT } from './support/temp-folder.js';

const cwd = makeTempFolder('formats');
const ANSI = /\u001b\[/;
// doc.md: the reference document (errors and warnings); warnings.md: 2 warnings; clean.md: none.
const files = ['clean.md', 'doc.md', 'warnings.md'];

let json: EslintResult[];
let totalMessages: number;

beforeAll(async () => {
  copyFileSync(REFERENCE_DOCUMENT, path.join(cwd, 'doc.md'));
  writeFiles(cwd, { 'clean.md': cleanDocument(), 'warnings.md': documentWithWarnings() });
  const run = await runQadocs(['lint', ...files, '--format', 'json'], { cwd });
  expect(run.code, describeRun(run)).toBe(1);
  json = JSON.parse(run.stdout) as EslintResult[];
  totalMessages = json.reduce((sum, result) => sum + result.messages.length, 0);
});

describe('--format json', () => {
  it("is ESLint's JSON formatter shape exactly, one result per file in order", () => {
    expectEslintJson(json);
    expect(json.map((result) => result.filePath)).toEqual(files.map((file) => path.join(cwd, file)));
    const [clean, doc, warnings] = json;
    expect([clean!.errorCount, clean!.warningCount]).toEqual([0, 0]);
    expect(doc!.errorCount).toBeGreaterThan(0);
    expect([warnings!.errorCount, warnings!.warningCount]).toEqual([0, 2]);
  });

  it('gives fixes as ranges of the source text, as ESLint does', () => {
    const source = readFileSync(path.join(cwd, 'doc.md'), 'utf8');
    const heading = json[1]!.messages.find((message) => message.ruleId === 'structure/heading-emphasis' && message.line === 10)!;
    expect(source.slice(...heading.fix!.range)).toBe('**Azure Compute Gallery**');
    expect(heading.fix!.text).toBe('Azure Compute Gallery');
    const date = json[1]!.messages.find((message) => message.ruleId === 'provenance/date-format')!;
    expect(source.slice(...date.fix!.range)).toBe('10/10/2024');
    expect(date.fix!.text).toBe('2024-10-10');
  });
});

describe('--format stylish (the default)', () => {
  it('prints file, line:col, severity, message and rule id, and a summary line, without colours when not a TTY', async () => {
    const run = await runQadocs(['lint', ...files], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stdout).not.toMatch(ANSI);
    expect(run.stderr).not.toMatch(ANSI);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('doc.md');
    expect(lines).toContain('warnings.md');
    expect(lines).not.toContain('clean.md');
    expect(run.stdout).toMatch(/^ +15:106 +error +Unexpected pseudo-citation .* +citation\/malformed$/m);
    expect(run.stdout).toMatch(/^ +10:1 +warning +Unexpected heading wholly wrapped .* +structure\/heading-emphasis$/m);
    expect(run.stdout).toMatch(/^ +7:1 +warning +.* +structure\/heading-emphasis$/m);
    const errors = json.reduce((sum, result) => sum + result.errorCount, 0);
    const warnings = json.reduce((sum, result) => sum + result.warningCount, 0);
    expect(run.stdout).toContain(`\u2716 ${totalMessages} problems (${errors} errors, ${warnings} warnings)`);
    const messageLines = lines.filter((line) => /^ +\d+:\d+ +(error|warning) /.test(line));
    expect(messageLines).toHaveLength(totalMessages);
  });

  it('prints nothing for clean files', async () => {
    const run = await runQadocs(['lint', 'clean.md', '--format', 'stylish'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).toBe('');
  });
});

describe('--format sarif', () => {
  const require = createRequire(import.meta.url);
  // The official SARIF 2.1.0 schema (draft-04), as shipped by Microsoft's @microsoft/jest-sarif (as the linter's tests load it).
  const schemaFile = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');
  // The schema's language pattern is not valid with the `u` flag (a stray `]`), as the schema itself is published.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

  it('is a SARIF 2.1.0 log valid against the official schema, one result per message', async () => {
    const run = await runQadocs(['lint', ...files, '--format', 'sarif'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    const log = JSON.parse(run.stdout) as { version: string; runs: Array<{ tool: { driver: { name: string; rules?: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }> };
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    expect(sarifRun!.tool.driver.name).toBe('qadocs');
    expect(sarifRun!.results).toHaveLength(totalMessages);
    const malformed = sarifRun!.results.filter((result) => result.ruleId === 'citation/malformed');
    expect(malformed.map((result) => result.locations[0]!.physicalLocation.region.startLine)).toEqual([15, 16, 24]);
    expect(malformed.every((result) => result.level === 'error')).toBe(true);
    expect(malformed[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/(^|\/)doc\.md$/);
    const ruleIds = new Set(sarifRun!.tool.driver.rules?.map((rule) => rule.id));
    for (const result of sarifRun!.results) expect(ruleIds.has(result.ruleId), `rule ${result.ruleId} is described in tool.driver.rules`).toBe(true);
  });

  it('is valid for a clean run too', async () => {
    const run = await runQadocs(['lint', 'clean.md', '--format', 'sarif'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    const log = JSON.parse(run.stdout) as { runs: Array<{ results: unknown[] }> };
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.runs[0]!.results).toEqual([]);
  });
});

describe('--format github', () => {
  it('prints one workflow command per message with file, line and col', async () => {
    const run = await runQadocs(['lint', ...files, '--format', 'github'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    const lines = run.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(totalMessages);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+(,[^:]*)?::\S.*$/);
    expect(lines.filter((line) => line.startsWith('::error file=doc.md,line=15,col=106'))).toHaveLength(1);
    expect(lines.some((line) => line.startsWith('::warning file=warnings.md,line=7,col=1') && line.includes('structure/heading-emphasis'))).toBe(true);
  });
});

describe('--output-file and --quiet', () => {
  it('--output-file writes the report to the file and nothing to stdout, with the same exit code', async () => {
    const run = await runQadocs(['lint', ...files, '--format', 'json', '--output-file', 'report.json'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(cwd, 'report.json'), 'utf8'))).toEqual(json);
  });

  it('--output-file with stylish writes no colours', async () => {
    const run = await runQadocs(['lint', 'doc.md', '-o', 'report.txt'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stdout).toBe('');
    const report = readFileSync(path.join(cwd, 'report.txt'), 'utf8');
    expect(report).toContain('citation/malformed');
    expect(report).not.toMatch(ANSI);
  });

  it('--quiet drops warnings from the report', async () => {
    const run = await runQadocs(['lint', ...files, '--format', 'json', '--quiet'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    const quiet = JSON.parse(run.stdout) as EslintResult[];
    expectEslintJson(quiet);
    expect(quiet.flatMap((result) => result.messages).every((message) => message.severity === 2)).toBe(true);
    expect(quiet.flatMap((result) => result.messages)).toEqual(json.flatMap((result) => result.messages).filter((message) => message.severity === 2));
    expect(quiet.reduce((sum, result) => sum + result.warningCount, 0)).toBe(0);
  });

  it('--quiet on a file with warnings only prints nothing and exits 0', async () => {
    const run = await runQadocs(['lint', 'warnings.md', '--quiet'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).toBe('');
  });
});
