import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startQadocs } from './support/preview-process.js';
import { describeRun, runQadocs, runQadocsInTerminal } from './support/run-qadocs.js';
import { cleanDocument, documentWithError, writeFiles } from './support/sample-documents.js';
import { makeTempFolder } from './support/temp-folder.js';

const WATCHING = /watching for changes \(Ctrl\+C to stop\)\n/g;

/** Resolves when stderr holds the `n`th "watching" line (one per report). */
async function reports(watch: ReturnType<typeof startQadocs>, n: number): Promise<void> {
  await watch.waitFor(new RegExp(`(?:[\\s\\S]*?${WATCHING.source}){${n}}`), 'stderr');
}

describe('qadocs lint --watch', () => {
  it('reports, then reports again after a save, after an added file and after a removed one; Ctrl+C exits 0', async () => {
    const dir = writeFiles(path.join(makeTempFolder('lint-watch'), 'project'), {
      'content/how-to/a.md': cleanDocument(),
      'content/how-to/b.md': cleanDocument().replace('title: Configure qadocs rules', 'title: Another page'),
    });
    const watch = startQadocs(['lint', '--watch', '--format', 'json'], dir);
    try {
      await reports(watch, 1);
      expect(watch.stderr()).toContain('qadocs: 2 documents, no problems; watching for changes (Ctrl+C to stop)');
      const lastReport = () => {
        const reports = watch.stdout().trim().split('\n');
        return JSON.parse(reports.at(-1)!) as Array<{ filePath: string; errorCount: number; messages: Array<{ ruleId: string; line: number }> }>;
      };
      expect(lastReport().map((result) => [path.basename(result.filePath), result.errorCount])).toEqual([['a.md', 0], ['b.md', 0]]);

      writeFileSync(path.join(dir, 'content/how-to/a.md'), documentWithError());
      await reports(watch, 2);
      expect(watch.stderr()).toContain('qadocs: 2 documents, 1 error, 0 warnings; watching');
      const [a] = lastReport();
      expect(a!.messages.map((message) => [message.ruleId, message.line])).toEqual([['citation/undefined', documentWithError().trimEnd().split('\n').length]]);

      writeFiles(dir, { 'content/how-to/c.md': documentWithError().replace('title: Configure qadocs rules', 'title: Third page') });
      await reports(watch, 3);
      expect(lastReport().map((result) => [path.basename(result.filePath), result.errorCount])).toEqual([['a.md', 1], ['b.md', 0], ['c.md', 1]]);

      rmSync(path.join(dir, 'content/how-to/a.md'));
      await reports(watch, 4);
      expect(lastReport().map((result) => [path.basename(result.filePath), result.errorCount])).toEqual([['b.md', 0], ['c.md', 1]]);

      // A config change lints everything again under the new config.
      writeFileSync(path.join(dir, 'qadocs.config.json'), JSON.stringify({ rules: { 'citation/undefined': 'off' } }));
      await reports(watch, 5);
      expect(lastReport().map((result) => [path.basename(result.filePath), result.errorCount])).toEqual([['b.md', 0], ['c.md', 0]]);
    } finally {
      expect(await watch.stop('SIGINT')).toEqual({ code: 0, signal: null });
    }
  });

  it('clears the screen before each report on a terminal, and never in a pipe', async () => {
    const dir = writeFiles(path.join(makeTempFolder('lint-watch-tty'), 'project'), { 'content/how-to/a.md': documentWithError() });
    const piped = startQadocs(['lint', '--watch'], dir);
    await reports(piped, 1);
    expect(await piped.stop()).toEqual({ code: 0, signal: null });
    expect(piped.stdout()).toContain('citation/undefined');
    expect(piped.stdout()).not.toContain('\u001b[2J');
    // On a terminal (util-linux `script`): the report follows a clear-screen sequence. `timeout -s INT` is the Ctrl+C.
    const terminal = await runQadocsInTerminal(['lint', '--watch'], { cwd: dir, wrap: ['timeout', '-s', 'INT', '8'] });
    expect(terminal.stdout).toMatch(/\u001b\[2J\u001b\[3J\u001b\[H[\s\S]*citation\/undefined/);
  });

  it('refuses --watch with --fix, with exit 2', async () => {
    const dir = writeFiles(path.join(makeTempFolder('lint-watch-fix'), 'project'), { 'content/how-to/a.md': cleanDocument() });
    const run = await runQadocs(['lint', '--watch', '--fix'], { cwd: dir });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('Unexpected --fix with --watch');
  });
});
