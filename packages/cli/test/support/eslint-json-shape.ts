import { expect } from 'vitest';

/** What ESLint's JSON formatter prints: one result per file. */
export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  output?: string;
  [key: string]: unknown;
}

export interface EslintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: { range: [number, number]; text: string };
  [key: string]: unknown;
}

// Every key ESLint's own `LintResult` and `LintMessage` may carry: nothing else is allowed.
const RESULT_KEYS = ['filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'usedDeprecatedRules', 'output', 'source'];
const MESSAGE_KEYS = ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fix', 'messageId', 'fatal', 'nodeType', 'suggestions'];

/** Assert that `report` (the parsed stdout of `--format json`) is exactly ESLint's shape, counts included. */
export function expectEslintJson(report: unknown): asserts report is EslintResult[] {
  expect(Array.isArray(report)).toBe(true);
  for (const result of report as EslintResult[]) {
    for (const key of Object.keys(result)) expect(RESULT_KEYS, `unexpected result key ${key}`).toContain(key);
    expect(typeof result.filePath).toBe('string');
    expect(result.filePath.startsWith('/'), `filePath ${result.filePath} is absolute`).toBe(true);
    expect(Array.isArray(result.messages)).toBe(true);
    for (const message of result.messages) {
      for (const key of Object.keys(message)) expect(MESSAGE_KEYS, `unexpected message key ${key}`).toContain(key);
      expect(typeof message.ruleId === 'string' || message.ruleId === null).toBe(true);
      expect([1, 2]).toContain(message.severity);
      expect(typeof message.message).toBe('string');
      expect(message.message.length).toBeGreaterThan(0);
      for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
        expect(Number.isInteger(message[key]), `${key} of ${message.ruleId} is an integer`).toBe(true);
        expect(message[key]).toBeGreaterThanOrEqual(1);
      }
      expect(message.endLine! > message.line || (message.endLine === message.line && message.endColumn! >= message.column)).toBe(true);
      if (message.fix !== undefined) {
        expect(Object.keys(message.fix).sort()).toEqual(['range', 'text']);
        expect(message.fix.range).toHaveLength(2);
        expect(Number.isInteger(message.fix.range[0]) && Number.isInteger(message.fix.range[1])).toBe(true);
        expect(message.fix.range[0]).toBeLessThanOrEqual(message.fix.range[1]);
        expect(typeof message.fix.text).toBe('string');
      }
    }
    const errors = result.messages.filter((message) => message.severity === 2);
    const warnings = result.messages.filter((message) => message.severity === 1);
    expect(result.errorCount).toBe(errors.length);
    expect(result.warningCount).toBe(warnings.length);
    expect(result.fixableErrorCount).toBe(errors.filter((message) => message.fix).length);
    expect(result.fixableWarningCount).toBe(warnings.filter((message) => message.fix).length);
  }
}
