import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectEslintJson, type EslintResult } from './support/eslint-json-shape.js';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { cleanDocument, documentWithWarnings, writeFiles } from './support/sample-documents.js';
import { makeTempFolder, REFERENCE_DOCUMENT } from './support/temp-folder.js';

// Real consumers of ESLint's JSON read qadocs' `--format json` (issue 14): ESLint's own stylish, the
// codeframe formatter (which needs `source`) and reviewdog's eslint-formatter-rdjson (which crashed without it).

const require = createRequire(import.meta.url);
const cwd = makeTempFolder('eslint-formatters');
const ANSI = /\u001b\[[0-9;]*m/g;
let results: EslintResult[];

beforeAll(async () => {
  copyFileSync(REFERENCE_DOCUMENT, path.join(cwd, 'doc.md'));
  writeFiles(cwd, {
    'clean.md': cleanDocument(),
    'warnings.md': documentWithWarnings(),
    'suppressed.md': cleanDocument().replace(/^# (.*)$/m, '<!-- qadocs-disable-next-line structure/heading-emphasis -->\n# **$1**'),
  });
  const run = await runQadocs(['lint', 'clean.md', 'doc.md', 'suppressed.md', 'warnings.md', '--format', 'json'], { cwd });
  expect(run.code, describeRun(run)).toBe(1);
  results = JSON.parse(run.stdout) as EslintResult[];
  expectEslintJson(results);
});

describe("qadocs' ESLint JSON", () => {
  it('has source for files with problems only, suppressed messages with their directive, and usedDeprecatedRules', () => {
    const [clean, doc, suppressed, warnings] = results;
    expect('source' in clean!).toBe(false);
    expect(doc!.source).toBe(require('node:fs').readFileSync(path.join(cwd, 'doc.md'), 'utf8'));
    expect(typeof warnings!.source).toBe('string');
    expect(suppressed!.messages).toEqual([]);
    expect('source' in suppressed!).toBe(false);
    expect(suppressed!.suppressedMessages).toEqual([expect.objectContaining({ ruleId: 'structure/heading-emphasis', line: 8, suppressions: [{ kind: 'directive', justification: '' }] })]);
    for (const result of results) expect(result.usedDeprecatedRules).toEqual([]);
  });
});

describe("ESLint's formatters render it", () => {
  it("stylish (ESLint 10's own)", async () => {
    const formatter = await new ESLint({ cwd, overrideConfigFile: true }).loadFormatter('stylish');
    const text = (await formatter.format(results as unknown as ESLint.LintResult[], { cwd, rulesMeta: {} })).replace(ANSI, '');
    expect(text).toContain(path.join(cwd, 'doc.md'));
    expect(text).toMatch(/^ +15:106 +error +Unexpected pseudo-citation .* +citation\/malformed$/m);
    const total = results.reduce((sum, result) => sum + result.messages.length, 0);
    expect(text).toContain(`${total} problems`);
  });

  it('codeframe shows each problem in a frame of its source lines', () => {
    const codeframe = require('eslint-formatter-codeframe') as (results: unknown[]) => string;
    const text = codeframe(results).replace(ANSI, '');
    // A frame: the line with its number, a `>` marker, and a caret under the column.
    expect(text).toMatch(/error: Unexpected pseudo-citation[^\n]*\(citation\/malformed\) at [^\n]*doc\.md:15:106:\n/);
    expect(text).toMatch(/> 15 \| .*¹\(https:/);
    expect(text).toMatch(/\n {5}\| +\^/);
    expect(text).toMatch(/warning: Unexpected heading wholly wrapped[^\n]* at [^\n]*warnings\.md:7:1:\n(?:.*\n)*?> +7 \| # \*\*How do I/);
  });

  it("eslint-formatter-rdjson gives the same diagnostics as qadocs' own --format rdjson, and suggestions with the same effect", async () => {
    const rdjsonFormatter = require('eslint-formatter-rdjson') as (results: unknown[], data: { rulesMeta: Record<string, unknown> }) => string;
    const theirs = JSON.parse(rdjsonFormatter(results, { rulesMeta: {} })) as { diagnostics: Rdjson[] };
    const run = await runQadocs(['lint', 'clean.md', 'doc.md', 'suppressed.md', 'warnings.md', '--format', 'rdjson'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    const ours = JSON.parse(run.stdout) as { diagnostics: Rdjson[] };
    const key = (diagnostic: Rdjson) => JSON.stringify([path.basename(diagnostic.location.path), diagnostic.location.range, diagnostic.severity, diagnostic.code.value]);
    expect(theirs.diagnostics.length).toBeGreaterThan(10);
    expect(ours.diagnostics.map(key)).toEqual(theirs.diagnostics.map(key));
    // eslint-formatter-rdjson trims what a fix leaves unchanged; applied to the file, both suggestions give the same text.
    const sources = new Map(results.map((result) => [path.basename(result.filePath), result.source ?? '']));
    const fixed = (diagnostic: Rdjson) => (diagnostic.suggestions ?? []).map((suggestion) => applySuggestion(sources.get(path.basename(diagnostic.location.path))!, suggestion));
    expect(ours.diagnostics.filter((diagnostic) => diagnostic.suggestions).length).toBeGreaterThan(3);
    expect(ours.diagnostics.map(fixed)).toEqual(theirs.diagnostics.map(fixed));
  });
});

interface RdjsonPosition {
  line: number;
  column: number;
}

interface Rdjson {
  location: { path: string; range: { start: RdjsonPosition; end?: RdjsonPosition } };
  severity: string;
  code: { value: string };
  suggestions?: Array<{ range: { start: RdjsonPosition; end: RdjsonPosition }; text: string }>;
}

/** Apply a reviewdog suggestion (UTF-8 byte columns, end exclusive) to a text, as reviewdog does. */
function applySuggestion(text: string, suggestion: NonNullable<Rdjson['suggestions']>[number]): string {
  const lines = text.split('\n').map((line) => Buffer.from(`${line}\n`, 'utf8'));
  const offset = (position: RdjsonPosition) => lines.slice(0, position.line - 1).reduce((sum, line) => sum + line.length, 0) + position.column - 1;
  const bytes = Buffer.concat(lines);
  return Buffer.concat([bytes.subarray(0, offset(suggestion.range.start)), Buffer.from(suggestion.text, 'utf8'), bytes.subarray(offset(suggestion.range.end))]).toString('utf8');
}
