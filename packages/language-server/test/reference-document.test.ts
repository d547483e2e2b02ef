import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, type Diagnostic } from 'vscode-languageserver-protocol/node.js';
import { applyEdit, startClient, type LspClient } from '../src/testing/index.js';
import { makeTempFolder, REFERENCE_DOCUMENT, REPOSITORY_ROOT } from './support/temp-folder.js';

const CLI = path.join(REPOSITORY_ROOT, 'packages', 'cli', 'bin', 'qadocs.js');
const dir = makeTempFolder('reference');
const file = path.join(dir, 'reference.md');
copyFileSync(REFERENCE_DOCUMENT, file);
const text = readFileSync(file, 'utf8');

/** `qadocs lint --format json` on the same file, its 1-based positions turned into LSP's 0-based ones. */
function cliDiagnostics(): string[] {
  let output: string;
  try {
    output = execFileSync(process.execPath, [CLI, 'lint', '--format', 'json', 'reference.md'], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    // Exit 1: the document has errors, which is the point.
    output = (error as { stdout: string }).stdout;
  }
  const [result] = JSON.parse(output) as Array<{ messages: Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number }> }>;
  return result!.messages.map((message) => `${message.ruleId} ${message.line - 1}:${message.column - 1}-${message.endLine - 1}:${message.endColumn - 1}`).sort();
}

const summary = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.range.start.line}:${diagnostic.range.start.character}-${diagnostic.range.end.line}:${diagnostic.range.end.character}`).sort();

describe('the reference document over stdio', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await startClient({ cwd: dir });
  });
  afterAll(async () => {
    if (client.child.exitCode === null) await client.stop();
  });

  it('publishes the rule ids and positions `qadocs lint --format json` reports, fixes the pseudo-citation, and exits cleanly', async () => {
    expect(client.initializeResult.capabilities.codeActionProvider).toBeTruthy();
    const uri = client.uriOf(file);
    const first = client.nextDiagnostics(uri);
    client.open(uri, text);
    const published = await first;
    expect(published.version).toBe(1);
    const expected = cliDiagnostics();
    expect(expected.length).toBeGreaterThan(3);
    expect(summary(published.diagnostics)).toEqual(expected);
    for (const diagnostic of published.diagnostics) {
      expect(diagnostic.source).toBe('qadocs');
      expect(diagnostic.codeDescription?.href).toMatch(new RegExp(`/docs/rules/${String(diagnostic.code).replace('/', '-')}\\.md$`));
      expect([1, 2]).toContain(diagnostic.severity);
    }

    // The `¹(https://…)` pseudo-citation on line 15 (0-based 14).
    const pseudo = published.diagnostics.find((diagnostic) => diagnostic.code === 'citation/malformed' && diagnostic.range.start.line === 14)!;
    expect(text.split('\n')[14]!.slice(pseudo.range.start.character, pseudo.range.start.character + 2)).toBe('¹(');
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: pseudo.range, context: { diagnostics: [pseudo], only: ['quickfix'] } });
    const quickFix = actions!.find((action) => 'kind' in action && action.kind === 'quickfix' && action.title.startsWith('Fix:'));
    expect(quickFix && 'edit' in quickFix && quickFix.edit).toBeTruthy();
    const fixed = applyEdit(text, (quickFix as { edit: Parameters<typeof applyEdit>[1] }).edit, uri);
    expect(fixed).not.toBe(text);
    expect(fixed.split('\n')[14]).not.toContain('¹(');

    const second = client.nextDiagnostics(uri, (params) => params.version === 2);
    client.change(uri, 2, fixed);
    const after = await second;
    expect(after.diagnostics.some((diagnostic) => diagnostic.code === 'citation/malformed' && diagnostic.range.start.line === 14 && diagnostic.range.start.character === pseudo.range.start.character)).toBe(false);
    expect(after.diagnostics.length).toBe(published.diagnostics.length - 1);

    expect(await client.stop()).toBe(0);
  });
});
