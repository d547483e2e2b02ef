import { chmodSync, chownSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { documentWithWarnings, writeFiles } from './support/sample-documents.js';
import { makeTempFolder } from './support/temp-folder.js';

// Issue 17, items 7 and 8: a fix that cannot be written is a diagnostic for that file (the others
// are fixed and the report is printed), and --fix keeps a file's identity (owner, group, mode, links)
// or refuses the file. The tests run as root; "an ordinary user" is uid/gid 65534 (nobody).
const cwd = makeTempFolder('fix-writes');
const NOBODY = { uid: 65534, gid: 65534 };
/** The fixed text: the one fixable problem (structure/heading-emphasis) of documentWithWarnings(). */
const fixed = () => documentWithWarnings().replace(/^# \*\*(.*)\*\*$/m, '# $1');
const isRoot = process.getuid?.() === 0;
// The ordinary user must reach the folders under it.
chmodSync(cwd, 0o755);

/** A folder of fixable documents, `name -> documentWithWarnings()`, owned by `owner` when given. */
function fixableFolder(name: string, files: string[], owner?: { uid: number; gid: number }): string {
  const dir = path.join(cwd, name);
  writeFiles(dir, Object.fromEntries(files.map((file) => [file, documentWithWarnings()])));
  if (owner) {
    chmodSync(dir, 0o755);
    for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) chownSync(path.join(dir, entry), owner.uid, owner.gid);
    chownSync(dir, owner.uid, owner.gid);
  }
  return dir;
}

describe('--fix where one folder cannot be written (issue 17, item 7)', () => {
  it.runIf(isRoot).each([
    ['an ordinary user (EACCES from the file system)', NOBODY],
    ['root (the folder has no write bit)', undefined],
  ])('as %s: reports that file, fixes the others, prints the report, exits 1', async (_who, user) => {
    const dir = fixableFolder(`item7-${user ? 'user' : 'root'}`, ['a/one.md', 'b/two.md', 'c/three.md'], user);
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'b'), 0o555);
    const run = await runQadocs(['lint', '.', '--fix', '--format', 'json', '--no-progress'], { cwd: dir, ...(user ? { user } : {}) });
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr).toMatch(/^b\/two\.md: Unexpected .*\(fix not written/m);
    expect(readFileSync(path.join(dir, 'a/one.md'), 'utf8')).toBe(fixed());
    expect(readFileSync(path.join(dir, 'c/three.md'), 'utf8')).toBe(fixed());
    expect(readFileSync(path.join(dir, 'b/two.md'), 'utf8')).toBe(documentWithWarnings());
    // The report lists every file; the unwritten one with its problems as they still are on disk.
    const report = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    expect(report.map((result) => path.relative(dir, result.filePath))).toEqual(['a/one.md', 'b/two.md', 'c/three.md']);
    const rules = (file: string) => report.find((result) => result.filePath.endsWith(file))!.messages.map((message) => message.ruleId);
    expect(rules('b/two.md')).toContain('structure/heading-emphasis');
    expect(rules('a/one.md')).not.toContain('structure/heading-emphasis');
    expect(readdirSync(path.join(dir, 'b'))).toEqual(['two.md']);
  }, 300_000);
});

describe('--fix keeps a file its identity (issue 17, item 8)', () => {
  it.runIf(isRoot)("keeps another user's owner, group and mode (run as root)", async () => {
    const dir = fixableFolder('item8-owner', ['theirs.md', 'mine.md']);
    const file = path.join(dir, 'theirs.md');
    chownSync(file, 12345, 12346);
    chmodSync(file, 0o640);
    const run = await runQadocs(['lint', '.', '--fix', '--no-progress'], { cwd: dir });
    expect(run.code, describeRun(run)).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(fixed());
    const stats = statSync(file);
    expect([stats.uid, stats.gid, (stats.mode & 0o7777).toString(8)]).toEqual([12345, 12346, '640']);
    expect(readFileSync(path.join(dir, 'mine.md'), 'utf8')).toBe(fixed());
  }, 300_000);

  it.runIf(isRoot)('refuses a read-only (0444) file, even as root, and fixes the others', async () => {
    const dir = fixableFolder('item8-read-only', ['locked.md', 'open.md']);
    const file = path.join(dir, 'locked.md');
    chmodSync(file, 0o444);
    const inode = statSync(file).ino;
    const run = await runQadocs(['lint', '.', '--fix', '--no-progress'], { cwd: dir });
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stderr).toContain('locked.md: Unexpected write-protected file (mode 0444, owner 0:0)');
    expect(readFileSync(file, 'utf8')).toBe(documentWithWarnings());
    expect(statSync(file).ino).toBe(inode);
    expect((statSync(file).mode & 0o777).toString(8)).toBe('444');
    expect(readFileSync(path.join(dir, 'open.md'), 'utf8')).toBe(fixed());
  }, 300_000);

  it.runIf(isRoot)('refuses, as an ordinary user, a file owned by root in a folder the user can write', async () => {
    const dir = fixableFolder('item8-not-theirs', ['roots.md', 'own.md'], NOBODY);
    const file = path.join(dir, 'roots.md');
    chownSync(file, 0, 0);
    chmodSync(file, 0o644);
    const run = await runQadocs(['lint', '.', '--fix', '--no-progress'], { cwd: dir, user: NOBODY });
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stderr).toContain('roots.md: Unexpected write-protected file (mode 0644, owner 0:0)');
    expect(readFileSync(file, 'utf8')).toBe(documentWithWarnings());
    expect(statSync(file).uid).toBe(0);
    expect(readFileSync(path.join(dir, 'own.md'), 'utf8')).toBe(fixed());
  }, 300_000);

  it('refuses a hard-linked file: both names keep the same, unchanged text', async () => {
    const dir = fixableFolder('item8-hard-link', ['linked.md', 'single.md']);
    mkdirSync(path.join(cwd, 'item8-elsewhere'));
    const other = path.join(cwd, 'item8-elsewhere/backup.md');
    linkSync(path.join(dir, 'linked.md'), other);
    const run = await runQadocs(['lint', '.', '--fix', '--no-progress'], { cwd: dir });
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stderr).toContain('linked.md: Unexpected file with 2 hard links, expected one');
    expect(readFileSync(path.join(dir, 'linked.md'), 'utf8')).toBe(documentWithWarnings());
    expect(statSync(path.join(dir, 'linked.md')).ino).toBe(statSync(other).ino);
    expect(readFileSync(path.join(dir, 'single.md'), 'utf8')).toBe(fixed());
  }, 300_000);

  it('removes the temporary files a killed --fix left, and nothing that only looks like one', async () => {
    const dir = fixableFolder('item8-stale', ['doc.md', 'sub/other.md']);
    // What a run killed between writing its temporary file and the rename leaves: today's name (of a
    // process that is gone) and the earlier `.<name>.<random>.tmp`.
    const leftovers = ['.doc.md.qadocs-fix-999999999-0123456789ab.tmp', '.doc.md.0123456789ab.tmp', 'sub/.other.md.abcdef012345.tmp'];
    const lookalikes = ['.notes.0123456789ab.tmp', 'sub/.missing.md.0123456789ab.tmp'];
    writeFiles(dir, Object.fromEntries([...leftovers, ...lookalikes].map((file) => [file, 'half a fix'])));
    const run = await runQadocs(['lint', '.', '--fix', '--no-progress'], { cwd: dir });
    expect(run.code, describeRun(run)).toBe(0);
    for (const file of leftovers) expect(existsSync(path.join(dir, file)), file).toBe(false);
    for (const file of lookalikes) expect(existsSync(path.join(dir, file)), file).toBe(true);
    expect(readFileSync(path.join(dir, 'doc.md'), 'utf8')).toBe(fixed());
  }, 300_000);
});
