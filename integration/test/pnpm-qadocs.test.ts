import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REFERENCE_DOCUMENT, REPOSITORY_ROOT } from '../../test-support/project-paths.mjs';

// `pnpm qadocs …` in this repository: no `qadocs` script in the root package.json, but the root
// depends on the `qadocs` package, so pnpm runs its bin the way `pnpm exec` does: in the caller's
// folder, with qadocs's own exit code, and without the `> script` header or the ELIFECYCLE banner
// that pnpm prints around a script that exits non-zero.

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function pnpm(args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    const child = spawn('pnpm', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}

const describeRun = (run: Run) => `exit ${run.code}\n--- stdout\n${run.stdout.slice(0, 3000)}\n--- stderr\n${run.stderr.slice(0, 3000)}`;

const subfolder = path.join(REPOSITORY_ROOT, 'content', 'how-to');
const outside = mkdtempSync(path.join(tmpdir(), 'qadocs-pnpm-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe('`pnpm qadocs` from a subfolder of the repository (issue 11)', () => {
  it('resolves paths against the caller\'s folder, not the repository root', async () => {
    const run = await pnpm(['qadocs', 'lint', '.', '../tutorial', '--format', 'json'], subfolder);
    expect(run.code, describeRun(run)).toBe(0);
    // stdout is qadocs's report alone: pnpm printed no `> qadocs-monorepo@ …` header into it.
    const files = (JSON.parse(run.stdout) as Array<{ filePath: string }>).map((result) => path.relative(REPOSITORY_ROOT, result.filePath));
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) expect(file).toMatch(/^content\/(how-to|tutorial)\/[^/]+\.md$/);
    expect(files.some((file) => file.startsWith('content/tutorial/'))).toBe(true);
  });

  it('a lint with errors exits 1 with the report and nothing from pnpm: no ELIFECYCLE banner', async () => {
    const broken = path.join(outside, 'broken.md');
    writeFileSync(broken, readFileSync(REFERENCE_DOCUMENT));
    const run = await pnpm(['qadocs', 'lint', broken], subfolder);
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stdout).toContain('citation/malformed');
    expect(run.stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings\)/);
    expect(run.stdout + run.stderr).not.toContain('ELIFECYCLE');
    expect(run.stdout + run.stderr).not.toContain('Command failed');
    expect(run.stdout).not.toMatch(/^> /m);
    expect(run.stderr).toBe('');
  });

  it('a usage error exits 2, naming the path as the caller wrote it', async () => {
    const run = await pnpm(['qadocs', 'lint', 'no-such-folder'], subfolder);
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toBe('qadocs: Unexpected path "no-such-folder": no such file or folder, expected Markdown files or folders\n');
    expect(run.stdout).toBe('');
  });
});
