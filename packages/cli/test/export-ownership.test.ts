import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentOf, snapshotTree, touchedFiles } from './support/file-tree.js';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { writeFiles } from './support/sample-documents.js';
import { copyContent, makeTempFolder } from './support/temp-folder.js';

// Issue 17, item 1: export and build remove only files that a previous export wrote (its ledger, or
// for an export made before ledgers, its manifest), and a path or glob that matches no document is a
// usage error rather than an empty export that removes the site.
const cwd = makeTempFolder('ownership');
// `html/pagefind/` holds the search index qadocs writes: a user's file there is still the user's.
const USER_FILES = { 'html/about.html': 'my own page\n', 'html/blog/post.html': 'my post\n', 'html/pagefind/notes.txt': 'my notes\n', 'json/settings.json': '{"mine": true}\n', 'CNAME': 'docs.example.com\n' };

/** The search index files the html ledger lists (the Pagefind files the export wrote). */
function ledgerSearchFiles(out: string): string[] {
  const ledger = JSON.parse(readFileSync(path.join(out, 'html/.qadocs-files.json'), 'utf8')) as { files: Record<string, string> };
  return Object.keys(ledger.files).filter((file) => file.startsWith('html/pagefind/'));
}

beforeAll(() => {
  copyContent(cwd, 'content');
});


describe('export and build never delete files they did not write', () => {
  it.each(['export', 'build'])('%s beside a hand-written page, post and settings file keeps them all', async (command) => {
    const out = `${command}-beside-user-files`;
    writeFiles(path.join(cwd, out), USER_FILES);
    const run = await runQadocs([command, 'content', '--out', out, '--no-progress'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stderr).toContain(', 0 removed');
    for (const [file, text] of Object.entries(USER_FILES)) expect(readFileSync(path.join(cwd, out, file), 'utf8'), file).toBe(text);
    // Run again: still the user's.
    const again = await runQadocs([command, 'content', '--out', out, '--no-progress'], { cwd });
    expect(again.code, describeRun(again)).toBe(0);
    for (const [file, text] of Object.entries(USER_FILES)) expect(readFileSync(path.join(cwd, out, file), 'utf8'), file).toBe(text);
  }, 300_000);

  it.each([
    ['export', 'contnet/**/*.md'],
    ['build', 'contnet/**/*.md'],
    ['export', 'content/**/*.markdownn'],
    ['build', 'empty-folder'],
  ])('%s of %j, which matches no document, exits 2 quoting it and leaves the existing export untouched', async (command, input) => {
    const out = `typo-${command}`;
    writeFiles(path.join(cwd, 'empty-folder'), { 'README.txt': 'no Markdown here\n' });
    const first = await runQadocs(['export', 'content', '--out', out, '--no-progress'], { cwd });
    expect(first.code, describeRun(first)).toBe(0);
    const before = snapshotTree(path.join(cwd, out));
    const run = await runQadocs([command, input, '--out', out, '--no-progress'], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain(`Unexpected path "${input}": it matches no Markdown document`);
    expect(run.stderr).not.toContain('internal error');
    const after = snapshotTree(path.join(cwd, out));
    expect(contentOf(after)).toEqual(contentOf(before));
    expect(touchedFiles(before, after)).toEqual([]);
  }, 300_000);

  it('a matching path beside one that matches nothing is still refused (no partial export)', async () => {
    const run = await runQadocs(['export', 'content', 'contnet', '--out', 'partial', '--no-progress'], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('Unexpected path "contnet"');
    expect(existsSync(path.join(cwd, 'partial'))).toBe(false);
  }, 300_000);

  it('removes the files of a document that left the export, but not one of them the user has since changed', async () => {
    const content = copyContent(cwd, 'shrinking');
    const out = 'shrinking-out';
    const first = await runQadocs(['export', 'shrinking', '--out', out, '--no-progress'], { cwd });
    expect(first.code, describeRun(first)).toBe(0);
    writeFiles(path.join(cwd, out), USER_FILES);
    const gone = ['how-to/configure-rules', 'how-to/fix-pasted-citations'];
    for (const id of gone) unlinkSync(path.join(content, `${id}.md`));
    // The user edited the page of the second document by hand after the export: it is theirs now.
    writeFileSync(path.join(cwd, out, 'html/how-to/fix-pasted-citations.html'), 'edited by hand\n');

    const searchBefore = ledgerSearchFiles(path.join(cwd, out));
    const second = await runQadocs(['export', 'shrinking', '--out', out, '--no-progress'], { cwd });
    expect(second.code, describeRun(second)).toBe(0);
    // Three files of the two documents, and the search index files (also the export's) the smaller index no longer has.
    const searchAfter = new Set(ledgerSearchFiles(path.join(cwd, out)));
    const staleSearch = searchBefore.filter((file) => !searchAfter.has(file));
    expect(searchAfter.has('html/pagefind/pagefind-entry.json')).toBe(true);
    for (const file of staleSearch) expect(existsSync(path.join(cwd, out, file)), file).toBe(false);
    for (const file of searchAfter) expect(existsSync(path.join(cwd, out, file)), file).toBe(true);
    expect(second.stderr).toContain(`, ${3 + staleSearch.length} removed`);
    expect(existsSync(path.join(cwd, out, 'json/docs/how-to/configure-rules.json'))).toBe(false);
    expect(existsSync(path.join(cwd, out, 'html/how-to/configure-rules.html'))).toBe(false);
    expect(existsSync(path.join(cwd, out, 'json/docs/how-to/fix-pasted-citations.json'))).toBe(false);
    expect(readFileSync(path.join(cwd, out, 'html/how-to/fix-pasted-citations.html'), 'utf8')).toBe('edited by hand\n');
    for (const [file, text] of Object.entries(USER_FILES)) expect(readFileSync(path.join(cwd, out, file), 'utf8'), file).toBe(text);
  }, 300_000);

  it('over an export made before ledgers existed, removes only what its manifest lists', async () => {
    const content = copyContent(cwd, 'legacy');
    const out = 'legacy-out';
    const first = await runQadocs(['export', 'legacy', '--out', out, '--no-progress'], { cwd });
    expect(first.code, describeRun(first)).toBe(0);
    // What an earlier qadocs left: the same layout without the ledgers.
    for (const format of ['json', 'html']) rmSync(path.join(cwd, out, format, '.qadocs-files.json'));
    writeFiles(path.join(cwd, out), USER_FILES);
    unlinkSync(path.join(content, 'how-to/configure-rules.md'));

    const second = await runQadocs(['export', 'legacy', '--out', out, '--no-progress'], { cwd });
    expect(second.code, describeRun(second)).toBe(0);
    expect(second.stderr).toContain(', 2 removed');
    expect(existsSync(path.join(cwd, out, 'html/how-to/configure-rules.html'))).toBe(false);
    for (const [file, text] of Object.entries(USER_FILES)) expect(readFileSync(path.join(cwd, out, file), 'utf8'), file).toBe(text);
  }, 300_000);
});
