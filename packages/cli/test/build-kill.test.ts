import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentOf, snapshotTree } from './support/file-tree.js';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { documentWithError, writeFiles } from './support/sample-documents.js';
import { CONTENT_DIR, makeTempFolder } from './support/temp-folder.js';

// Issue 17, item 2: `qadocs build` killed with SIGKILL at any point of its writing, including every
// part of its commit, leaves the output wholly the old export or wholly the new one. The exporter's
// test hook (QADOCS_TEST_KILL_AT_WRITE_STEP=N) makes a real build send itself SIGKILL just before its
// N-th write step (a file staged, the journal, a rename, a removal), so every kind of step is hit.
// A kill before the journal is on disk leaves the old export as it was (plus temporary files); a kill
// after it leaves a journal that the next run completes first: checked after that next run.
const cwd = makeTempFolder('build-kill');
const TEMPORARY = /\.qadocs-tmp-\d+-[0-9a-f]{12}$/;

/** The project's documents, each also copied as `<name>-copy.md` (same folder, so its category holds). */
function writeCorpus(dir: string, change: (relative: string, text: string) => string | null): void {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) {
        const relative = path.relative(CONTENT_DIR, full);
        for (const name of [relative, relative.replace(/\.md$/, '-copy.md')]) {
          const text = change(name, readFileSync(full, 'utf8'));
          if (text !== null) files[name] = text;
        }
      }
    }
  };
  walk(CONTENT_DIR);
  writeFiles(dir, files);
}

/** The output's files (path -> sha256), temporary files left out: they are not part of any export. */
const exportOf = (dir: string) => Object.fromEntries(Object.entries(contentOf(snapshotTree(dir))).filter(([file]) => !TEMPORARY.test(file)));
const temporariesIn = (dir: string) => Object.keys(contentOf(snapshotTree(dir))).filter((file) => TEMPORARY.test(file));

let oldExport: Record<string, string>;
let newExport: Record<string, string>;
let totalSteps: number;
let journalStep: number;

beforeAll(async () => {
  // Old corpus: the documents and their copies. New corpus: every third one changed, every fifth gone, two new.
  writeCorpus(path.join(cwd, 'old'), (_name, text) => text);
  let index = 0;
  writeCorpus(path.join(cwd, 'new'), (name, text) => {
    index++;
    if (index % 5 === 0) return null;
    return index % 3 === 0 ? `${text}\nA paragraph added in the new corpus, so that ${name} exports differently.\n` : text;
  });
  writeFiles(path.join(cwd, 'new'), { 'how-to/added-one.md': readFileSync(path.join(CONTENT_DIR, 'how-to/configure-rules.md'), 'utf8').replace(/^title: .*$/m, 'title: Added one') });
  writeFiles(path.join(cwd, 'broken'), { 'broken.md': documentWithError() });

  const first = await runQadocs(['build', 'old', '--out', 'old-out', '--no-progress'], { cwd });
  expect(first.code, describeRun(first)).toBe(0);
  oldExport = exportOf(path.join(cwd, 'old-out'));
  execFileSync('cp', ['-a', path.join(cwd, 'old-out'), path.join(cwd, 'new-out')]);
  const counted = await runQadocs(['build', 'new', '--out', 'new-out', '--no-progress'], { cwd, env: { QADOCS_TEST_KILL_AT_WRITE_STEP: 'count' } });
  expect(counted.code, describeRun(counted)).toBe(0);
  newExport = exportOf(path.join(cwd, 'new-out'));
  const steps = /qadocs-test: (\d+) write steps, journal at (\d+)/.exec(counted.stderr);
  expect(steps, counted.stderr).not.toBeNull();
  [totalSteps, journalStep] = [Number(steps![1]), Number(steps![2])];
  // The two exports differ in every way a commit can: changed, removed and added files.
  const changed = Object.keys(newExport).filter((file) => file in oldExport && newExport[file] !== oldExport[file]);
  const removed = Object.keys(oldExport).filter((file) => !(file in newExport));
  const added = Object.keys(newExport).filter((file) => !(file in oldExport));
  expect([changed.length, removed.length, added.length].every((count) => count >= 2), `${changed.length} changed, ${removed.length} removed, ${added.length} added`).toBe(true);
}, 600_000);

/** Kill points: spread over the staging of files, and every step from just before the journal to the last one. */
function killPoints(): number[] {
  const points = new Set<number>();
  for (let step = 1; step < journalStep; step += Math.max(1, Math.floor(journalStep / 8))) points.add(step);
  for (const step of [journalStep - 1, journalStep, journalStep + 1, journalStep + 2]) points.add(step);
  const commitSteps = totalSteps - journalStep;
  for (let step = journalStep + 3; step <= totalSteps; step += Math.max(1, Math.floor(commitSteps / 12))) points.add(step);
  for (const step of [totalSteps - 2, totalSteps - 1, totalSteps]) points.add(step);
  return [...points].filter((step) => step >= 1 && step <= totalSteps).sort((a, b) => a - b);
}

describe('qadocs build killed with SIGKILL at many points (issue 17, item 2)', () => {
  it('leaves the output wholly the old or wholly the new export every time (after the next run, for a kill inside the commit)', async () => {
    const points = killPoints();
    expect(points.length).toBeGreaterThanOrEqual(20);
    const outcomes: string[] = [];
    for (const step of points) {
      const out = `killed-${step}`;
      const dir = path.join(cwd, out);
      execFileSync('cp', ['-a', path.join(cwd, 'old-out'), dir]);
      const killed = await runQadocs(['build', 'new', '--out', out, '--no-progress'], { cwd, env: { QADOCS_TEST_KILL_AT_WRITE_STEP: String(step) } });
      expect(killed.signal, `step ${step}: ${describeRun(killed)}`).toBe('SIGKILL');
      const committed = step > journalStep;
      // Before the journal is on disk, the folder is the old export as it was, whatever was staged.
      if (!committed) expect(exportOf(dir), `step ${step}: old export untouched`).toEqual(oldExport);
      else expect(existsSync(path.join(dir, 'json/.qadocs-commit.json')), `step ${step}: the journal is there`).toBe(true);

      // The next run (here a build that fails its lint and writes nothing of its own) completes or drops the killed run's work.
      const next = await runQadocs(['build', 'broken/broken.md', '--out', out, '--no-progress'], { cwd });
      expect(next.code, `step ${step}: ${describeRun(next)}`).toBe(1);
      const after = exportOf(dir);
      expect(after, `step ${step}: wholly the ${committed ? 'new' : 'old'} export`).toEqual(committed ? newExport : oldExport);
      expect(temporariesIn(dir), `step ${step}: no temporary file left`).toEqual([]);
      outcomes.push(`${step}:${committed ? 'new' : 'old'}`);
      rmSync(dir, { recursive: true, force: true });
    }
    // Both outcomes occurred, with the journal step as the boundary.
    expect(outcomes.some((outcome) => outcome.endsWith('old')) && outcomes.some((outcome) => outcome.endsWith('new'))).toBe(true);
    console.log(`build killed at ${outcomes.length} points (step:outcome, journal at ${journalStep} of ${totalSteps}): ${outcomes.join(' ')}`);
  }, 1_800_000);

  it('a killed commit followed by a real build of the new content ends exactly as an uninterrupted build', async () => {
    const out = 'killed-then-built';
    const dir = path.join(cwd, out);
    execFileSync('cp', ['-a', path.join(cwd, 'old-out'), dir]);
    const middle = journalStep + Math.floor((totalSteps - journalStep) / 2);
    const killed = await runQadocs(['build', 'new', '--out', out, '--no-progress'], { cwd, env: { QADOCS_TEST_KILL_AT_WRITE_STEP: String(middle) } });
    expect(killed.signal, describeRun(killed)).toBe('SIGKILL');
    const rerun = await runQadocs(['build', 'new', '--out', out, '--no-progress'], { cwd });
    expect(rerun.code, describeRun(rerun)).toBe(0);
    expect(exportOf(dir)).toEqual(newExport);
    expect(temporariesIn(dir)).toEqual([]);
  }, 600_000);
});
