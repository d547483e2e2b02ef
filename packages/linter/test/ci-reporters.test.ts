import { describe, expect, it } from 'vitest';
import type { LintResult } from '@qadocs/schema';
import { resolveConfig } from '../src/config/resolve-config.js';
import { lintSource } from '../src/lint-source.js';
import { formatMarkdown } from '../src/reporters/markdown.js';
import { toRdjson } from '../src/reporters/rdjson.js';
import { createLintResult } from '../src/reporters/lint-result.js';
import { toSarif } from '../src/reporters/sarif.js';
import { Utf8Columns } from '../src/reporters/utf8-columns.js';
import { ruleDocsUrl } from '../src/rule.js';
import { testRules } from './test-rules.js';

// The formats pull requests read (issue 14): reviewdog's rdjson, the Markdown summary, SARIF fingerprints.

const config = resolveConfig({}, { rules: testRules });
const lint = (source: string, filePath = '/repo/content/a.md'): LintResult => lintSource(source, { filePath, config }).result;

describe('Utf8Columns', () => {
  it("counts columns in UTF-8 bytes, reviewdog's example included", () => {
    const columns = new Utf8Columns('x\na\u{10400}b\r\nc');
    // 'a𐐀b': a at 1, 𐐀 at 2, b at 6 (𐐀 is 4 bytes in UTF-8 and 2 UTF-16 code units).
    expect(columns.at(2, 1)).toEqual({ line: 2, column: 1 });
    expect(columns.at(2, 2)).toEqual({ line: 2, column: 2 });
    expect(columns.at(2, 4)).toEqual({ line: 2, column: 6 });
    expect(columns.atOffset(8)).toEqual({ line: 3, column: 1 });
    expect(columns.atOffset(0)).toEqual({ line: 1, column: 1 });
  });
});

describe('--format rdjson', () => {
  it('is a reviewdog DiagnosticResult with each fix as a suggestion on the exact bytes it replaces', () => {
    const source = 'What is é?\n\nCafé TODO and DONE.\n';
    const rdjson = toRdjson([lint(source), createLintResult('/repo/content/clean.md', [])], { cwd: '/repo' });
    expect(rdjson.source).toEqual({ name: 'qadocs', url: 'https://github.com/qadocs/qadocs' });
    expect(rdjson.diagnostics).toEqual([
      {
        message: 'Unexpected `TODO`, expected `DONE`',
        // `Café ` is 5 UTF-16 code units and 6 UTF-8 bytes: TODO starts at byte column 7.
        location: { path: 'content/a.md', range: { start: { line: 3, column: 7 }, end: { line: 3, column: 11 } } },
        severity: 'WARNING',
        code: { value: 'test/todo', url: ruleDocsUrl('test/todo') },
        suggestions: [{ range: { start: { line: 3, column: 7 }, end: { line: 3, column: 11 } }, text: 'DONE' }],
      },
      {
        message: 'Unexpected `DONE`',
        location: { path: 'content/a.md', range: { start: { line: 3, column: 16 }, end: { line: 3, column: 20 } } },
        severity: 'ERROR',
        code: { value: 'test/done', url: ruleDocsUrl('test/done') },
      },
    ]);
    // Applying the suggestion at those byte columns gives the fixed line.
    const line = Buffer.from(source.split('\n')[2]!, 'utf8');
    const [suggestion] = rdjson.diagnostics[0]!.suggestions!;
    expect(Buffer.concat([line.subarray(0, suggestion!.range.start.column - 1), Buffer.from(suggestion!.text), line.subarray(suggestion!.range.end.column - 1)]).toString('utf8')).toBe('Café DONE and DONE.');
  });

  it('keeps positions but gives no suggestion when the text is unknown (a result from the cache)', () => {
    const { source: _source, ...withoutSource } = lint('What?\n\nTODO\n');
    const [diagnostic] = toRdjson([withoutSource], { cwd: '/repo' }).diagnostics;
    expect(diagnostic!.location.range.start).toEqual({ line: 3, column: 1 });
    expect('suggestions' in diagnostic!).toBe(false);
  });
});

describe('--format markdown', () => {
  it('summarizes the problems by file and rule, each rule linked to its docs, with the lines', () => {
    const results = [lint('What?\n\nTODO one.\n\nTODO two. DONE.\n', '/repo/content/a.md'), createLintResult('/repo/content/clean.md', []), lint('What|now?\n\nDONE\n', '/repo/content/b|c.md')];
    expect(formatMarkdown(results, { cwd: '/repo' })).toBe(
      [
        '### qadocs: 4 problems (2 errors, 2 warnings)',
        '',
        '3 files checked, 2 with problems. 2 can be fixed with `qadocs lint --fix`.',
        '',
        '| File | Rule | Errors | Warnings | Lines |',
        '| --- | --- | ---: | ---: | --- |',
        `| content/a.md | [test/done](${ruleDocsUrl('test/done')}) | 1 | 0 | 5 |`,
        `| content/a.md | [test/todo](${ruleDocsUrl('test/todo')}) | 0 | 2 | 3, 5 |`,
        `| content/b\\|c.md | [test/done](${ruleDocsUrl('test/done')}) | 1 | 0 | 3 |`,
        '',
      ].join('\n'),
    );
  });

  it('says so when there are no problems', () => {
    expect(formatMarkdown([createLintResult('/repo/a.md', [])], { cwd: '/repo' })).toBe('### qadocs: no problems\n\n1 file checked.\n');
  });
});

describe('SARIF partialFingerprints', () => {
  const fingerprints = (source: string) =>
    toSarif([lint(source)], { cwd: '/repo', rules: testRules }).runs[0]!.results!.map((result) => `${result.ruleId} ${result.locations![0]!.physicalLocation!.region!.startLine} ${result.partialFingerprints!.primaryLocationLineHash}`);

  it('stay the same when lines are inserted above a problem, and tell identical problems apart by occurrence', () => {
    const before = fingerprints('What?\n\nTODO here.\n\nTODO here.\n\nDONE there.\n');
    const after = fingerprints('What?\n\nA new paragraph\nof two lines.\n\nTODO here.\n\nTODO here.\n\nDONE there.\n');
    const withoutLines = (list: string[]) => list.map((entry) => entry.replace(/ \d+ /, ' '));
    expect(after.map((entry) => entry.split(' ')[1])).toEqual(['6', '8', '10']);
    expect(withoutLines(after)).toEqual(withoutLines(before));
    const hashes = before.map((entry) => entry.split(' ')[2]!);
    expect(hashes[0]!.replace(/:1$/, ':2')).toBe(hashes[1]);
    expect(new Set(hashes).size).toBe(3);
  });

  it('change when the problem line itself changes, or the file', () => {
    const [first] = fingerprints('What?\n\nTODO here.\n');
    const [edited] = fingerprints('What?\n\nTODO there.\n');
    expect(edited!.split(' ')[2]).not.toBe(first!.split(' ')[2]);
    const elsewhere = toSarif([lint('What?\n\nTODO here.\n', '/repo/content/b.md')], { cwd: '/repo', rules: testRules }).runs[0]!.results![0]!.partialFingerprints!.primaryLocationLineHash;
    expect(elsewhere).not.toBe(first!.split(' ')[2]);
  });

  it('records the automation id and the invocation', () => {
    const run = toSarif([], { cwd: '/repo', automationId: 'qadocs/shard-2-of-4/', exitCode: 1 }).runs[0]!;
    expect(run.automationDetails).toEqual({ id: 'qadocs/shard-2-of-4/' });
    expect(run.invocations).toEqual([{ executionSuccessful: true, exitCode: 1 }]);
    expect(toSarif([], { cwd: '/repo', exitCode: 2 }).runs[0]!.invocations).toEqual([{ executionSuccessful: false, exitCode: 2 }]);
    expect(toSarif([], { cwd: '/repo' }).runs[0]!.automationDetails).toEqual({ id: 'qadocs/' });
  });

  it("gives registered rules their docs page as help, and its rationale as the full description", () => {
    const rule = toSarif([], { cwd: '/repo' }).runs[0]!.tool.driver.rules!.find((descriptor) => descriptor.id === 'citation/malformed')!;
    expect(rule.name).toBe('CitationMalformed');
    expect(rule.help!.markdown).toMatch(/^# citation\/malformed\n/);
    expect(rule.help!.markdown).toContain('## How to fix');
    expect(rule.help!.text).toBe(rule.help!.markdown);
    expect(rule.fullDescription!.text).toMatch(/^Answers pasted from AI assistants carry citation syntax/);
    expect(rule.properties!.tags).toEqual(['documentation', 'qadocs', 'citation', 'fixable']);
  });
});
