import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRun, runQadocs, runQadocsInTerminal } from './support/run-qadocs.js';
import { cleanDocument, documentWithError, documentWithWarnings, writeFiles } from './support/sample-documents.js';
import { makeTempFolder, REFERENCE_DOCUMENT } from './support/temp-folder.js';

const base = makeTempFolder('closing-lines');
let folders = 0;

function folderWith(files: Record<string, string>): string {
  const dir = path.join(base, `case-${++folders}`);
  mkdirSync(dir);
  return writeFiles(dir, files);
}

describe('a clean qadocs lint says so in one line on a terminal (issue 11)', () => {
  it('prints "✔ N documents, no problems" on a TTY, and exits 0', async () => {
    const cwd = folderWith({ 'docs/one.md': cleanDocument(), 'docs/two.md': cleanDocument(), 'docs/three.md': cleanDocument() });
    // --no-progress: on a slow machine the run lasts over a second and the bar would show too.
    const run = await runQadocsInTerminal(['lint', 'docs', '--no-progress'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout.replace(/\r\n/g, '\n')).toBe('\u2714 3 documents, no problems\n');
  });

  it('says nothing when the output is not a terminal (CI logs, pipes)', async () => {
    const cwd = folderWith({ 'one.md': cleanDocument() });
    const run = await runQadocs(['lint', 'one.md'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
  });

  it('prints no "no problems" line when there are problems, and "no errors" under --quiet with warnings only', async () => {
    const cwd = folderWith({ 'broken.md': documentWithError(), 'warnings.md': documentWithWarnings() });
    const broken = await runQadocsInTerminal(['lint', 'broken.md', '--no-progress'], { cwd });
    expect(broken.code, describeRun(broken)).toBe(1);
    expect(broken.stdout).toContain('citation/undefined');
    expect(broken.stdout).not.toContain('\u2714');
    const quiet = await runQadocsInTerminal(['lint', 'warnings.md', '--quiet', '--no-progress'], { cwd });
    expect(quiet.code, describeRun(quiet)).toBe(0);
    expect(quiet.stdout.replace(/\r\n/g, '\n')).toBe('\u2714 1 document, no errors\n');
  });
});

describe('--fix ends with what it changed (issue 11)', () => {
  it('"fixed 6 problems in 1 file" for the reference document, on stderr after the report', async () => {
    const cwd = folderWith({ 'clean.md': cleanDocument(), 'doc.md': readFileSync(REFERENCE_DOCUMENT, 'utf8') });
    const run = await runQadocs(['lint', '.', '--fix'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stderr).toBe('fixed 6 problems in 1 file\n');
    // The six: two headings unwrapped, three pseudo-citations, one date (the issue's --fix list).
    expect(readFileSync(path.join(cwd, 'doc.md'), 'utf8')).not.toBe(readFileSync(REFERENCE_DOCUMENT, 'utf8'));
    const again = await runQadocs(['lint', '.', '--fix'], { cwd });
    expect(again.stderr, describeRun(again)).toBe('');
  });

  it('--fix-dry-run says what it would fix and writes nothing', async () => {
    const cwd = folderWith({ 'warnings.md': documentWithWarnings() });
    const run = await runQadocs(['lint', 'warnings.md', '--fix-dry-run'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stderr).toBe('would fix 1 problem in 1 file (--fix-dry-run: nothing written)\n');
    expect(readFileSync(path.join(cwd, 'warnings.md'), 'utf8')).toBe(documentWithWarnings());
  });
});
