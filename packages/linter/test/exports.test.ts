import { describe, expect, it } from 'vitest';
import * as linter from '../src/index.js';
import * as testing from '../src/testing/index.js';

describe('public exports', () => {
  it('"." exposes exactly these names', () => {
    expect(Object.keys(linter).sort()).toEqual([
      'CONFIG_FILE_NAMES',
      'CONFIG_SCHEMA_URL',
      'ConfigError',
      'DEFAULT_CATEGORY_ALIASES',
      'DEFAULT_SETTINGS',
      'DEFAULT_TIMEOUT_MS',
      'ImportError',
      'MAX_FIX_PASSES',
      'MAX_TIMEOUT_MS',
      'PLACEHOLDER_MARKER',
      'PRESET_NAMES',
      'REPORT_FORMATS',
      'RULE_DOCS_DIRECTORY',
      'SEVERITY_NAMES',
      'UnknownFormatError',
      'UnknownRuleError',
      'applyFixes',
      'asciiJson',
      'asksNearlyTheSame',
      'categoryOfName',
      'checkLinks',
      'classificationReport',
      'classifyDocument',
      'configJsonSchema',
      'createLintDocument',
      'createLintResult',
      'defineConfig',
      'defineRule',
      'escapeControlCharacters',
      'explainRule',
      'explainRuleSections',
      'fixSource',
      'fixText',
      'formatGithub',
      'formatJson',
      'formatMarkdown',
      'formatRdjson',
      'formatResults',
      'formatSarif',
      'formatStylish',
      'importAnswer',
      'jsonReportEntry',
      'lintParsed',
      'lintParsedWithSuppressed',
      'lintSource',
      'loadConfig',
      'mergeFixes',
      'newDocumentPath',
      'normalizeLabel',
      'normalizeQuestion',
      'presetSeverity',
      'readDirectives',
      'resolveConfig',
      'ruleById',
      'ruleDocsUrl',
      'ruleFolderName',
      'ruleFriendlyName',
      'rules',
      'scaffoldDocument',
      'slugOfQuestion',
      'stamp',
      'starterConfigText',
      'titleOfQuestion',
      'toEslintJson',
      'toRdjson',
      'toSarif',
      'trimLintResult',
    ]);
  });

  it('"./testing" exposes the rule tester', () => {
    expect(Object.keys(testing).sort()).toEqual(['formatExpectedLine', 'lintWithRule', 'testRuleFixtures']);
  });

  it('package.json exposes only "." and "./testing", and ships docs and generated files', async () => {
    const { readFileSync } = await import('node:fs');
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown>; files: string[]; scripts: Record<string, string> };
    expect(Object.keys(manifest.exports)).toEqual(['.', './testing']);
    expect(manifest.files).toEqual(expect.arrayContaining(['dist', 'docs', 'generated']));
    expect(manifest.scripts.build).toBe('node scripts/generate-rules.mjs registry && tsc -p tsconfig.json && node scripts/generate-rules.mjs docs');
  });
});
