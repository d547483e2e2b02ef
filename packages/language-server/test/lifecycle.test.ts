import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node.js';
import { startClient } from '../src/testing/index.js';
import { makeTempFolder, REFERENCE_DOCUMENT, REPOSITORY_ROOT } from './support/temp-folder.js';

const reference = readFileSync(REFERENCE_DOCUMENT, 'utf8');

describe('the server as a process', () => {
  it('keeps serving other documents while hostile ones time out or fail alone', async () => {
    const dir = makeTempFolder('hostile');
    // Far above an ordinary document's lint even on a loaded machine; micromark runs on each of these
    // for minutes (the nesting may instead overflow the worker's stack: a crash, reported the same way).
    const client = await startClient({ cwd: dir, settings: { timeoutMs: 5000 } });
    const hostile = {
      stars: '* '.repeat(6143) + 'x',
      nesting: '> '.repeat(20_000) + '['.repeat(20_000) + 'x',
    };
    const outcomes = Object.entries(hostile).map(([name, text]) => {
      const uri = client.uriOf(path.join(dir, `${name}.md`));
      const published = client.nextDiagnostics(uri);
      client.open(uri, text);
      return published;
    });
    const goodUri = client.uriOf(path.join(dir, 'good.md'));
    const good = client.nextDiagnostics(goodUri);
    client.open(goodUri, reference);
    expect((await good).diagnostics.some((diagnostic) => diagnostic.code === 'citation/malformed')).toBe(true);
    // Each hostile document gets one fatal problem of its own at 1:1, and only that: `input/timeout`
    // (its worker terminated and replaced) or, for a stack overflow, the crash of that one document.
    const [stars, nesting] = await Promise.all(outcomes);
    expect(stars!.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.severity} ${diagnostic.range.start.line}:${diagnostic.range.start.character}`)).toEqual(['input/timeout 1 0:0']);
    expect(stars!.diagnostics[0]!.message).toMatch(/5000 ms/);
    expect(nesting!.diagnostics).toHaveLength(1);
    expect(nesting!.diagnostics[0]).toMatchObject({ severity: 1, range: { start: { line: 0, character: 0 } } });
    expect(nesting!.diagnostics[0]!.message).toMatch(/5000 ms|Maximum call stack/);
    // And the server still answers after the workers that overran were replaced.
    const again = client.nextDiagnostics(goodUri, (params) => params.version === 2);
    client.change(goodUri, 2, reference + '\nOne more line.\n');
    expect((await again).diagnostics.length).toBeGreaterThan(0);
    expect(await client.stop()).toBe(0);
  });

  it('clears diagnostics on close, re-lints open documents when the config changes, and lints only on save when asked', async () => {
    const dir = makeTempFolder('config');
    const client = await startClient({ cwd: dir });
    const uri = client.uriOf(path.join(dir, 'doc.md'));
    const first = client.nextDiagnostics(uri);
    client.open(uri, reference);
    expect((await first).diagnostics.some((diagnostic) => diagnostic.code === 'citation/malformed')).toBe(true);

    const configFile = path.join(dir, 'qadocs.config.json');
    writeFileSync(configFile, JSON.stringify({ rules: { 'citation/malformed': 'off' } }));
    const relinted = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uriOf(configFile), type: FileChangeType.Created }] });
    const quiet = (await relinted).diagnostics;
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.some((diagnostic) => diagnostic.code === 'citation/malformed')).toBe(false);

    // A bad config is reported and the last good one stays in force.
    writeFileSync(configFile, JSON.stringify({ rules: { 'citation/malformed': 'loud' } }));
    const stillQuiet = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uriOf(configFile), type: FileChangeType.Changed }] });
    expect((await stillQuiet).diagnostics.some((diagnostic) => diagnostic.code === 'citation/malformed')).toBe(false);
    expect(client.messages.join('\n')).toMatch(/qadocs: .*loud/);

    const cleared = client.nextDiagnostics(uri);
    client.close(uri);
    expect((await cleared).diagnostics).toEqual([]);
    expect(await client.stop()).toBe(0);
  });

  it('lints on save only when `run` is onSave', async () => {
    const dir = makeTempFolder('on-save');
    const client = await startClient({ cwd: dir, settings: { run: 'onSave' } });
    const uri = client.uriOf(path.join(dir, 'doc.md'));
    const opened = client.nextDiagnostics(uri);
    client.open(uri, reference);
    expect((await opened).version).toBe(1);
    const published: number[] = [];
    const onSave = client.nextDiagnostics(uri, (params) => {
      published.push(params.version!);
      return params.version === 2;
    });
    client.change(uri, 2, reference + '\nTyped.\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // No lint of the typed text (version 2) before the save; a late publish of the opened version is not one.
    expect(published.filter((version) => version === 2)).toEqual([]);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    expect((await onSave).version).toBe(2);
    expect(await client.stop()).toBe(0);
  });

  it('runs as `qadocs lsp --stdio`, the CLI command editors can start', async () => {
    const dir = makeTempFolder('cli');
    const cli = path.join(REPOSITORY_ROOT, 'packages', 'cli', 'bin', 'qadocs.js');
    const client = await startClient({ cwd: dir, command: [process.execPath, cli, 'lsp', '--stdio'] });
    expect(client.initializeResult.serverInfo?.name).toBe('qadocs-language-server');
    const uri = client.uriOf(path.join(dir, 'doc.md'));
    const published = client.nextDiagnostics(uri);
    client.open(uri, reference);
    expect((await published).diagnostics.map((diagnostic) => diagnostic.code)).toContain('citation/malformed');
    expect(await client.stop()).toBe(0);
  });
});
