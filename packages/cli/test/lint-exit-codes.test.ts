import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { cleanDocument, documentWithError, documentWithWarnings, writeFiles } from './support/sample-documents.js';
import { makeTempFolder } from './support/temp-folder.js';

const base = makeTempFolder('exit-codes');
let folders = 0;

/** A folder of its own for each case, so one case's config never leaks into another's. */
function folderWith(files: Record<string, string>): string {
  const dir = path.join(base, `case-${++folders}`);
  mkdirSync(dir);
  return writeFiles(dir, files);
}

describe('qadocs lint exit codes (SPEC §3.4)', () => {
  it('0 for a clean document, with nothing printed', async () => {
    const cwd = folderWith({ 'clean.md': cleanDocument() });
    const run = await runQadocs(['lint', 'clean.md'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
  });

  it('0 for a clean document under an explicit config', async () => {
    const cwd = folderWith({ 'qadocs.config.json': JSON.stringify({ extends: 'strict' }), 'clean.md': cleanDocument() });
    const run = await runQadocs(['lint', 'clean.md'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
  });

  it('1 when there are errors', async () => {
    const cwd = folderWith({ 'clean.md': cleanDocument(), 'broken.md': documentWithError() });
    const run = await runQadocs(['lint', '.'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stdout).toContain('citation/undefined');
  });

  it('0 with warnings only, and with warnings up to --max-warnings', async () => {
    const cwd = folderWith({ 'warnings.md': documentWithWarnings() });
    const [plain, atLimit, overLimit] = await Promise.all([
      runQadocs(['lint', 'warnings.md'], { cwd }),
      runQadocs(['lint', 'warnings.md', '--max-warnings', '2'], { cwd }),
      runQadocs(['lint', 'warnings.md', '--max-warnings', '5'], { cwd }),
    ]);
    for (const run of [plain, atLimit, overLimit]) {
      expect(run.code, describeRun(run)).toBe(0);
      expect(run.stdout).toMatch(/2 problems \(0 errors, 2 warnings\)/);
    }
  });

  it('1 with more warnings than --max-warnings', async () => {
    const cwd = folderWith({ 'warnings.md': documentWithWarnings() });
    const [one, zero] = await Promise.all([
      runQadocs(['lint', 'warnings.md', '--max-warnings', '1'], { cwd }),
      runQadocs(['lint', 'warnings.md', '--max-warnings', '0'], { cwd }),
    ]);
    expect(one.code, describeRun(one)).toBe(1);
    expect(one.stderr).toContain('too many warnings (maximum: 1)');
    expect(zero.code, describeRun(zero)).toBe(1);
  });

  it('1 for errors even when warnings are within --max-warnings', async () => {
    const cwd = folderWith({ 'broken.md': documentWithError() });
    const run = await runQadocs(['lint', 'broken.md', '--max-warnings', '100'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
  });
});

describe('qadocs lint usage and config errors exit 2', () => {
  const cwd = folderWith({ 'clean.md': cleanDocument() });

  it('an unknown --format, quoted', async () => {
    const run = await runQadocs(['lint', 'clean.md', '--format', 'bogus'], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('"bogus"');
    expect(run.stdout).toBe('');
  });

  it('a --max-warnings that is not a number, quoted', async () => {
    for (const value of ['abc', '-1', '1.5']) {
      const run = await runQadocs(['lint', 'clean.md', `--max-warnings=${value}`], { cwd });
      expect(run.code, describeRun(run)).toBe(2);
      expect(run.stderr).toContain(`"${value}"`);
      expect(run.stderr).toContain('--max-warnings');
    }
  });

  it('a path that does not exist, quoted', async () => {
    const run = await runQadocs(['lint', 'clean.md', 'no/such/file.md'], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('"no/such/file.md"');
  });

  it('a --config file that does not exist', async () => {
    const run = await runQadocs(['lint', 'clean.md', '--config', 'missing.config.json'], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('missing.config.json');
  });

  it('a config with a bad severity names the rule and quotes the value', async () => {
    const dir = folderWith({ 'qadocs.config.json': JSON.stringify({ rules: { 'citation/order': 'warm' } }), 'clean.md': cleanDocument() });
    const run = await runQadocs(['lint', 'clean.md'], { cwd: dir });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('"warm"');
    expect(run.stderr).toContain('citation/order');
    expect(run.stderr).toContain('qadocs.config.json');
    expect(run.stdout).toBe('');
  });

  it('a config with an unknown rule id names it', async () => {
    const dir = folderWith({ 'qadocs.config.json': JSON.stringify({ rules: { 'citation/nope': 'warn' } }), 'clean.md': cleanDocument() });
    const run = await runQadocs(['lint', 'clean.md'], { cwd: dir });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('citation/nope');
  });

  it('a config that is not valid JSON names the file', async () => {
    const dir = folderWith({ 'qadocs.config.json': '{"rules": ', 'clean.md': cleanDocument() });
    const run = await runQadocs(['lint', 'clean.md'], { cwd: dir });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('qadocs.config.json');
    expect(run.stderr).not.toContain('internal error');
  });

  it('a config with bad rule options', async () => {
    const dir = folderWith({ 'qadocs.config.json': JSON.stringify({ rules: { 'frontmatter/description-differs': ['warn', { minLength: 'long' }] } }), 'clean.md': cleanDocument() });
    const run = await runQadocs(['lint', 'clean.md'], { cwd: dir });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('frontmatter/description-differs');
    expect(run.stderr).toContain('minLength');
  });
});

describe('--output-file', () => {
  // As ESLint does (`mkdir -p` of the report's folder): CI writes reports into folders that do not exist yet.
  it('creates the folder of the report file', async () => {
    const cwd = folderWith({ 'broken.md': documentWithError() });
    const run = await runQadocs(['lint', 'broken.md', '--format', 'json', '--output-file', 'reports/qadocs/lint.json'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stdout).toBe('');
    const [result] = JSON.parse(readFileSync(path.join(cwd, 'reports/qadocs/lint.json'), 'utf8')) as Array<{ messages: Array<{ ruleId: string }> }>;
    expect(result!.messages.map((message) => message.ruleId)).toEqual(['citation/undefined']);
  });
});
