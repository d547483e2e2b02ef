import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as server from '../src/index.js';
import { DEFAULT_SERVER_SETTINGS, readServerSettings } from '../src/index.js';
import * as testing from '../src/testing/index.js';

describe('@qadocs/language-server public API', () => {
  it('exports exactly these values, and the test client from ./testing', () => {
    expect(Object.keys(server).sort()).toEqual(['DEFAULT_SERVER_SETTINGS', 'FIX_ALL_COMMAND', 'FIX_ALL_KIND', 'readServerSettings', 'serve', 'startStdioServer']);
    expect(Object.keys(testing).sort()).toEqual(['SERVER_BIN', 'applyEdit', 'startClient']);
  });

  it('packs its bin and compiled modules, and sits on the engine, not on the CLI', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(manifest.bin).toEqual({ 'qadocs-language-server': './bin/qadocs-language-server.js' });
    expect(manifest.files).toEqual(['bin', 'dist']);
    expect(Object.keys(manifest.exports)).toEqual(['.', './testing', './package.json']);
    expect(Object.keys(manifest.dependencies).filter((name: string) => name.startsWith('@qadocs/') || name === 'qadocs').sort()).toEqual(['@qadocs/engine', '@qadocs/linter', '@qadocs/schema']);
  });
});

describe('readServerSettings', () => {
  it('keeps the defaults for what is not given and names each wrong value', () => {
    expect(readServerSettings(undefined).settings).toEqual(DEFAULT_SERVER_SETTINGS);
    const { settings, problems } = readServerSettings({ run: 'always', debounceMs: -1, configFile: '', enable: false, timeoutMs: 3000, unknown: 1 });
    expect(settings).toEqual({ ...DEFAULT_SERVER_SETTINGS, enable: false, configFile: null, timeoutMs: 3000 });
    expect(problems).toEqual(['Unexpected qadocs.run "always", expected "onType" or "onSave"', 'Unexpected qadocs.debounceMs -1, expected a whole number ≥ 0']);
    expect(readServerSettings('on').problems).toEqual(['Unexpected settings "on", expected an object']);
  });
});
