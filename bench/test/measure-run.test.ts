import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GNU_TIME_PATH, measureRun } from '../src/measure-run.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'qadocs-bench-test-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function script(name: string, text: string): string {
  const path = join(workDir, name);
  writeFileSync(path, text);
  return path;
}

const findsProblems = script('finds-problems.mjs', "console.error('doc.md: 1 problem'); process.exitCode = 1;\n");
const failsToRun = script('fails-to-run.mjs', "console.error('Unexpected option --nope'); process.exitCode = 2;\n");
// An uncaught exception also exits 1, like "problems found": only the missing report tells them apart.
const crashes = script('crashes.mjs', "throw new Error('the linter crashed');\n");
const reportPath = join(workDir, 'report.json');
const reportWritten = () => (existsSync(reportPath) ? null : 'no report written');
// 256 MB touched inside a worker thread: the peak RSS of the process must include it.
const workerAllocates = script(
  'worker-allocates.mjs',
  [
    "import { Worker } from 'node:worker_threads';",
    "const worker = new Worker(\"const buffer = Buffer.alloc(256 * 1024 * 1024, 1); require('node:worker_threads').parentPort.postMessage(buffer[0]);\", { eval: true });",
    "worker.on('message', () => worker.terminate());",
    '',
  ].join('\n'),
);

// 160 MB touched in the command and 160 MB in a process it starts, both held at once for 1.5 s:
// neither process reaches 320 MB, the command does.
const childAllocates = script(
  'child-allocates.mjs',
  [
    "import { spawn } from 'node:child_process';",
    'const mine = Buffer.alloc(160 * 1024 * 1024, 1);',
    "const child = spawn(process.execPath, ['-e', 'const b = Buffer.alloc(160 * 1024 * 1024, 1); setTimeout(() => console.log(b[0]), 1500);'], { stdio: 'inherit' });",
    'child.on(\'exit\', () => console.log(mine[0]));',
    '',
  ].join('\n'),
);

const hasGnuTime = existsSync(GNU_TIME_PATH);
if (!hasGnuTime) console.log(`${GNU_TIME_PATH} is missing (Debian package \`time\`): the gnu-time cases are skipped`);

for (const measure of ['gnu-time', 'node'] as const) {
  describe.skipIf(measure === 'gnu-time' && !hasGnuTime)(`measureRun with ${measure}`, () => {
    const settings = { measure, workDir, timeoutSeconds: 60 };

    it('counts exit 1 (problems found) as a finished run and reports wall time and peak RSS', async () => {
      const run = await measureRun({ script: findsProblems, args: [], cwd: workDir, okExitCodes: [0, 1] }, { ...settings, name: `${measure}-problems` });
      expect(run).toMatchObject({ exitCode: 1, signal: null, ok: true, error: null });
      expect(run.wallMs).toBeGreaterThan(0);
      expect(run.peakRssKb).toBeGreaterThan(10_000);
    });

    it('reports an exit code outside okExitCodes as a failure with the end of its stderr', async () => {
      const run = await measureRun({ script: failsToRun, args: [], cwd: workDir, okExitCodes: [0, 1] }, { ...settings, name: `${measure}-exit-2` });
      expect(run).toMatchObject({ exitCode: 2, ok: false });
      expect(run.error).toBe('exit code 2 (expected 0 or 1); stderr: Unexpected option --nope');
    });

    it('reports a crash that exits 1 as a failure when validate finds its output missing', async () => {
      writeFileSync(reportPath, '[]'); // a stale report from an earlier run must not count
      const run = await measureRun(
        { script: crashes, args: [], cwd: workDir, okExitCodes: [0, 1], outputs: [reportPath], validate: reportWritten },
        { ...settings, name: `${measure}-crash` },
      );
      expect(run).toMatchObject({ exitCode: 1, ok: false });
      expect(run.error).toMatch(/^no report written; stderr: .*the linter crashed/s);
    });

    it('includes worker threads in the peak RSS', async () => {
      const run = await measureRun({ script: workerAllocates, args: [], cwd: workDir, okExitCodes: [0] }, { ...settings, name: `${measure}-worker` });
      expect(run.ok).toBe(true);
      expect(run.peakRssKb).toBeGreaterThan(256 * 1024);
    });

    it.skipIf(process.platform !== 'linux')('counts a process the command starts together with the command: the peak is their sum while both run', async () => {
      const run = await measureRun({ script: childAllocates, args: [], cwd: workDir, okExitCodes: [0] }, { ...settings, name: `${measure}-child` });
      expect(run.ok).toBe(true);
      expect(run.processPeakRssKb).toBeLessThan(300 * 1024);
      expect(run.groupPeakRssKb).toBeGreaterThan(320 * 1024);
      expect(run.peakRssKb).toBe(run.groupPeakRssKb);
    });
  });
}
