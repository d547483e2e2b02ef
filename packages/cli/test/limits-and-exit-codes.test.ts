import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EslintResult } from './support/eslint-json-shape.js';
import { ORDINARY_DOCUMENT } from './support/hostile-documents.js';
import { describeRun, qadocsEnv, QADOCS_BIN, runQadocs, type QadocsRun } from './support/run-qadocs.js';
import { writeFiles } from './support/sample-documents.js';
import { makeTempFolder } from './support/temp-folder.js';

// Issue 17: limits that hold on every path, exit codes and output that never lie. Each case names its item.
const base = makeTempFolder('limits');
let folders = 0;

/** A folder of its own for each case, so one case's config never leaks into another's. */
function folderWith(files: Record<string, string | Uint8Array>): string {
  const dir = path.join(base, `case-${++folders}`);
  mkdirSync(dir);
  return writeFiles(dir, files);
}

const ruleIdsOf = (run: QadocsRun) => new Map((JSON.parse(run.stdout) as EslintResult[]).map((result) => [path.basename(result.filePath), result.messages.map((message) => message.ruleId)]));

/** No internal error and no stack frame: a usage problem is one line that quotes the value. */
function expectCleanUsageError(run: QadocsRun, quoted: string): void {
  expect(run.code, describeRun(run)).toBe(2);
  expect(run.stderr).toContain(quoted);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
}

/**
 * 12 KiB of nested list markers: within the size the CLI lints in its own thread (1-4 files of at most
 * 12 KiB), and about 15 s of micromark on an idle machine before its stack runs out.
 */
const SLOW_SMALL = `${'* '.repeat(6143)}x\n`;

describe('item 3: the time limit holds for small runs and --stdin, which run in the main thread', () => {
  it('stops one small slow file at --timeout with input/timeout', async () => {
    expect(Buffer.byteLength(SLOW_SMALL)).toBeLessThanOrEqual(12 * 1024);
    const cwd = folderWith({ 'star.md': SLOW_SMALL });
    const run = await runQadocs(['lint', 'star.md', '--timeout', '1000', '--format', 'json'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(ruleIdsOf(run).get('star.md')).toEqual(['input/timeout']);
  }, 60_000);

  it('stops each of four small slow files, and still reports the ordinary one beside them', async () => {
    const cwd = folderWith({ 'a.md': SLOW_SMALL, 'b.md': SLOW_SMALL, 'c.md': SLOW_SMALL, [ORDINARY_DOCUMENT.name]: ORDINARY_DOCUMENT.content });
    const run = await runQadocs(['lint', 'a.md', 'b.md', 'c.md', ORDINARY_DOCUMENT.name, '--timeout', '1000', '--format', 'json'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    const ids = ruleIdsOf(run);
    for (const name of ['a.md', 'b.md', 'c.md']) expect(ids.get(name), name).toEqual(['input/timeout']);
    expect(ids.get(ORDINARY_DOCUMENT.name)).toEqual([ORDINARY_DOCUMENT.defect.ruleId]);
  }, 60_000);

  it('stops a small slow text on --stdin', async () => {
    const run = await runQadocs(['lint', '--stdin', '--stdin-filename', 'star.md', '--timeout', '1000', '--format', 'json'], { cwd: folderWith({}), input: SLOW_SMALL });
    expect(run.code, describeRun(run)).toBe(1);
    expect(ruleIdsOf(run).get('star.md')).toEqual(['input/timeout']);
  }, 60_000);

  it('reports a document nested past the stack as input/too-complex, never input/encoding', async () => {
    // 9,000 nested block quotes: the main thread's stack runs out in GFM's tree walk (8,000 did here).
    const cwd = folderWith({ 'quotes.md': `${'>'.repeat(9000)} x\n` });
    const run = await runQadocs(['lint', 'quotes.md', '--format', 'json'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(ruleIdsOf(run).get('quotes.md')).toEqual(['input/too-complex']);
  }, 60_000);
});

describe('item 4: --timeout and config timeout above 2^31 - 1 ms are refused', () => {
  it('refuses --timeout 2147483648, naming the flag, quoting the value and giving the range', async () => {
    const run = await runQadocs(['lint', ORDINARY_DOCUMENT.name, '--timeout', '2147483648'], { cwd: folderWith({ [ORDINARY_DOCUMENT.name]: ORDINARY_DOCUMENT.content }) });
    expectCleanUsageError(run, 'Unexpected --timeout "2147483648", expected a whole number from 1 to 2147483647');
  });

  it('refuses timeout: 2147483648 in the config', async () => {
    const cwd = folderWith({ 'qadocs.config.json': JSON.stringify({ timeout: 2147483648 }), [ORDINARY_DOCUMENT.name]: ORDINARY_DOCUMENT.content });
    const run = await runQadocs(['lint', ORDINARY_DOCUMENT.name], { cwd });
    expectCleanUsageError(run, '2147483648 for "timeout" in qadocs.config.json, expected a number ≤ 2147483647');
  });

  it('accepts the largest limit, and the real findings are reported', async () => {
    const run = await runQadocs(['lint', ORDINARY_DOCUMENT.name, '--timeout', '2147483647', '--format', 'json'], { cwd: folderWith({ [ORDINARY_DOCUMENT.name]: ORDINARY_DOCUMENT.content }) });
    expect(run.code, describeRun(run)).toBe(1);
    expect(ruleIdsOf(run).get(ORDINARY_DOCUMENT.name)).toEqual([ORDINARY_DOCUMENT.defect.ruleId]);
  });
});

describe('item 5: sizes are checked with stat before reading', () => {
  // Sparse: 1.9 GB long, no disk used. Reading it (as before) took 1.9 GB of memory per file.
  const sparseFolder = () => {
    const cwd = folderWith({});
    execFileSync('truncate', ['-s', '1900M', path.join(cwd, 'huge.md')]);
    return cwd;
  };

  for (const extra of [[], ['--cache']]) {
    it(`gives input/too-large without reading the file${extra.length ? ' (with --cache, which hashes files)' : ''}`, async () => {
      const run = await runQadocs(['lint', 'huge.md', '--format', 'json', ...extra], { cwd: sparseFolder() });
      expect(run.code, describeRun(run)).toBe(1);
      const [result] = JSON.parse(run.stdout) as EslintResult[];
      expect(result!.messages.map((message) => [message.ruleId, message.message])).toEqual([
        ['input/too-large', 'Unexpected file of 1992294400 bytes, expected at most 4194304 (set `maxFileSize` to raise the limit)'],
      ]);
    }, 60_000);
  }
});

describe('item 6: frontmatter.schema is read only from a regular file under the config', () => {
  const lintWithSchema = (schema: string, files: Record<string, string> = {}, setup?: (cwd: string) => void) => {
    const cwd = folderWith({ 'qadocs.config.json': JSON.stringify({ frontmatter: { schema } }), [ORDINARY_DOCUMENT.name]: ORDINARY_DOCUMENT.content, ...files });
    setup?.(cwd);
    return runQadocs(['lint', ORDINARY_DOCUMENT.name], { cwd });
  };

  it('refuses /dev/zero (which would grow memory without end)', async () => {
    expectCleanUsageError(await lintWithSchema('/dev/zero'), 'Unexpected value "/dev/zero" for "frontmatter.schema" in qadocs.config.json (the file is outside the config\'s folder)');
  });

  it('refuses a FIFO inside the folder instead of waiting on it', async () => {
    const run = await lintWithSchema('schema.json', {}, (cwd) => execFileSync('mkfifo', [path.join(cwd, 'schema.json')]));
    expectCleanUsageError(run, '"schema.json" for "frontmatter.schema" in qadocs.config.json (not a regular file)');
  }, 30_000);

  it('refuses /etc/shadow, also through a link inside the folder, and never shows its content', async () => {
    const direct = await lintWithSchema('/etc/shadow');
    expectCleanUsageError(direct, '(the file is outside the config\'s folder)');
    const linked = await lintWithSchema('schema.json', {}, (cwd) => symlinkSync('/etc/shadow', path.join(cwd, 'schema.json')));
    expectCleanUsageError(linked, '(the file is outside the config\'s folder)');
    for (const run of [direct, linked]) expect(run.stderr).not.toContain('root:');
  });

  it('says a schema file in the folder is not JSON without quoting it', async () => {
    const secret = 'root:$y$j9T$secret-hash:19000:0:99999:7:::';
    const run = await lintWithSchema('schema.json', { 'schema.json': `${secret}\n` });
    expectCleanUsageError(run, '"schema.json" for "frontmatter.schema" in qadocs.config.json (not valid JSON)');
    expect(run.stderr).not.toContain('secret-hash');
    expect(run.stderr).not.toContain('root:');
  });
});

describe('item 9: exit codes never lie', () => {
  it('-o naming an existing folder is a usage error (exit 2), found before linting', async () => {
    const cwd = folderWith({ [ORDINARY_DOCUMENT.name]: ORDINARY_DOCUMENT.content });
    mkdirSync(path.join(cwd, 'reports'));
    expectCleanUsageError(await runQadocs(['lint', ORDINARY_DOCUMENT.name, '-o', 'reports'], { cwd }), 'Unexpected --output-file "reports": it is a folder, expected a file path that can be written');
  });

  it('-o under a folder where mkdir fails (/proc) is a usage error, not an endless retry', async () => {
    const cwd = folderWith({ [ORDINARY_DOCUMENT.name]: ORDINARY_DOCUMENT.content });
    expectCleanUsageError(await runQadocs(['lint', ORDINARY_DOCUMENT.name, '-o', '/proc/qadocs-nope/report.txt'], { cwd }), "mkdir '/proc/qadocs-nope'");
  }, 30_000);

  it('keeps the lint\'s exit code when the reader closes the pipe early (`| head -c100`)', async () => {
    const files = Object.fromEntries(Array.from({ length: 400 }, (_, index) => [`doc-${String(index).padStart(3, '0')}.md`, ORDINARY_DOCUMENT.content]));
    const cwd = folderWith(files);
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [QADOCS_BIN, 'lint', '.', '-f', 'json', '--no-progress'], { cwd, env: qadocsEnv(), stdio: ['ignore', 'pipe', 'ignore'] });
      let read = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read >= 100) child.stdout.destroy();
      });
      child.on('error', reject);
      child.on('close', (exitCode) => resolve(exitCode));
    });
    // 400 documents of JSON are far more than a pipe holds: the writes after the close failed with EPIPE.
    expect(code).toBe(1);
  }, 120_000);
});

describe('item 10: control characters from documents are shown, never obeyed, in stylish and text output', () => {
  const CONTROLS = ['\u001b', '\u0007', '\u009b'];
  const evil = `---\ntitle: Escapes\ndescription: A document whose category retitles and clears the terminal.\ncategory: "\\e]0;PWNED\\a\\e[2J\\u009b31m"\n---\n\nWhat does this print?\n\nNothing harmful[^1].\n\n[^1]: [Example](https://example.com/)\n`;
  const evilName = `evil\u001b[2J\u0007.md`;

  it('escapes a front-matter value and a file name in stylish', async () => {
    const cwd = folderWith({ 'escapes.md': evil, [evilName]: ORDINARY_DOCUMENT.content });
    const run = await runQadocs(['lint', '.'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stdout).toContain('diataxis/category');
    expect(run.stdout).toContain('\\x1b]0;PWNED\\x07\\x1b[2J\\x9b31m');
    expect(run.stdout).toContain('evil\\x1b[2J\\x07.md');
    for (const character of CONTROLS) expect(run.stdout, `U+${character.charCodeAt(0).toString(16)}`).not.toContain(character);
  });

  it('escapes a file name in classify text output', async () => {
    const cwd = folderWith({ [evilName]: ORDINARY_DOCUMENT.content });
    const run = await runQadocs(['classify', '.'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).toContain('evil\\x1b[2J\\x07.md');
    expect(run.stdout).not.toMatch(/[\u0007\u001b]/);
  });
});

describe('item 11: a symbolic link named on the command line is linted', () => {
  it("reports the target's problems under the target's path", async () => {
    const cwd = folderWith({ 'real/target.md': ORDINARY_DOCUMENT.content });
    symlinkSync(path.join(cwd, 'real/target.md'), path.join(cwd, 'link.md'));
    const run = await runQadocs(['lint', 'link.md', '--format', 'json'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(ruleIdsOf(run).get('target.md')).toEqual([ORDINARY_DOCUMENT.defect.ruleId]);
  });

  it('refuses a dangling link with a message', async () => {
    const cwd = folderWith({});
    symlinkSync(path.join(cwd, 'missing.md'), path.join(cwd, 'dangling.md'));
    expectCleanUsageError(await runQadocs(['lint', 'dangling.md'], { cwd }), 'Unexpected path "dangling.md": a symbolic link to a missing file');
  });
});

describe('items 12 and 13: ids in export', () => {
  const page = (frontMatter: string, body: string) => `---\ntitle: A page\ndescription: A page of the export test with its own description.\ncategory: reference\n${frontMatter}---\n\nWhat is on this page?\n\n${body}\n`;

  it('exports a document whose id is a mapping or a list under its path, never as [object Object]', async () => {
    const cwd = folderWith({ 'content/mapping.md': page('id: {k: v}\n', 'A mapping.'), 'content/list.md': page('id: [a, b]\n', 'A list.') });
    const lint = await runQadocs(['lint', 'content', '--format', 'json'], { cwd });
    expect(ruleIdsOf(lint).get('mapping.md')).toContain('frontmatter/id');
    expect(ruleIdsOf(lint).get('list.md')).toContain('frontmatter/id');
    const run = await runQadocs(['export', 'content', '--out', 'out'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    // Beside the pages: the ledger of the files this export wrote (issue 17, item 1), and the search
    // page with its index (issue 15).
    expect(readdirSync(path.join(cwd, 'out/html')).sort()).toEqual(['.qadocs-files.json', 'assets', 'index.html', 'list.html', 'mapping.html', 'pagefind', 'search.html']);
  });

  it('links to a document with a front-matter id point at its page, relative to the linking page', async () => {
    const cwd = folderWith({ 'content/b.md': page('id: custom/bee\n', 'A bee.'), 'content/sub/a.md': page('', 'See [the bee](../b.md#what-is-on-this-page).') });
    const run = await runQadocs(['export', 'content', '--out', 'out', '--format', 'html'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(existsSync(path.join(cwd, 'out/html/custom/bee.html'))).toBe(true);
    expect(readFileSync(path.join(cwd, 'out/html/sub/a.html'), 'utf8')).toContain('href="../custom/bee.html#what-is-on-this-page"');
  });
});

describe('item 14: --threads is capped at the cores available', () => {
  it('says so in --help', async () => {
    const run = await runQadocs(['lint', '--help'], { cwd: base });
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('--threads <n> worker threads (default and maximum: the cores available)');
  });
});

describe('item 15: clear messages, no stack traces', () => {
  it('refuses a FIFO given explicitly', async () => {
    const cwd = folderWith({});
    execFileSync('mkfifo', [path.join(cwd, 'pipe.md')]);
    expectCleanUsageError(await runQadocs(['lint', 'pipe.md'], { cwd }), 'Unexpected path "pipe.md": a named pipe (FIFO), expected Markdown files or folders');
  });

  it('refuses a 100,000-deep JSON config', async () => {
    const cwd = folderWith({ 'qadocs.config.json': `{"rules":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, [ORDINARY_DOCUMENT.name]: ORDINARY_DOCUMENT.content });
    expectCleanUsageError(await runQadocs(['lint', ORDINARY_DOCUMENT.name], { cwd }), 'Unexpected nesting deeper than 64 levels in qadocs.config.json');
  });

  it('refuses a contentRoot that reaches /proc with the folder it cannot read', async () => {
    const cwd = folderWith({ 'qadocs.config.json': JSON.stringify({ contentRoot: `${'../'.repeat(20)}proc` }) });
    expectCleanUsageError(await runQadocs(['lint'], { cwd }), 'Unexpected unreadable folder "/proc/');
  }, 120_000);

  it('refuses a config file that is a FIFO', async () => {
    const cwd = folderWith({ [ORDINARY_DOCUMENT.name]: ORDINARY_DOCUMENT.content });
    execFileSync('mkfifo', [path.join(cwd, 'qadocs.config.json')]);
    expectCleanUsageError(await runQadocs(['lint', ORDINARY_DOCUMENT.name], { cwd }), 'Unexpected config file qadocs.config.json (not a regular file)');
  }, 30_000);
});

describe('the docs say a JS/TS config runs code', () => {
  it('in the linter README', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../linter/README.md'), 'utf8');
    expect(readme).toMatch(/qadocs\.config\.(js|ts)[^\n]*runs? (its )?code/i);
  });
});
