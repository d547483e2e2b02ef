import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, CodeActionResolveRequest, ExecuteCommandRequest, type CodeAction, type Command, type Diagnostic } from 'vscode-languageserver-protocol/node.js';
import { applyEdit, startClient, type LspClient } from '../src/testing/index.js';
import { makeTempFolder, REFERENCE_DOCUMENT, REPOSITORY_ROOT } from './support/temp-folder.js';

const CLI = path.join(REPOSITORY_ROOT, 'packages', 'cli', 'bin', 'qadocs.js');
const dir = makeTempFolder('actions');
const reference = readFileSync(REFERENCE_DOCUMENT, 'utf8');

/** What `qadocs lint --fix` writes for the reference document. */
function fixedByCli(): string {
  const file = path.join(dir, 'cli-fixed.md');
  writeFileSync(file, reference);
  try {
    execFileSync(process.execPath, [CLI, 'lint', '--fix', 'cli-fixed.md'], { cwd: dir, stdio: 'pipe' });
  } catch {
    // Exit 1: problems remain that no fix can make; the file is written all the same.
  }
  return readFileSync(file, 'utf8');
}

const actionsOnly = (result: Array<CodeAction | Command> | null) => (result ?? []).filter((action): action is CodeAction => 'kind' in action || 'edit' in action);

describe('code actions', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await startClient({ cwd: dir });
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  async function openDocument(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = client.uriOf(path.join(dir, name));
    const published = client.nextDiagnostics(uri);
    client.open(uri, text);
    return { uri, diagnostics: (await published).diagnostics };
  }

  it('fixes everything as `--fix` does (source.fixAll.qadocs), with the edit when the client cannot resolve one', async () => {
    const { uri, diagnostics } = await openDocument('fix-all.md', reference);
    // Fixable diagnostics say so (the edit itself comes with the code action).
    expect(diagnostics.filter((diagnostic) => (diagnostic.data as { fixable?: boolean }).fixable).map((diagnostic) => diagnostic.code)).toContain('citation/malformed');
    const actions = actionsOnly(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } }));
    expect(actions.map((action) => action.kind)).toEqual(['source.fixAll.qadocs']);
    const fixed = applyEdit(reference, actions[0]!.edit!, uri);
    expect(fixed).toBe(fixedByCli());
    const after = client.nextDiagnostics(uri, (params) => params.version === 2);
    client.change(uri, 2, fixed);
    const remaining = (await after).diagnostics;
    expect(remaining.every((diagnostic) => !(diagnostic.data as { fixable?: boolean }).fixable)).toBe(true);
    // The fixed text lints without the problems the fixes were for.
    expect(remaining.some((diagnostic) => diagnostic.code === 'citation/malformed')).toBe(false);
  });

  it('applies fix-all through the qadocs.fixAll command', async () => {
    const { uri } = await openDocument('command.md', reference);
    expect(await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'qadocs.fixAll', arguments: [uri] })).toBe(true);
    expect(client.appliedEdits).toHaveLength(1);
    expect(applyEdit(reference, client.appliedEdits[0]!, uri)).toBe(fixedByCli());
    await expect(client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'qadocs.other', arguments: [] })).rejects.toThrow(/Unexpected command "qadocs.other"/);
  });

  it('disables a rule for one line with a directive, after which the line is quiet', async () => {
    const { uri, diagnostics } = await openDocument('disable.md', reference);
    const pseudo = diagnostics.find((diagnostic) => diagnostic.code === 'citation/malformed' && diagnostic.range.start.line === 14)!;
    const actions = actionsOnly(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: pseudo.range, context: { diagnostics: [pseudo] } }));
    const disable = actions.find((action) => action.title === 'Disable citation/malformed for this line')!;
    const text = applyEdit(reference, disable.edit!, uri);
    expect(text.split('\n')[14]).toBe('  <!-- qadocs-disable-next-line citation/malformed -->');
    const after = client.nextDiagnostics(uri, (params) => params.version === 2);
    client.change(uri, 2, text);
    const lines = (await after).diagnostics.filter((diagnostic) => diagnostic.code === 'citation/malformed').map((diagnostic) => diagnostic.range.start.line);
    expect(lines).not.toContain(15);
    expect(lines).toContain(16);
    // Never offered inside the front matter, where a comment would break the YAML.
    const frontMatterActions = actionsOnly(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 3, character: 0 } }, context: { diagnostics: [] } }));
    expect(frontMatterActions.filter((action) => action.title.startsWith('Disable'))).toEqual([]);
  });

  it('points at the right character after emoji and astral letters (UTF-16), and its quick fix edits the right text', async () => {
    const line = '- 😀 𝑥 Sharing works across tenants¹(https://learn.microsoft.com/en-us/azure/virtual-machines/azure-compute-gallery) too.';
    const text = reference.replace(/^  - \*\*Sharing\*\*.*$/m, line);
    const { uri, diagnostics } = await openDocument('emoji.md', text);
    const lineNumber = text.split('\n').indexOf(line);
    const pseudo = diagnostics.find((diagnostic) => diagnostic.code === 'citation/malformed' && diagnostic.range.start.line === lineNumber)!;
    expect(pseudo.range.start.character).toBe(line.indexOf('¹('));
    const actions = actionsOnly(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: pseudo.range, context: { diagnostics: [pseudo], only: ['quickfix'] } }));
    const fixed = applyEdit(text, actions.find((action) => action.title.startsWith('Fix:'))!.edit!, uri);
    expect(fixed.split('\n')[lineNumber]!.startsWith('- 😀 𝑥 Sharing works across tenants')).toBe(true);
    expect(fixed.split('\n')[lineNumber]).not.toContain('¹(');
  });
});

describe('code actions for a client that resolves edits', () => {
  it('sends fix-all without its edit and computes it on resolve', async () => {
    const client = await startClient({ cwd: dir, capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } } });
    const uri = client.uriOf(path.join(dir, 'resolve.md'));
    const published = client.nextDiagnostics(uri);
    client.open(uri, reference);
    await published;
    const [action] = actionsOnly(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.qadocs'] } }));
    expect(action!.edit).toBeUndefined();
    const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, action!);
    expect(applyEdit(reference, resolved.edit!, uri)).toBe(fixedByCli());
    expect(await client.stop()).toBe(0);
  });
});
