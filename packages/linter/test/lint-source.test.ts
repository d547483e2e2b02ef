import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config/resolve-config.js';
import { explainRule, explainRuleSections, UnknownRuleError } from '../src/explain-rule.js';
import { fixText, lintSource } from '../src/lint-source.js';
import { testRules } from './test-rules.js';
import { rules } from '../src/rules/index.js';

const root = path.resolve('/project/content');

describe('lintSource', () => {
  it('parses with the content root and lints with the rules the config gives that file', () => {
    const config = resolveConfig({ overrides: [{ files: 'drafts/**', rules: { 'test/todo': 'off' } }] }, { rules: testRules, baseDirectory: '/project' });
    const source = 'What is left to do?\n\nTODO: write the answer.\n';
    const linted = lintSource(source, { filePath: '/project/content/how-to/a.md', config });
    expect(linted.parsed.record.path).toBe('how-to/a.md');
    expect(linted.result.filePath).toBe(path.resolve('/project/content/how-to/a.md'));
    expect(linted.result.messages.map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.ruleId}`)).toEqual(['3:1 test/todo']);
    expect(linted.result).toMatchObject({ errorCount: 0, warningCount: 1, fixableWarningCount: 1 });
    expect(lintSource(source, { filePath: '/project/content/drafts/a.md', config }).result.messages).toEqual([]);
    // An explicit root wins over the config's content root.
    expect(lintSource(source, { filePath: '/project/content/drafts/a.md', root: '/project', config }).parsed.record.path).toBe('content/drafts/a.md');
  });

  it('hands the parser the provenance settings and the size limit of the config', () => {
    const source = 'When was this answered?\n\nIn the autumn.\n\nSource: Conversation with Copilot, 10/11/2024\n';
    const dmy = resolveConfig({ provenance: { dateOrder: 'dmy' } }, { rules: testRules });
    expect(lintSource(source, { filePath: 'a.md', root, config: dmy }).parsed.record.provenance).toMatchObject({ kind: 'ai-assistant', tool: 'Copilot', date: '2024-11-10' });
    const mdy = resolveConfig({ provenance: { dateOrder: 'mdy' } }, { rules: testRules });
    expect(lintSource(source, { filePath: 'a.md', root, config: mdy }).parsed.record.provenance?.date).toBe('2024-10-11');
    const small = resolveConfig({ maxFileSize: 10 }, { rules: testRules });
    const tooLarge = lintSource(source, { filePath: 'a.md', root, config: small });
    expect(tooLarge.parsed.fatal).toBe(true);
    expect(tooLarge.result.messages.map((diagnostic) => diagnostic.ruleId)).toEqual(['input/too-large']);
    expect(tooLarge.result).toMatchObject({ errorCount: 1, fatalErrorCount: 1 });
  });

  it('runs the registered rules by default', () => {
    const config = resolveConfig({});
    const source = '---\ntitle: Footnotes\n---\nWhat is a footnote?\n\nA note at the bottom of a page[^1].\n';
    const { result } = lintSource(source, { filePath: 'how-to/a.md', root: '.', config });
    expect(result.messages.find((diagnostic) => diagnostic.ruleId === 'citation/undefined')).toMatchObject({ line: 6, column: 31, severity: 2 });
  });
});

describe('fixText', () => {
  const config = resolveConfig({ rules: { 'test/done': 'off' } }, { rules: testRules });

  it('fixes in passes with the same config and returns the result after fixing', () => {
    const fixed = fixText('What is left?\n\nTODO and TODO.\n', { filePath: '/project/content/a.md', config });
    expect(fixed.changed).toBe(true);
    expect(fixed.output).toBe('What is left?\n\nDONE and DONE.\n');
    expect(fixed.diagnostics).toEqual([]);
    expect(fixed.result).toMatchObject({ filePath: path.resolve('/project/content/a.md'), errorCount: 0, warningCount: 0, output: 'What is left?\n\nDONE and DONE.\n' });
  });

  it('decodes bytes first, BOM kept', () => {
    const bytes = new TextEncoder().encode('\uFEFFWhat is left?\n\nTODO.\n');
    const fixed = fixText(bytes, { filePath: 'a.md', root, config });
    expect(fixed.output).toBe('\uFEFFWhat is left?\n\nDONE.\n');
  });

  it('leaves a file that cannot be decoded unchanged, with its diagnostics', () => {
    const fixed = fixText(new Uint8Array([0x54, 0x4f, 0x44, 0x4f, 0xff, 0x0a]), { filePath: 'a.md', root, config });
    expect(fixed.changed).toBe(false);
    expect(fixed.result.messages.map((diagnostic) => diagnostic.ruleId)).toEqual(['input/encoding']);
    expect('output' in fixed.result).toBe(false);
  });

  it('reports nothing changed for a clean text', () => {
    const fixed = fixText('What is left?\n\nNothing.\n', { filePath: 'a.md', root, config });
    expect(fixed).toMatchObject({ changed: false, passes: 0, output: 'What is left?\n\nNothing.\n', refused: null });
  });
});

describe('explainRule', () => {
  it('returns the generated docs page of a rule', () => {
    const page = explainRule('citation/undefined');
    expect(page).toContain('# citation/undefined\n');
    expect(page).toContain('## Rationale');
    expect(page).toContain('## Examples');
  });

  it('explainRuleSections: the page from its first section on, without the generated head', () => {
    const sections = explainRuleSections('diataxis/category');
    expect(sections.startsWith('## Rationale\n')).toBe(true);
    expect(explainRule('diataxis/category').endsWith(sections)).toBe(true);
    expect(sections).not.toContain('Generated by');
    expect(sections).not.toContain('| Default severity |');
    expect(() => explainRuleSections('citation/undefind')).toThrow(UnknownRuleError);
  });

  it('throws a typed error naming an unknown rule, with the closest id', () => {
    expect(() => explainRule('citation/undefind')).toThrow(UnknownRuleError);
    expect(() => explainRule('citation/undefind')).toThrow('Unexpected rule "citation/undefind", expected a known rule id (did you mean "citation/undefined"?)');
  });

  it('counts fixable problems by problems: five pseudo-citations fixed by one shared edit are five', () => {
    const config = resolveConfig({ rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.id === 'citation/malformed' ? 'error' : 'off'])) });
    const markers = ['a', 'b', 'c', 'd', 'e'].map((name) => `Claim ${name} [1](https://example.com/${name}).`).join('\n\n');
    const source = `Which claims hold?\n\n${markers}\n`;
    const { result } = lintSource(source, { filePath: 'a.md', root, config });
    expect(result.messages.map((diagnostic) => diagnostic.ruleId)).toEqual(Array(5).fill('citation/malformed'));
    expect(result).toMatchObject({ errorCount: 5, fixableErrorCount: 5 });
    // One edit for all five, applied once.
    expect(new Set(result.messages.map((diagnostic) => JSON.stringify(diagnostic.fix))).size).toBe(1);
    const fixed = fixText(source, { filePath: 'a.md', root, config });
    expect(fixed.result.messages).toEqual([]);
    expect(fixed.output).toContain('Claim e[^5].');
  });
});
