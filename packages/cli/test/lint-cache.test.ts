import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { cleanDocument, documentWithError, writeFiles } from './support/sample-documents.js';
import { CONTENT_DIR, makeTempFolder, REFERENCE_DOCUMENT } from './support/temp-folder.js';

const base = makeTempFolder('cache');
const DEFAULT_LOCATION = 'node_modules/.cache/qadocs';
const CATEGORY_MESSAGE = 'Unexpected document without a front-matter `category`';

/** Every file the cache keeps in `location` (none when it does not exist). */
const cacheFiles = (location: string) =>
  !existsSync(location) ? [] : readdirSync(location, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));

/**
 * A project: the reference document (errors), a clean document to modify and some more of the project's
 * content; enough files that the run goes through the worker pool, as CI runs do.
 */
function project(name: string): string {
  const cwd = writeFiles(path.join(base, name), {
    'docs/reference.md': readFileSync(REFERENCE_DOCUMENT),
    'docs/other.md': cleanDocument(),
  });
  for (const page of ['explanation/diataxis-four-categories.md', 'how-to/add-footnotes-in-markdown.md', 'reference/cli.md', 'tutorial/getting-started.md', 'reference/rules.md']) {
    cpSync(path.join(CONTENT_DIR, page), path.join(cwd, 'docs', page));
  }
  return cwd;
}

/**
 * Edit the cached copy of a message (each cache line keeps a file's diagnostics) and sign the line again
 * with its CRC-32, as the cache does: a warm run that prints the edited text did not lint the file again.
 * Returns how many cache files held it.
 */
function editCachedMessage(location: string): number {
  return cacheFiles(location).filter((file) => {
    const text = readFileSync(file, 'utf8');
    if (!text.includes(CATEGORY_MESSAGE)) return false;
    const signed = (line: string) => `${line}\t${crc32(line).toString(16)}`;
    writeFileSync(file, text.split('\n').map((line) => (line.includes(CATEGORY_MESSAGE) ? signed(line.slice(0, line.lastIndexOf('\t')).replaceAll(CATEGORY_MESSAGE, 'Cached document without a front-matter `category`')) : line)).join('\n'));
    return true;
  }).length;
}

describe('--cache', () => {
  const cwd = project('default-location');
  let cold: { code: number | null; stdout: string };

  beforeAll(async () => {
    const run = await runQadocs(['lint', 'docs', '--cache', '--format', 'json'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    cold = run;
  });

  it('stores the cache in node_modules/.cache/qadocs by default', () => {
    expect(cacheFiles(path.join(cwd, DEFAULT_LOCATION)).length).toBeGreaterThan(0);
  });

  it('a warm run gives the same report and exit code', async () => {
    const [warm, stylishCold, stylishWarm] = await Promise.all([
      runQadocs(['lint', 'docs', '--cache', '--format', 'json'], { cwd }),
      runQadocs(['lint', 'docs', '--format', 'stylish'], { cwd }),
      runQadocs(['lint', 'docs', '--cache', '--format', 'stylish'], { cwd }),
    ]);
    expect(warm.code, describeRun(warm)).toBe(cold.code);
    expect(warm.stdout).toBe(cold.stdout);
    expect(stylishWarm.stdout).toBe(stylishCold.stdout);
  });

  it('a modified file is linted again and its new diagnostics appear', async () => {
    writeFileSync(path.join(cwd, 'docs/other.md'), documentWithError());
    const run = await runQadocs(['lint', 'docs', '--cache', '--format', 'json'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    const other = (JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>).find((result) => result.filePath.endsWith('other.md'))!;
    expect(other.messages.map((message) => message.ruleId)).toEqual(['citation/undefined']);
    // And back: the clean text is clean again.
    writeFileSync(path.join(cwd, 'docs/other.md'), cleanDocument());
    const back = await runQadocs(['lint', 'docs', '--cache', '--format', 'json'], { cwd });
    expect(back.stdout).toBe(cold.stdout);
  });

  it('serves unchanged files from the cache, and a changed config invalidates it', async () => {
    expect(editCachedMessage(path.join(cwd, DEFAULT_LOCATION)), 'the cache keeps the diagnostics of the reference document').toBeGreaterThan(0);
    const warm = await runQadocs(['lint', 'docs', '--cache'], { cwd });
    expect(warm.stdout).toContain('Cached document without a front-matter `category`');

    writeFileSync(path.join(cwd, 'qadocs.config.json'), JSON.stringify({ rules: { 'citation/uncited-claim': 'off' } }));
    const reconfigured = await runQadocs(['lint', 'docs', '--cache'], { cwd });
    expect(reconfigured.code, describeRun(reconfigured)).toBe(1);
    expect(reconfigured.stdout).toContain(CATEGORY_MESSAGE);
    expect(reconfigured.stdout).not.toContain('Cached document');
    expect(reconfigured.stdout).not.toContain('citation/uncited-claim');
  });
});

describe('--cache with --fix', () => {
  // A cached result has no fix applied: `--fix` must still fix (ESLint re-lints cached files with problems when fixing).
  it('fixes a file whose diagnostics are cached', async () => {
    const cwd = project('fix');
    const original = readFileSync(path.join(cwd, 'docs/reference.md'));
    const cold = await runQadocs(['lint', 'docs', '--cache'], { cwd });
    expect(cold.code, describeRun(cold)).toBe(1);
    const dryRun = await runQadocs(['lint', 'docs', '--cache', '--fix-dry-run'], { cwd });
    expect(dryRun.stdout).toContain('+### Azure Compute Gallery');
    const fixed = await runQadocs(['lint', 'docs', '--cache', '--fix', '--format', 'json'], { cwd });
    expect(fixed.code, describeRun(fixed)).toBe(1);
    expect(readFileSync(path.join(cwd, 'docs/reference.md')).equals(original), 'docs/reference.md was fixed').toBe(false);
    const results = JSON.parse(fixed.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; fix?: unknown }> }>;
    const reference = results.find((result) => result.filePath.endsWith('reference.md'))!;
    expect(reference.messages.filter((message) => message.fix)).toEqual([]);
    // And the next cached run reports the fixed file, not the stale diagnostics.
    const warm = await runQadocs(['lint', 'docs', '--cache', '--format', 'json'], { cwd });
    expect((JSON.parse(warm.stdout) as typeof results).find((result) => result.filePath.endsWith('reference.md'))!.messages).toEqual(reference.messages);
  });
});

describe('--cache on a one-file run (the pre-commit case)', () => {
  it('writes the cache and serves the unchanged file from it', async () => {
    const cwd = writeFiles(path.join(base, 'one-file'), { 'doc.md': readFileSync(REFERENCE_DOCUMENT) });
    const cold = await runQadocs(['lint', 'doc.md', '--cache'], { cwd });
    expect(cold.code, describeRun(cold)).toBe(1);
    expect(editCachedMessage(path.join(cwd, DEFAULT_LOCATION)), 'the one-file run wrote its diagnostics to the cache').toBeGreaterThan(0);
    const warm = await runQadocs(['lint', 'doc.md', '--cache'], { cwd });
    expect(warm.code, describeRun(warm)).toBe(1);
    expect(warm.stdout).toContain('Cached document without a front-matter `category`');
  });
});

describe('a corrupted cache is ignored', () => {
  for (const [name, corrupt] of [
    ['garbage', () => 'not json at all \u0000\uffff'],
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['wrong shape', () => JSON.stringify({ format: 1, entries: { 'docs/reference.md': { hash: 42, messages: 'none' } } })],
    ['empty', () => ''],
    // Same length, still JSON: only the line's checksum tells.
    ['edited without its checksum', (text: string) => text.replaceAll(CATEGORY_MESSAGE, CATEGORY_MESSAGE.replace('Unexpected', 'Unforeseen'))],
  ] as const) {
    it(`(${name}): same results and exit code as a cold run`, async () => {
      const cwd = project(`corrupt-${name.replace(' ', '-')}`);
      const cold = await runQadocs(['lint', 'docs', '--cache', '--format', 'json'], { cwd });
      expect(cold.code, describeRun(cold)).toBe(1);
      const files = cacheFiles(path.join(cwd, DEFAULT_LOCATION));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) writeFileSync(file, corrupt(readFileSync(file, 'utf8')));
      const [first, second] = [await runQadocs(['lint', 'docs', '--cache', '--format', 'json'], { cwd }), await runQadocs(['lint', 'docs', '--cache', '--format', 'json'], { cwd })];
      for (const run of [first, second]) {
        expect(run.code, describeRun(run)).toBe(1);
        expect(run.stdout).toBe(cold.stdout);
        expect(run.stderr).not.toContain('internal error');
      }
    });
  }

  it('a corrupted cache does not turn a clean run into a failing one', async () => {
    const cwd = project('corrupt-clean');
    writeFileSync(path.join(cwd, 'docs/reference.md'), cleanDocument());
    const cold = await runQadocs(['lint', 'docs', '--cache'], { cwd });
    expect(cold.code, describeRun(cold)).toBe(0);
    const files = cacheFiles(path.join(cwd, DEFAULT_LOCATION));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) writeFileSync(file, '{"format": 1, "key": ');
    const run = await runQadocs(['lint', 'docs', '--cache'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).toBe('');
  });
});

describe('--cache-location', () => {
  it('is where the cache is written and read', async () => {
    const cwd = project('custom-location');
    const cold = await runQadocs(['lint', 'docs', '--cache', '--cache-location', '.qadocs-cache', '--format', 'json'], { cwd });
    expect(cold.code, describeRun(cold)).toBe(1);
    expect(cacheFiles(path.join(cwd, '.qadocs-cache')).length).toBeGreaterThan(0);
    expect(existsSync(path.join(cwd, DEFAULT_LOCATION))).toBe(false);
    const warm = await runQadocs(['lint', 'docs', '--cache', '--cache-location', '.qadocs-cache', '--format', 'json'], { cwd });
    expect(warm.code, describeRun(warm)).toBe(1);
    expect(warm.stdout).toBe(cold.stdout);
    expect(existsSync(path.join(cwd, DEFAULT_LOCATION))).toBe(false);
  });
});

describe('the next cache is written only from the first difference', () => {
  const cacheFile = (cwd: string) => path.join(cwd, DEFAULT_LOCATION, 'lint-cache.ndjson');
  const entryFiles = (cwd: string) =>
    readFileSync(cacheFile(cwd), 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => (JSON.parse(line.slice(0, line.indexOf('\t'))) as { file: string }).file);
  const lint = (cwd: string) => runQadocs(['lint', 'docs', '--cache', '--format', 'json'], { cwd });

  it('a run where nothing changed leaves the cache file as it was', async () => {
    const cwd = project('unchanged-cache');
    const cold = await lint(cwd);
    const before = statSync(cacheFile(cwd));
    const text = readFileSync(cacheFile(cwd), 'utf8');
    const warm = await lint(cwd);
    expect(warm.stdout).toBe(cold.stdout);
    const after = statSync(cacheFile(cwd));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(readFileSync(cacheFile(cwd), 'utf8')).toBe(text);
    expect(readdirSync(path.dirname(cacheFile(cwd)))).toEqual(['lint-cache.ndjson']);
  });

  it('a change in the middle keeps the entries before and after it, and the next run hits everywhere', async () => {
    const cwd = project('changed-middle');
    await lint(cwd);
    const files = entryFiles(cwd);
    expect(files.length).toBeGreaterThanOrEqual(5);
    const middle = files[Math.floor(files.length / 2)]!;
    writeFileSync(path.join(cwd, middle), `${readFileSync(path.join(cwd, middle), 'utf8')}\nOne more paragraph.\n`);
    const changed = await lint(cwd);
    expect(entryFiles(cwd)).toEqual(files);
    const cold = await runQadocs(['lint', 'docs', '--format', 'json'], { cwd });
    expect(changed.stdout).toBe(cold.stdout);
    // Every entry now matches: this run rewrites nothing, and gives the same report.
    const before = statSync(cacheFile(cwd)).mtimeMs;
    expect((await lint(cwd)).stdout).toBe(cold.stdout);
    expect(statSync(cacheFile(cwd)).mtimeMs).toBe(before);
  });

  it('drops the entries of files the run no longer has, first, middle or last', async () => {
    const cwd = project('removed-files');
    await lint(cwd);
    const files = entryFiles(cwd);
    const removed = [files[0]!, files[Math.floor(files.length / 2)]!, files.at(-1)!];
    for (const file of removed) rmSync(path.join(cwd, file));
    const run = await lint(cwd);
    expect(entryFiles(cwd)).toEqual(files.filter((file) => !removed.includes(file)));
    expect(run.stdout).toBe((await runQadocs(['lint', 'docs', '--format', 'json'], { cwd })).stdout);
  });
});
