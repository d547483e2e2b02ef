import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { makeTempFolder } from './support/temp-folder.js';

const cwd = makeTempFolder('usage');
const { version } = JSON.parse(readFileSync(path.join(import.meta.dirname, '../package.json'), 'utf8')) as { version: string };

describe('qadocs --version and --help', () => {
  it('prints the package version and exits 0', async () => {
    // -V as ESLint and markdownlint-cli2 accept it (issue 11).
    for (const flag of ['--version', '-v', '-V']) {
      const run = await runQadocs([flag], { cwd });
      expect(run.code, describeRun(run)).toBe(0);
      expect(run.stdout.trim()).toBe(version);
      expect(run.stderr).toBe('');
    }
  });

  it('lists every command and exits 0', async () => {
    const run = await runQadocs(['--help'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    for (const command of ['lint', 'export', 'build', 'parse', 'classify', 'explain', 'init', 'merge-manifests', 'lsp']) {
      expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });

  it('refuses a language server transport other than --stdio with exit 2', async () => {
    const run = await runQadocs(['lsp', '--socket=7000'], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain("unknown option '--socket=7000'");
    expect(run.stdout).toBe('');
  });

  it("prints a command's options with `lint --help` and exits 0", async () => {
    const run = await runQadocs(['lint', '--help'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    for (const option of ['--format', '--fix', '--fix-dry-run', '--max-warnings', '--quiet', '--output-file', '--cache', '--stdin', '--shard', '--changed-since']) {
      expect(run.stdout).toContain(option);
    }
  });

  it('`lint --help` names every report format, from the linter\'s own list (issue 11)', async () => {
    const { REPORT_FORMATS } = await import('@qadocs/linter');
    const run = await runQadocs(['lint', '--help'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    const formatHelp = run.stdout.slice(run.stdout.indexOf('--format'), run.stdout.indexOf('--fix'));
    expect(formatHelp.replace(/\s+/g, ' ')).toContain(`report format: ${REPORT_FORMATS.join(', ')}`);
    const viaHelpCommand = await runQadocs(['help', 'lint'], { cwd });
    expect(viaHelpCommand.stdout).toBe(run.stdout);
  });
});

describe('usage errors exit 2 and name what was wrong', () => {
  it('an unknown command', async () => {
    const run = await runQadocs(['frobnicate'], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain("'frobnicate'");
    expect(run.stdout).toBe('');
  });

  it('an unknown option', async () => {
    const run = await runQadocs(['lint', '--frobnicate', 'x.md'], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain("'--frobnicate'");
  });

  it('a missing argument', async () => {
    const run = await runQadocs(['parse'], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toMatch(/missing required argument 'paths'/);
  });

  it('a missing required option', async () => {
    const run = await runQadocs(['merge-manifests', 'shard-1'], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('--out');
  });

  it('an option without its value', async () => {
    const run = await runQadocs(['lint', 'x.md', '--format'], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('--format');
  });
});
