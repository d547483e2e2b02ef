import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, type ParseOptions } from '@qadocs/parser';
import type { Diagnostic } from '@qadocs/schema';
import { DEFAULT_SETTINGS, type LintSettings } from '../config/settings.js';
import { lintParsed } from '../engine/lint-parsed.js';
import { fixSource } from '../engine/fix-source.js';
import type { Rule } from '../rule.js';
import { parseInWorker } from './parse-in-worker.js';

/** Per-case settings: `<case>.config.json` beside an invalid fixture (or `valid/<case>.config.json`). */
export interface FixtureConfig {
  /** Rule options, validated by the rule's schema. */
  options?: unknown;
  /** Overrides of the project settings (deep-merged one level). */
  settings?: Partial<{ [K in keyof LintSettings]: Partial<LintSettings[K]> }>;
  /** The path the document is linted as, relative to the content root (folder-sensitive rules). */
  path?: string;
  /** The parser's size limit in bytes (`input/too-large`). */
  maxBytes?: number;
  /** Parse in a worker stopped after this many milliseconds, as the CLI does (`input/timeout`). */
  timeoutMs?: number;
}

/** One suggestion as `<case>.suggestions.json` lists it: the problem's place, the description, the text once applied. */
export interface ExpectedSuggestion {
  /** `line:column` of the problem it belongs to. */
  at: string;
  desc: string;
  output: string;
}

/** The suggestions of `diagnostics`, each applied alone to `source`. */
export function suggestionOutputs(source: string, diagnostics: readonly Diagnostic[]): ExpectedSuggestion[] {
  return diagnostics.flatMap((diagnostic) =>
    (diagnostic.suggestions ?? []).map((suggestion) => ({
      at: `${diagnostic.line}:${diagnostic.column}`,
      desc: suggestion.desc,
      output: source.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + source.slice(suggestion.fix.range[1]),
    })),
  );
}

/** Format a diagnostic as a line of `<case>.expected.txt`. */
export function formatExpectedLine(diagnostic: Diagnostic): string {
  return `${diagnostic.line}:${diagnostic.column}-${diagnostic.endLine}:${diagnostic.endColumn}: ${diagnostic.reason}`;
}

/** Lint `source` with one rule, as the fixtures see it. */
export function lintWithRule(rule: Rule<any>, source: string | Uint8Array, config: FixtureConfig = {}, fallbackPath = 'fixture.md') {
  const settings = mergeSettings(config.settings);
  const options = rule.options.parse(config.options ?? {});
  const parseOptions: ParseOptions = { path: config.path ?? fallbackPath, root: '.', ...(config.maxBytes !== undefined ? { maxBytes: config.maxBytes } : {}), provenance: { assistants: settings.provenance.assistants.length ? settings.provenance.assistants : undefined, dateOrder: settings.provenance.dateOrder } };
  const parsed = config.timeoutMs !== undefined ? parseInWorker(source, parseOptions, config.timeoutMs) : parseDocument(source, parseOptions);
  return { parsed, diagnostics: lintParsed(parsed, [{ rule, severity: rule.severity, options }], settings) };
}

function mergeSettings(overrides: FixtureConfig['settings']): LintSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    const base = (DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key];
    merged[key] = typeof base === 'object' && base !== null ? { ...base, ...(value as object) } : value;
  }
  return merged as unknown as LintSettings;
}

function readConfig(file: string): FixtureConfig {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FixtureConfig) : {};
}

/**
 * The fixture test of one rule (remark-lint's `assertCheck`, markdownlint's scenarios): valid fixtures
 * report nothing; each invalid `<case>.md` reports exactly the lines of `<case>.expected.txt`; a
 * `<case>.fixed.md` exists exactly when the rule fixed something, matches the fixed text, and lints clean;
 * `<case>.suggestions.json` exists exactly when the rule suggested something, lists every suggestion
 * (ESLint's RuleTester `suggestions: [{desc, output}]`), and each one, applied alone, removes its problem.
 */
export function testRuleFixtures(rule: Rule<any>, ruleDir: string): void {
  const fixturesDir = path.join(ruleDir, 'fixtures');
  const list = (kind: 'valid' | 'invalid') =>
    existsSync(path.join(fixturesDir, kind))
      ? readdirSync(path.join(fixturesDir, kind))
          .filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md'))
          .sort()
      : [];

  describe(rule.id, () => {
    it('has at least one valid and one invalid fixture', () => {
      expect(list('valid').length).toBeGreaterThan(0);
      expect(list('invalid').length).toBeGreaterThan(0);
    });

    for (const name of list('valid')) {
      it(`valid/${name} reports nothing`, () => {
        const base = path.join(fixturesDir, 'valid', name);
        const config = readConfig(base.replace(/\.md$/, '.config.json'));
        const { diagnostics } = lintWithRule(rule, new Uint8Array(readFileSync(base)), config, `valid/${name}`);
        expect(diagnostics.map(formatExpectedLine)).toEqual([]);
      });
    }

    for (const name of list('invalid')) {
      const base = path.join(fixturesDir, 'invalid', name.replace(/\.md$/, ''));
      it(`invalid/${name} reports exactly ${path.basename(base)}.expected.txt`, () => {
        // Bytes, not text: decoding problems (`input/encoding`) are part of what fixtures test.
        const bytes = readFileSync(`${base}.md`);
        const source = bytes.toString('utf8');
        const config = readConfig(`${base}.config.json`);
        const expected = readFileSync(`${base}.expected.txt`, 'utf8').split('\n').filter((line) => line.trim() !== '');
        const { diagnostics } = lintWithRule(rule, new Uint8Array(bytes), config, `invalid/${name}`);
        expect(diagnostics.map(formatExpectedLine)).toEqual(expected);
        expect(diagnostics.every((diagnostic) => diagnostic.ruleId === rule.id)).toBe(true);

        const suggestionsFile = `${base}.suggestions.json`;
        const suggested = suggestionOutputs(source, diagnostics);
        if (suggested.length === 0) expect(existsSync(suggestionsFile), `${path.basename(suggestionsFile)} exists but the rule suggested nothing`).toBe(false);
        else {
          expect(rule.hasSuggestions).toBe(true);
          expect(existsSync(suggestionsFile), `the rule suggested something: add ${path.basename(suggestionsFile)}`).toBe(true);
          expect(suggested).toEqual(JSON.parse(readFileSync(suggestionsFile, 'utf8')));
          for (const suggestion of suggested) {
            const problem = diagnostics.find((diagnostic) => `${diagnostic.line}:${diagnostic.column}` === suggestion.at)!;
            const after = lintWithRule(rule, suggestion.output, config, `invalid/${name}`).diagnostics.map((diagnostic) => diagnostic.reason);
            expect(after, `suggestion "${suggestion.desc}" resolves its problem`).not.toContain(problem.reason);
          }
        }

        const fixed = fixSource(source, (text) => lintWithRule(rule, text, config, `invalid/${name}`));
        const fixedFile = `${base}.fixed.md`;
        if (!fixed.changed) {
          expect(existsSync(fixedFile), `${path.basename(fixedFile)} exists but the rule fixed nothing`).toBe(false);
          return;
        }
        expect(rule.fixable).toBe(true);
        expect(existsSync(fixedFile), `the rule fixed something: add ${path.basename(fixedFile)}`).toBe(true);
        expect(fixed.output).toBe(readFileSync(fixedFile, 'utf8'));
        expect(lintWithRule(rule, fixed.output, config, `invalid/${name}`).diagnostics.map(formatExpectedLine)).toEqual([]);
      });
    }
  });
}
