import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '@qadocs/schema';
import { stamp } from '../src/engine/lint-parsed.js';
import { formatGithub } from '../src/reporters/github.js';
import { formatJson } from '../src/reporters/json.js';
import { createLintResult } from '../src/reporters/lint-result.js';
import { formatResults, REPORT_FORMATS, UnknownFormatError } from '../src/reporters/format-results.js';
import { formatSarif, toSarif } from '../src/reporters/sarif.js';
import { formatStylish } from '../src/reporters/stylish.js';
import { formatMarkdown } from '../src/reporters/markdown.js';
import { formatRdjson } from '../src/reporters/rdjson.js';
import { rules } from '../src/rules/index.js';
import { ruleDocsUrl } from '../src/rule.js';
import { doneRule, todoRule } from './test-rules.js';

const cwd = '/repo';
const place = (line: number, column: number, endLine: number, endColumn: number) => ({ start: { line, column, offset: 0 }, end: { line: endLine, column: endColumn, offset: 0 } });

const undefinedRef = stamp({ ruleId: 'test/done', severity: 'error', reason: 'Unexpected reference `[^2]` with no definition, expected a line `[^2]: [Title](https://…)`', place: place(3, 77, 3, 81) });
const todo = stamp({ ruleId: 'test/todo', severity: 'warning', reason: 'Unexpected `TODO`, expected `DONE`', place: place(12, 5, 12, 9), messageId: 'todo', fix: { range: [120, 124], text: 'DONE' } });
const fatal: Diagnostic = { ...stamp({ ruleId: 'input/encoding', severity: 'error', reason: 'Unexpected byte 0xff at offset 3, expected UTF-8', place: place(1, 1, 1, 1) }), parseFailure: true };
const tricky = stamp({ ruleId: 'test/done', severity: 'error', reason: 'Unexpected 100% of "a, b: c"\nover two lines', place: place(7, 1, 8, 3) });

const results = [
  createLintResult('/repo/content/how-to/deploy.md', [undefinedRef, todo]),
  createLintResult('/repo/content/clean.md', []),
  createLintResult('/repo/content/broken file.md', [fatal]),
];

describe('createLintResult', () => {
  it("computes ESLint's counts", () => {
    expect(createLintResult('/a.md', [undefinedRef, todo, fatal, { ...undefinedRef, fix: { range: [0, 1], text: '' } }])).toMatchObject({
      filePath: '/a.md',
      errorCount: 3,
      warningCount: 1,
      fatalErrorCount: 1,
      fixableErrorCount: 1,
      fixableWarningCount: 1,
    });
    expect(createLintResult('/a.md', [], 'fixed\n').output).toBe('fixed\n');
    expect('output' in createLintResult('/a.md', [])).toBe(false);
  });
});

describe('formatStylish', () => {
  it("looks like ESLint's stylish, paths relative to cwd, no colours unless asked", () => {
    expect(formatStylish(results, { cwd })).toBe(
      [
        '',
        'content/how-to/deploy.md',
        '   3:77  error    Unexpected reference `[^2]` with no definition, expected a line `[^2]: [Title](https://…)`  test/done',
        '  12:5   warning  Unexpected `TODO`, expected `DONE`                                                          test/todo',
        '',
        'content/broken file.md',
        '  1:1  error  Unexpected byte 0xff at offset 3, expected UTF-8  input/encoding',
        '',
        '\u2716 3 problems (2 errors, 1 warning)',
        '  0 errors and 1 warning potentially fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when there are no problems', () => {
    expect(formatStylish([createLintResult('/repo/a.md', [])], { cwd })).toBe('');
  });

  it('colours only when asked', () => {
    const coloured = formatStylish(results, { cwd, color: true });
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
    expect(coloured).toContain('\u001b[4mcontent/how-to/deploy.md\u001b[24m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(formatStylish(results, { cwd }));
    expect(formatStylish(results, { cwd, color: false })).not.toContain('\u001b[');
  });

  it('keeps one message on one line and a single problem singular', () => {
    const output = formatStylish([createLintResult('/repo/a.md', [tricky])], { cwd });
    expect(output).toContain('  7:1  error  Unexpected 100% of "a, b: c" over two lines  test/done\n');
    expect(output).toContain('\u2716 1 problem (1 error, 0 warnings)\n');
    expect(output).not.toContain('potentially fixable');
  });
});

describe('formatJson', () => {
  it("writes ESLint's JSON formatter shape", () => {
    const parsed = JSON.parse(formatJson(results));
    expect(parsed).toEqual([
      {
        filePath: '/repo/content/how-to/deploy.md',
        messages: [
          { ruleId: 'test/done', severity: 2, message: undefinedRef.message, line: 3, column: 77, endLine: 3, endColumn: 81 },
          { ruleId: 'test/todo', severity: 1, message: 'Unexpected `TODO`, expected `DONE`', line: 12, column: 5, messageId: 'todo', endLine: 12, endColumn: 9, fix: { range: [120, 124], text: 'DONE' } },
        ],
        suppressedMessages: [],
        errorCount: 1,
        fatalErrorCount: 0,
        warningCount: 1,
        fixableErrorCount: 0,
        fixableWarningCount: 1,
        usedDeprecatedRules: [],
      },
      { filePath: '/repo/content/clean.md', messages: [], suppressedMessages: [], errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, usedDeprecatedRules: [] },
      {
        filePath: '/repo/content/broken file.md',
        messages: [{ ruleId: 'input/encoding', severity: 2, fatal: true, message: fatal.message, line: 1, column: 1, endLine: 1, endColumn: 1 }],
        suppressedMessages: [],
        errorCount: 1,
        fatalErrorCount: 1,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        usedDeprecatedRules: [],
      },
    ]);
    expect(Object.keys(parsed[0])).toEqual(['filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'usedDeprecatedRules']);
    expect(formatJson(results).endsWith('}]\n')).toBe(true);
  });
});

describe('formatSarif', () => {
  const require = createRequire(import.meta.url);
  // The official SARIF 2.1.0 schema (draft-04), as shipped by Microsoft's @microsoft/jest-sarif.
  const schemaFile = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');
  // The schema's language pattern is not valid with the `u` flag (a stray `]`), as the schema itself is published.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

  it('is valid against the official SARIF 2.1.0 JSON Schema', () => {
    for (const log of [toSarif(results, { cwd }), toSarif([], { cwd }), toSarif(results, { cwd: '/elsewhere' }), toSarif([createLintResult('/repo/a.md', [tricky])], { cwd, rules: [] })]) {
      const valid = validate(log);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('describes the tool, its rules and each result with a relative location', () => {
    const log = JSON.parse(formatSarif(results, { cwd, rules: [doneRule, todoRule] }));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'qadocs', informationUri: 'https://github.com/qadocs/qadocs' });
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.tool.driver.rules.map((rule: { id: string; name: string; shortDescription: unknown; defaultConfiguration?: unknown; properties: unknown }) => [rule.id, rule.name, rule.shortDescription, rule.defaultConfiguration, rule.properties])).toEqual([
      ['test/done', 'TestDone', { text: 'Forbid DONE markers.' }, { level: 'error' }, { tags: ['documentation', 'qadocs', 'test'] }],
      ['test/todo', 'TestTodo', { text: 'Forbid TODO markers.' }, { level: 'warning' }, { tags: ['documentation', 'qadocs', 'test', 'fixable'] }],
      ['input/encoding', 'InputEncoding', { text: 'Problems reported under input/encoding.' }, undefined, { tags: ['documentation', 'qadocs', 'input'] }],
    ]);
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toBe(ruleDocsUrl(rule.id));
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.text.length).toBeGreaterThan(0);
      expect(rule.help.markdown.length).toBeGreaterThan(0);
    }
    const { partialFingerprints, ...first } = run.results[0];
    expect(partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/);
    expect(first).toEqual({
      ruleId: 'test/done',
      ruleIndex: 0,
      level: 'error',
      message: { text: undefinedRef.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'content/how-to/deploy.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 77, endLine: 3, endColumn: 81 } } }],
    });
    expect(run.results[1]).toMatchObject({ ruleId: 'test/todo', ruleIndex: 1, level: 'warning' });
    expect(run.results[1].fixes[0].artifactChanges[0].replacements[0]).toEqual({ deletedRegion: { charOffset: 120, charLength: 4 }, insertedContent: { text: 'DONE' } });
    expect(run.results[2].locations[0].physicalLocation.artifactLocation.uri).toBe('content/broken%20file.md');
    expect(run.results[2].ruleIndex).toBe(2);
  });

  it('lists every registered rule by default', () => {
    expect(toSarif([], { cwd }).runs[0]!.tool.driver.rules!.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id));
  });

  it('makes every URI relative to %SRCROOT%, with `..` for a file outside it, and says where %SRCROOT% is', () => {
    const log = toSarif(results, { cwd: '/elsewhere' });
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: '../repo/content/how-to/deploy.md', uriBaseId: '%SRCROOT%' });
    expect(log.runs[0]!.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///elsewhere/' } });
    const fromRoot = toSarif(results, { cwd: '/repo/content', srcRoot: '/repo' });
    expect(fromRoot.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'content/how-to/deploy.md', uriBaseId: '%SRCROOT%' });
    expect(fromRoot.runs[0]!.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
  });
});

describe('formatGithub', () => {
  it('writes one workflow command per diagnostic', () => {
    expect(formatGithub(results, { cwd })).toBe(
      [
        '::error file=content/how-to/deploy.md,line=3,col=77,endLine=3,endColumn=81,title=test/done::Unexpected reference `[^2]` with no definition, expected a line `[^2]: [Title](https://…)`',
        '::warning file=content/how-to/deploy.md,line=12,col=5,endLine=12,endColumn=9,title=test/todo::Unexpected `TODO`, expected `DONE`',
        '::error file=content/broken file.md,line=1,col=1,endLine=1,endColumn=1,title=input/encoding::Unexpected byte 0xff at offset 3, expected UTF-8',
        '',
      ].join('\n'),
    );
  });

  it("escapes data and properties as GitHub's toolkit does", () => {
    const output = formatGithub([createLintResult('/repo/a,b:c%.md', [tricky])], { cwd });
    expect(output).toBe('::error file=a%2Cb%3Ac%25.md,line=7,col=1,endLine=8,endColumn=3,title=test/done::Unexpected 100%25 of "a, b: c"%0Aover two lines\n');
  });

  it('prints nothing for clean files', () => {
    expect(formatGithub([createLintResult('/repo/a.md', [])], { cwd })).toBe('');
  });
});

describe('formatResults', () => {
  it('dispatches to each format', () => {
    expect(REPORT_FORMATS).toEqual(['stylish', 'json', 'sarif', 'github', 'rdjson', 'markdown']);
    expect(formatResults('stylish', results, { cwd })).toBe(formatStylish(results, { cwd }));
    expect(formatResults('stylish', results, { cwd, color: true })).toBe(formatStylish(results, { cwd, color: true }));
    expect(formatResults('json', results, { cwd })).toBe(formatJson(results));
    expect(formatResults('sarif', results, { cwd })).toBe(formatSarif(results, { cwd }));
    expect(formatResults('github', results, { cwd })).toBe(formatGithub(results, { cwd }));
    expect(formatResults('sarif', results, { cwd, srcRoot: '/', automationId: 'qadocs/shard-1-of-2/', exitCode: 1 })).toBe(formatSarif(results, { cwd, srcRoot: '/', automationId: 'qadocs/shard-1-of-2/', exitCode: 1 }));
    expect(formatResults('rdjson', results, { cwd })).toBe(formatRdjson(results, { cwd }));
    expect(formatResults('markdown', results, { cwd })).toBe(formatMarkdown(results, { cwd }));
  });

  it('throws a typed error quoting an unknown format', () => {
    expect(() => formatResults('xml', results)).toThrow(UnknownFormatError);
    expect(() => formatResults('xml', results)).toThrow('Unexpected format "xml", expected "stylish", "json", "sarif", "github", "rdjson" or "markdown"');
  });
});
