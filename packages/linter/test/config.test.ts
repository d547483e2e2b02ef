import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES } from '@qadocs/parser';
import { ConfigError } from '../src/config/config-error.js';
import { configJsonSchema, CONFIG_SCHEMA_URL } from '../src/config/config-schema.js';
import { loadConfig } from '../src/config/load-config.js';
import { DEFAULT_TIMEOUT_MS, resolveConfig } from '../src/config/resolve-config.js';
import { DEFAULT_SETTINGS } from '../src/config/settings.js';
import { starterConfigText } from '../src/config/starter-config.js';
import { rules } from '../src/rules/index.js';
import { testRules } from './test-rules.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qadocs-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const severities = (config: Awaited<ReturnType<typeof loadConfig>>, file = 'a.md') => Object.fromEntries(config.forFile(file).rules.map((configured) => [configured.rule.id, configured.severity]));

async function loadError(cwd: string, configFile?: string): Promise<ConfigError> {
  try {
    await loadConfig({ cwd, rules: testRules, ...(configFile ? { configFile } : {}) });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the recommended defaults when there is no config', async () => {
    const cwd = project({});
    const config = await loadConfig({ cwd });
    expect(config.file).toBeNull();
    expect(config.presets).toEqual(['recommended']);
    expect(config.contentRootPath).toBe(path.join(cwd, 'content'));
    expect(config.maxFileSize).toBe(DEFAULT_MAX_BYTES);
    expect(config.timeout).toBe(DEFAULT_TIMEOUT_MS);
    expect(config.settings).toEqual(DEFAULT_SETTINGS);
    expect(config.forFile('how-to/x.md').rules.map((configured) => [configured.rule.id, configured.severity])).toEqual(rules.map((rule) => [rule.id, rule.severity]));
  });

  const formats: Array<[string, string]> = [
    ['qadocs.config.json', '{ "rules": { "test/todo": "error" }, "contentRoot": "docs" }'],
    ['qadocs.config.yaml', 'rules:\n  test/todo: error\ncontentRoot: docs\n'],
    ['qadocs.config.yml', 'rules:\n  test/todo: [error, { word: TODO }]\ncontentRoot: docs\n'],
    ['qadocs.config.js', 'export default { rules: { "test/todo": "error" }, contentRoot: "docs" };\n'],
    ['qadocs.config.mjs', 'const config = { rules: { "test/todo": 2 }, contentRoot: "docs" };\nexport default config;\n'],
    ['qadocs.config.ts', 'type Severity = "off" | "warn" | "error";\nconst todo: Severity = "error";\nexport default { rules: { "test/todo": todo }, contentRoot: "docs" } satisfies { rules: Record<string, Severity>; contentRoot: string };\n'],
    ['package.json', JSON.stringify({ name: 'docs', qadocs: { rules: { 'test/todo': 'error' }, contentRoot: 'docs' } })],
  ];
  for (const [name, text] of formats) {
    it(`reads ${name}`, async () => {
      const cwd = project({ [name]: text });
      const config = await loadConfig({ cwd, rules: testRules });
      expect(config.file).toBe(path.join(cwd, name));
      expect(severities(config)).toEqual({ 'test/todo': 'error', 'test/done': 'error' });
      expect(config.contentRootPath).toBe(path.join(cwd, 'docs'));
    });
  }

  it('prefers qadocs.config.json over the other names, and any config file over package.json', async () => {
    const cwd = project({
      'qadocs.config.json': '{ "rules": { "test/todo": "off" } }',
      'qadocs.config.yaml': 'rules: { test/todo: error }',
      'package.json': '{ "qadocs": { "rules": { "test/todo": "error" } } }',
    });
    expect(severities(await loadConfig({ cwd, rules: testRules }))).toEqual({ 'test/done': 'error' });
  });

  it('ignores a package.json without a qadocs key', async () => {
    const config = await loadConfig({ cwd: project({ 'package.json': '{ "name": "x" }' }), rules: testRules });
    expect(config.file).toBeNull();
  });

  it('reads an explicit config file relative to cwd, and resolves paths against its folder', async () => {
    const cwd = project({ 'config/lint.yaml': 'contentRoot: ../pages\nrules: { test/done: warn }\n' });
    const config = await loadConfig({ cwd, configFile: 'config/lint.yaml', rules: testRules });
    expect(config.file).toBe(path.join(cwd, 'config/lint.yaml'));
    expect(config.contentRootPath).toBe(path.join(cwd, 'pages'));
    expect(severities(config)).toEqual({ 'test/todo': 'warning', 'test/done': 'warning' });
  });

  it('refuses an explicit config file that does not exist', async () => {
    const error = await loadError(project({}), 'missing.json');
    expect(error.message).toMatch(/^Unexpected config file "missing.json", no such file in /);
    expect(error.key).toBe('configFile');
  });

  it('names the file and the problem for JSON that does not parse', async () => {
    const cwd = project({ 'qadocs.config.json': '{ "rules": { "test/todo": "error", } }' });
    const error = await loadError(cwd);
    expect(error.message).toMatch(/^Unexpected JSON in qadocs\.config\.json: .+, expected a JSON object$/);
    expect(error.file).toBe(path.join(cwd, 'qadocs.config.json'));
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('names the line for YAML that does not parse, and refuses duplicate keys', async () => {
    expect((await loadError(project({ 'qadocs.config.yaml': 'rules:\n  test/todo: [error\n' }))).message).toMatch(/^Unexpected YAML in qadocs\.config\.yaml at line \d+, column \d+: .+, expected a YAML mapping$/);
    expect((await loadError(project({ 'qadocs.config.yaml': 'contentRoot: a\ncontentRoot: b\n' }))).message).toMatch(/^Unexpected YAML in qadocs\.config\.yaml at line 2, column 1: Map keys must be unique/);
  });

  it('reports a module that fails to load', async () => {
    const error = await loadError(project({ 'qadocs.config.js': 'throw new Error("nope");\n' }));
    expect(error.message).toBe('Unexpected error loading qadocs.config.js: nope, expected a module whose default export is the config object');
  });

  it('quotes the value of a bad key in package.json', async () => {
    const error = await loadError(project({ 'package.json': '{ "qadocs": { "provenance": { "dateOrder": "ymd" } } }' }));
    expect(error.message).toBe('Unexpected value "ymd" for "provenance.dateOrder" in the "qadocs" key of package.json, expected "mdy" or "dmy"');
  });
});

describe('resolveConfig', () => {
  const file = '/project/qadocs.config.json';
  const messageOf = (raw: unknown) => {
    try {
      resolveConfig(raw, { file, rules: testRules });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).message;
    }
    throw new Error('expected a ConfigError');
  };

  it('turns project settings into LintSettings', () => {
    const config = resolveConfig(
      {
        categories: { aliases: { Guide: 'how-to' }, folders: { guides: 'how-to' } },
        provenance: { assistants: ['HelperBot'], reviewKey: 'reviewer', dateOrder: 'dmy' },
        citations: { allowlist: ['learn.microsoft.com'], claimCoverage: 0.5 },
        frontmatter: { required: ['title'] },
        classifier: { threshold: 0.9 },
        maxFileSize: 1000,
        timeout: 500,
      },
      { file, rules: testRules },
    );
    const { settings } = config.forFile('x.md');
    expect(settings.categories.aliases.guide).toBe('how-to');
    expect(settings.categories.aliases.howto).toBe('how-to');
    expect(settings.categories.folders).toEqual({ guides: 'how-to' });
    expect(settings.provenance).toEqual({ assistants: ['HelperBot'], reviewKey: 'reviewer', dateOrder: 'dmy' });
    expect(settings.citations).toEqual({ allowlist: ['learn.microsoft.com'], claimCoverage: 0.5 });
    expect(settings.frontmatter.required).toEqual(['title']);
    expect(settings.classifier.threshold).toBe(0.9);
    expect(config.maxFileSize).toBe(1000);
    expect(config.timeout).toBe(500);
    expect(config.parseOptions).toEqual({ provenance: { assistants: ['HelperBot'], dateOrder: 'dmy' }, maxBytes: 1000 });
  });

  it('withSettings replaces settings and keeps the rules', () => {
    const config = resolveConfig({ rules: { 'test/done': 'off' } }, { rules: testRules });
    const links = new Map();
    const extended = config.withSettings({ links });
    expect(extended.forFile('a.md').settings.links).toBe(links);
    expect(extended.forFile('a.md').rules.map((configured) => configured.rule.id)).toEqual(['test/todo']);
    expect(config.forFile('a.md').settings.links).toBeNull();
  });

  it('validates front matter against a JSON Schema file with ajv', () => {
    const dir = project({
      'schemas/front.json': JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        required: ['owner'],
        properties: { owner: { type: 'string' }, audience: { enum: ['admins', 'developers'] }, updated: { type: 'string', format: 'date' } },
      }),
      'draft7.json': JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } }),
    });
    const validate = resolveConfig({ frontmatter: { schema: 'schemas/front.json' } }, { baseDirectory: dir, rules: testRules }).settings.frontmatter.validate!;
    expect(validate({ owner: 'docs-team', audience: 'admins', updated: '2024-10-10' })).toEqual([]);
    expect(validate({ audience: 'everyone', updated: 'yesterday' })).toEqual([
      { key: 'owner', message: "must have required property 'owner'" },
      { key: 'audience', message: 'must be equal to one of the allowed values: "admins", "developers"' },
      { key: 'updated', message: 'must match format "date"' },
    ]);
    const draft7 = resolveConfig({ frontmatter: { schema: 'draft7.json' } }, { baseDirectory: dir, rules: testRules }).settings.frontmatter.validate!;
    expect(draft7({ tags: ['a', 3] })).toEqual([{ key: 'tags.1', message: 'must be string' }]);
  });

  it('refuses a front-matter schema that is missing or not a schema', () => {
    const dir = project({ 'bad.json': '{ "type": "no-such-type" }' });
    expect(() => resolveConfig({ frontmatter: { schema: 'gone.json' } }, { baseDirectory: dir, file: path.join(dir, 'qadocs.config.json'), rules: testRules })).toThrow(
      'Unexpected value "gone.json" for "frontmatter.schema" in qadocs.config.json (no such file), expected the path of a readable JSON Schema file, relative to the config',
    );
    expect(() => resolveConfig({ frontmatter: { schema: 'bad.json' } }, { baseDirectory: dir, rules: testRules })).toThrow(/^Unexpected JSON Schema in "bad.json" for "frontmatter.schema" in the configuration: .+, expected a valid JSON Schema/);
  });

  it('accepts a zod schema for front matter in a JS/TS config', async () => {
    const { z } = await import('zod');
    const validate = resolveConfig({ frontmatter: { schema: z.object({ owner: z.string() }) } }, { rules: testRules }).settings.frontmatter.validate!;
    expect(validate({ owner: 'me' })).toEqual([]);
    expect(validate({})).toEqual([{ key: 'owner', message: 'Invalid input: expected string, received undefined' }]);
  });

  it('explains what is wrong, quoting the value', () => {
    expect(messageOf({ contentroot: 'docs' })).toBe(
      'Unexpected key "contentroot" in qadocs.config.json, expected one of "$schema", "extends", "rules", "overrides", "contentRoot", "categories", "provenance", "citations", "frontmatter", "classifier", "maxFileSize" or "timeout" (did you mean "contentRoot"?)',
    );
    expect(messageOf({ categories: { aliases: { howto: 'howto' } } })).toBe('Unexpected value "howto" for "categories.aliases.howto" in qadocs.config.json, expected "tutorial", "how-to", "reference" or "explanation"');
    expect(messageOf({ categories: { alias: {} } })).toBe('Unexpected key "alias" in "categories" in qadocs.config.json, expected one of "aliases" or "folders" (did you mean "aliases"?)');
    expect(messageOf({ extends: ['strict', 'strcit'] })).toBe('Unexpected value "strcit" for "extends[1]" in qadocs.config.json, expected "recommended" or "strict"');
    expect(messageOf({ overrides: [{ rules: {} }] })).toBe('Missing value for "overrides[0].files" in qadocs.config.json, expected a glob or a non-empty array of globs');
    expect(messageOf({ overrides: [{ files: [], rules: {} }] })).toBe('Unexpected value [] for "overrides[0].files" in qadocs.config.json, expected at least 1 item');
    expect(messageOf({ classifier: { threshold: 2 } })).toBe('Unexpected value 2 for "classifier.threshold" in qadocs.config.json, expected a number ≤ 1');
    expect(messageOf({ maxFileSize: 1.5 })).toBe('Unexpected value 1.5 for "maxFileSize" in qadocs.config.json, expected an integer');
    expect(messageOf({ citations: { allowlist: 'learn.microsoft.com' } })).toBe('Unexpected value "learn.microsoft.com" for "citations.allowlist" in qadocs.config.json, expected an array');
    expect(messageOf({ rules: { 'test/todo': ['warn', { word: 'x' }, 'extra'] } })).toBe('Unexpected value ["warn",{"word":"x"},"extra"] for rule "test/todo" in qadocs.config.json, expected a severity or [severity, options]');
    expect(messageOf({ rules: { 'test/todo': { severity: 'warn' } } })).toBe('Unexpected value {"severity":"warn"} for rule "test/todo" in qadocs.config.json, expected "off", "warn" or "error"');
    expect(messageOf({ rules: { 'test/done': ['warn', { word: 'x' }] } })).toBe('Unexpected key "word" in the options of rule "test/done" in qadocs.config.json, expected no options (this rule takes none)');
    expect(messageOf({ rules: { 'test/todo': ['warn', { wrod: 'x' }] } })).toBe('Unexpected key "wrod" in the options of rule "test/todo" in qadocs.config.json, expected one of "word" (did you mean "word"?)');
    expect(messageOf({ rules: { todo: 'warn' } })).toBe('Unexpected rule "todo" in qadocs.config.json, expected a known rule id (did you mean "test/todo"?)');
    expect(messageOf({ rules: { 'no-such-rule': 'warn' } })).toBe('Unexpected rule "no-such-rule" in qadocs.config.json, expected a known rule id (the rule ids are listed in docs/rules/README.md of @qadocs/linter)');
    expect(messageOf('rules: {}')).toBe('Unexpected value "rules: {}" for the configuration in qadocs.config.json, expected an object');
  });
});

describe('starterConfigText', () => {
  it('is plain JSON pointing at the config schema, and loads as it is', async () => {
    const text = starterConfigText();
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(parsed.$schema).toBe(CONFIG_SCHEMA_URL);
    expect(parsed.extends).toBe('recommended');
    expect(text.split('\n').filter((line) => /^\s*(\/\/|\/\*)/.test(line))).toEqual([]);
    const config = await loadConfig({ cwd: project({ 'qadocs.config.json': text }) });
    expect(config.settings).toEqual(DEFAULT_SETTINGS);
    expect(config.forFile('a.md').rules.length).toBe(rules.length);
  });

  it('is valid against the generated config JSON Schema, which rejects a bad severity', () => {
    const validate = new Ajv2020({ strict: false }).compile(configJsonSchema(rules));
    expect(validate(JSON.parse(starterConfigText({ contentRoot: 'docs' })))).toBe(true);
    const someRule = rules[0]!.id;
    expect(validate({ rules: { [someRule]: 'warn' }, overrides: [{ files: 'how-to/**', rules: { [someRule]: ['error', {}] } }] })).toBe(true);
    expect(validate({ rules: { [someRule]: 'warm' } })).toBe(false);
    expect(validate({ rules: { 'no/such-rule': 'warn' } })).toBe(false);
  });
});
