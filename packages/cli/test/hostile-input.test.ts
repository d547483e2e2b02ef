import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExport } from '@qadocs/schema';
import { activeContentIn } from './support/active-content.js';
import type { EslintResult } from './support/eslint-json-shape.js';
import { contentOf, snapshotTree, touchedFiles } from './support/file-tree.js';
import { hostileCases, ORDINARY_DOCUMENT, writeHostileProject, type HostileCase } from './support/hostile-documents.js';
import { describeRun, runQadocs, type QadocsRun } from './support/run-qadocs.js';
import { writeFiles } from './support/sample-documents.js';
import { makeTempFolder } from './support/temp-folder.js';

// Issue 6, must show: one folder holding every hostile file plus one ordinary document with a known defect.
const base = makeTempFolder('hostile');
const project = path.join(base, 'project');
const marker = path.join(base, 'EXECUTED-MARKER');
const cases = hostileCases(marker);
// Two threads whatever the machine, so the slow files occupy every worker as on the 2-core CI machines.
const LIMITS = ['--timeout', '1000', '--threads', '2'];
let names: string[];
let lint: QadocsRun;
let report: Map<string, EslintResult>;

beforeAll(async () => {
  mkdirSync(project);
  names = writeHostileProject(project, marker);
  lint = await runQadocs(['lint', 'hostile', '--format', 'json', ...LIMITS], { cwd: project });
  report = new Map((JSON.parse(lint.stdout) as EslintResult[]).map((result) => [path.basename(result.filePath), result]));
}, 120_000);

describe('qadocs lint over the hostile folder', () => {
  it('finishes with exit code 1, no crash, and a result for every file', () => {
    expect(lint.signal, describeRun(lint)).toBeNull();
    expect(lint.code, describeRun(lint)).toBe(1);
    expect(lint.stderr).not.toMatch(/internal error|FATAL|Unhandled|heap out of memory/i);
    expect([...report.keys()].sort()).toEqual(names);
  });

  it('executes nothing: the front-matter payloads never created their marker file', () => {
    expect(existsSync(marker)).toBe(false);
  });

  it("still reports the ordinary document's defect, and only it", () => {
    const ordinary = report.get(ORDINARY_DOCUMENT.name)!;
    expect(ordinary.messages.map((message) => [message.ruleId, message.line])).toEqual([[ORDINARY_DOCUMENT.defect.ruleId, ORDINARY_DOCUMENT.defect.line]]);
  });

  describe('every hostile file has a diagnostic', () => {
    for (const [name, item] of Object.entries(cases) as Array<[string, HostileCase]>) {
      it(name, () => {
        const messages = report.get(name)?.messages ?? [];
        const shown = JSON.stringify(messages.map((message) => [message.ruleId, message.line, message.message]), null, 1);
        expect(messages.length, shown).toBeGreaterThan(0);
        for (const message of messages) expect(message.line, shown).toBeGreaterThanOrEqual(1);
        const expected = item.expect;
        if (expected === 'any') return;
        if (expected === 'cr-only') {
          const parsedRight = messages.some((message) => message.ruleId === 'citation/undefined');
          const refused = messages.some((message) => (message.ruleId ?? '').startsWith('input/') || message.ruleId === 'frontmatter/parse-error');
          expect(parsedRight || refused, shown).toBe(true);
          return;
        }
        if ('ruleIdPrefix' in expected) {
          expect(messages.some((message) => (message.ruleId ?? '').startsWith(expected.ruleIdPrefix) && message.line === expected.line), shown).toBe(true);
          return;
        }
        expect(messages.some((message) => message.ruleId === expected.ruleId && (expected.line === undefined || message.line === expected.line)), shown).toBe(true);
      });
    }
  });

  it('names the hidden characters by code point', () => {
    const text = report.get('hidden-characters.md')!.messages.map((message) => message.message).join('\n');
    expect(text).toContain('U+202E');
    expect(text).toContain('U+200B');
  });

  it('gives the byte offset of invalid UTF-8', () => {
    const [message] = report.get('invalid-utf8.md')!.messages.filter((item) => item.ruleId === 'input/encoding');
    expect(message!.message).toMatch(/offset \d+/);
  });
});

describe('qadocs export over the hostile folder', () => {
  let run: QadocsRun;
  let before: ReturnType<typeof snapshotTree>;

  beforeAll(async () => {
    before = snapshotTree(base);
    run = await runQadocs(['export', 'hostile', '--out', 'out', ...LIMITS], { cwd: project });
  }, 120_000);

  it('finishes without a crash', () => {
    expect(run.signal, describeRun(run)).toBeNull();
    expect([0, 1], describeRun(run)).toContain(run.code);
    expect(run.stderr).not.toMatch(/internal error|FATAL|Unhandled/i);
    expect(existsSync(marker)).toBe(false);
  });

  it('writes nothing outside its output folder', () => {
    const after = snapshotTree(base, ['project/out']);
    expect(touchedFiles(before, after)).toEqual([]);
    expect(contentOf(after)).toEqual(contentOf(before));
  });

  it('exports the readable documents, under safe ids, valid against the schema', async () => {
    const { manifest } = await loadExport(path.join(project, 'out'));
    const ids = manifest.documents.map((entry) => entry.id);
    for (const id of ids) expect(id.split('/')).not.toContain('..');
    for (const name of [ORDINARY_DOCUMENT.name, 'html-attack.md', 'script-in-front-matter.md', 'lossy-values.md', 'nul-byte.md']) {
      expect(ids, name).toContain(name.replace(/\.md$/, ''));
    }
    for (const name of ['invalid-utf8.md', 'utf16-bom.md', 'too-large.md', 'billion-laughs.md']) {
      expect(ids, `${name} cannot be read, so it is not exported`).not.toContain(name.replace(/\.md$/, ''));
    }
  });

  it('keeps front-matter values lossless and NUL out of the records', () => {
    const lossy = JSON.parse(readFileSync(path.join(project, 'out/json/docs/lossy-values.json'), 'utf8')) as { frontmatter: Record<string, unknown> };
    expect(lossy.frontmatter).toMatchObject({ version: '1.10', mode: '0777', date: '2024-02-30' });
    expect(readFileSync(path.join(project, 'out/json/docs/nul-byte.json'), 'utf8')).not.toContain('\\u0000');
  });

  it('writes HTML with no script, no event handler and no javascript: URL', () => {
    const pages = readdirSync(path.join(project, 'out/html'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    expect(pages).toContain('html-attack.html');
    for (const page of pages) {
      const html = readFileSync(path.join(project, 'out/html', page), 'utf8');
      // The search page is qadocs's own and takes nothing from the documents: its one script is the search.
      expect(activeContentIn(html), page).toEqual(page === 'search.html' ? ['a <script> element'] : []);
    }
    expect(readFileSync(path.join(project, 'out/html/search.html'), 'utf8')).toContain('<script type="module" src="assets/search.js"></script>');
    expect(readFileSync(path.join(project, 'out/html/html-attack.html'), 'utf8')).toContain('How do I stay safe from active content?');
  });
});

describe('the per-file time limit', () => {
  // The editor case must not hang either: `--stdin` text gets the same limit as a file (SPEC §6).
  it('applies to --stdin', async () => {
    // About 10 s of micromark on these machines: twenty times the limit.
    const slow = `---\ntitle: Slow\n---\n\nWhy?\n\n${'*a_ '.repeat(12_000)}\n`;
    const run = await runQadocs(['lint', '--stdin', '--stdin-filename', 'slow.md', '--format', 'json', '--timeout', '500'], { cwd: base, input: slow });
    expect(run.code, describeRun(run)).toBe(1);
    const [result] = JSON.parse(run.stdout) as EslintResult[];
    expect(result!.messages.map((message) => message.ruleId)).toEqual(['input/timeout']);
  });

  // A small file waiting for a worker behind slow files has not started parsing: its time limit must
  // not run out while it waits, or its real problems are lost behind a spurious `input/timeout`.
  it('times out only the slow files, not the ones queued behind them', async () => {
    const cwd = path.join(base, 'queue');
    const slow = { 'a-slow-emphasis.md': cases['quadratic-emphasis.md']!.content, 'a-slow-cdata.md': cases['quadratic-cdata.md']!.content };
    const quick = Object.fromEntries(['b', 'c', 'd', 'e', 'f', 'g'].map((letter) => [`${letter}-ordinary.md`, ORDINARY_DOCUMENT.content]));
    writeFiles(cwd, { ...slow, ...quick });
    const queued = await runQadocs(['lint', '.', '--format', 'json', ...LIMITS], { cwd });
    expect(queued.code, describeRun(queued)).toBe(1);
    const results = new Map((JSON.parse(queued.stdout) as EslintResult[]).map((result) => [path.basename(result.filePath), result.messages.map((message) => message.ruleId)]));
    expect(results.get('a-slow-emphasis.md')).toEqual(['input/timeout']);
    expect(results.get('a-slow-cdata.md')).toEqual(['input/timeout']);
    for (const name of Object.keys(quick)) expect(results.get(name), name).toEqual([ORDINARY_DOCUMENT.defect.ruleId]);
  });
});
