import { describe, expect, it } from 'vitest';
import { parseDocument } from '@qadocs/parser';
import { resolveConfig } from '../src/config/resolve-config.js';
import { DEFAULT_SETTINGS } from '../src/config/settings.js';
import { lintParsedWithSuppressed } from '../src/engine/lint-parsed.js';
import { fixText, lintSource } from '../src/lint-source.js';
import { defineRule } from '../src/rule.js';
import { toEslintJson } from '../src/reporters/json.js';
import { doneRule, testRules, todoRule } from './test-rules.js';

// ESLint's LintResult carries `source`, `suppressedMessages` and `usedDeprecatedRules`; ours does too (issue 14).

const deprecatedTodo = defineRule({ ...todoRule, id: 'test/old-todo', deprecated: { replacedBy: ['test/todo'] } });

describe('the engine keeps what inline directives turned off', () => {
  it('returns the suppressed diagnostics apart, sorted, and the others as lintParsed does', () => {
    const source = ['TODO one', '', '<!-- qadocs-disable test/todo -->', '', 'TODO two DONE', '', '<!-- qadocs-enable test/todo -->', '', '<!-- qadocs-disable-next-line -->', 'TODO three'].join('\n');
    const parsed = parseDocument(source, { path: 'doc.md', root: '.' });
    const { diagnostics, suppressed } = lintParsedWithSuppressed(parsed, [todoRule, doneRule].map((rule) => ({ rule, severity: rule.severity, options: rule.options.parse({}) })), DEFAULT_SETTINGS);
    expect(diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.ruleId}`)).toEqual(['1:test/todo', '5:test/done']);
    expect(suppressed.map((diagnostic) => `${diagnostic.line}:${diagnostic.ruleId}`)).toEqual(['5:test/todo', '10:test/todo']);
  });
});

describe('lintSource fills the ESLint fields', () => {
  const config = resolveConfig({}, { rules: [...testRules, deprecatedTodo] });

  it('gives source for a file with problems, suppressed messages with their directive, and the deprecated rules that were on', () => {
    const source = 'What is done?\n\nTODO here.\n\n<!-- qadocs-disable-next-line test/done -->\nDONE there.\n';
    const { result } = lintSource(source, { filePath: '/project/content/a.md', config });
    expect(result.source).toBe(source);
    expect(result.messages.map((message) => message.ruleId)).toEqual(['test/old-todo', 'test/todo']);
    expect(result.suppressedMessages!.map((message) => `${message.line}:${message.ruleId}`)).toEqual(['6:test/done']);
    expect(result.usedDeprecatedRules).toEqual([{ ruleId: 'test/old-todo', replacedBy: ['test/todo'] }]);
    const [json] = toEslintJson([result]);
    expect(json!.source).toBe(source);
    expect(json!.suppressedMessages).toEqual([
      { ruleId: 'test/done', severity: 2, message: 'Unexpected `DONE`', line: 6, column: 1, messageId: 'done', endLine: 6, endColumn: 5, suppressions: [{ kind: 'directive', justification: '' }] },
    ]);
    expect(json!.usedDeprecatedRules).toEqual([{ ruleId: 'test/old-todo', replacedBy: ['test/todo'] }]);
    expect(Object.keys(json!)).toEqual(['filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'source', 'usedDeprecatedRules']);
  });

  it('leaves source out of a clean file, as ESLint does', () => {
    const clean = resolveConfig({ rules: { 'test/done': 'off' } }, { rules: testRules });
    const { result } = lintSource('What is clean?\n\nNothing to see.\n', { filePath: '/project/content/a.md', config: clean });
    expect(result.messages).toEqual([]);
    expect('source' in result).toBe(false);
    expect(toEslintJson([result])[0]).toMatchObject({ suppressedMessages: [], usedDeprecatedRules: [] });
    expect('source' in toEslintJson([result])[0]!).toBe(false);
  });

  it('gives output and no source once fixes changed the text, and source when nothing could be fixed', () => {
    const fixable = resolveConfig({ rules: { 'test/done': 'off' } }, { rules: testRules });
    const fixed = fixText('What is left?\n\nTODO and TODO.\n', { filePath: '/project/content/a.md', config: fixable });
    expect(fixed.result.output).toBe('What is left?\n\nDONE and DONE.\n');
    expect('source' in fixed.result).toBe(false);
    const unfixable = resolveConfig({}, { rules: testRules });
    const same = fixText('What is done?\n\nDONE.\n', { filePath: '/project/content/a.md', config: unfixable });
    expect(same.changed).toBe(false);
    expect(same.result.source).toBe('What is done?\n\nDONE.\n');
  });
});
