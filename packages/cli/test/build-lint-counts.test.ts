import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { cleanDocument, documentWithError, documentWithWarnings, writeFiles } from './support/sample-documents.js';
import { makeTempFolder } from './support/temp-folder.js';

const base = makeTempFolder('build-counts');
let folders = 0;

function folderWith(files: Record<string, string>): string {
  const dir = path.join(base, `case-${++folders}`);
  mkdirSync(dir);
  return writeFiles(dir, files);
}

describe('qadocs build counts lint warnings right (issue 11)', () => {
  it('errors and no warnings: no "lint warnings" line, and the summary counts 0 warnings', async () => {
    const cwd = folderWith({ 'content/broken.md': documentWithError() });
    const run = await runQadocs(['build'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stderr).toContain('\u2716 1 problem (1 error, 0 warnings)');
    expect(run.stderr).not.toMatch(/lint warnings?/);
    expect(run.stderr).toContain('qadocs build: 1 lint error: nothing exported');
  });

  it('warnings only: "N lint warnings" with the warning count, and the export goes ahead', async () => {
    const cwd = folderWith({ 'content/warnings.md': documentWithWarnings(), 'content/clean.md': cleanDocument() });
    const run = await runQadocs(['build'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stderr).toContain('qadocs: 2 lint warnings (`qadocs lint` lists them)');
    expect(run.stderr).not.toContain('\u2716');
    expect(run.stderr).toContain('2 documents exported');
  });

  it('errors in one file and warnings in another: one closing count that agrees with the warnings line', async () => {
    const cwd = folderWith({ 'content/broken.md': documentWithError(), 'content/warnings.md': documentWithWarnings() });
    const run = await runQadocs(['build'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    // Only errors are listed (warnings are `qadocs lint`'s to list)...
    expect(run.stderr).toContain('citation/undefined');
    expect(run.stderr).not.toContain('structure/heading-emphasis');
    // ...but the counts are the run's.
    expect(run.stderr).toContain('\u2716 3 problems (1 error, 2 warnings)');
    expect(run.stderr).toContain('qadocs: 2 lint warnings');
  });

  it('clean content: no lint line at all', async () => {
    const cwd = folderWith({ 'content/clean.md': cleanDocument() });
    const run = await runQadocs(['build'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stderr).not.toMatch(/lint (warning|error)/);
    expect(run.stderr).toMatch(/\b1 documents? exported/);
  });
});
