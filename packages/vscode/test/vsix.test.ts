import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { startClient } from '@qadocs/language-server/testing';
import { REFERENCE_DOCUMENT } from '../../../test-support/project-paths.mjs';

const packageDir = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
const vsixFile = path.join(packageDir, 'dist', `qadocs-vscode-${manifest.version}.vsix`);

/** Every file of a zip, by its path inside the zip. */
function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Buffer>();
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('the .vsix the build packages', () => {
  it('holds a valid manifest, the extension and the bundled server, and nothing else', async () => {
    const files = await readZip(vsixFile);
    const names = [...files.keys()].sort();
    for (const required of ['extension.vsixmanifest', 'extension/package.json', 'extension/readme.md', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/worker.js', 'extension/dist/qadocs-worker.mjs', 'extension/dist/linter/package.json']) {
      expect(names).toContain(required);
    }
    expect(names.some((name) => name.includes('node_modules/') || name.startsWith('extension/src/') || name.endsWith('.vsix'))).toBe(false);
    const packaged = JSON.parse(files.get('extension/package.json')!.toString('utf8'));
    expect(packaged).toMatchObject({ name: 'qadocs-vscode', publisher: 'qadocs', main: './dist/extension.js', activationEvents: ['onLanguage:markdown'] });
    expect(packaged.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
    expect(files.has(`extension/${packaged.main.replace(/^\.\//, '')}`)).toBe(true);
    expect(packaged.contributes.commands.map((command: { command: string }) => command.command)).toEqual(['qadocs.fixAll']);
    expect(Object.keys(packaged.contributes.configuration.properties)).toEqual(expect.arrayContaining(['qadocs.enable', 'qadocs.configFile', 'qadocs.run']));
    const vsixManifest = files.get('extension.vsixmanifest')!.toString('utf8');
    expect(vsixManifest).toContain('Id="qadocs-vscode"');
    expect(vsixManifest).toContain(`Version="${manifest.version}"`);
  });

  it('runs the bundled server from the unpacked .vsix alone (no node_modules) and lints the reference document', async () => {
    const files = await readZip(vsixFile);
    const unpacked = mkdtempSync(path.join(tmpdir(), 'qadocs-vsix-'));
    tempDirs.push(unpacked);
    for (const [name, bytes] of files) {
      if (!name.startsWith('extension/')) continue;
      const target = path.join(unpacked, name);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    }
    expect(readdirSync(path.join(unpacked, 'extension'))).not.toContain('node_modules');
    const workspace = mkdtempSync(path.join(tmpdir(), 'qadocs-vsix-workspace-'));
    tempDirs.push(workspace);
    // A TypeScript config: loading it needs jiti, which must be bundled too.
    writeFileSync(path.join(workspace, 'qadocs.config.ts'), "export default { rules: { 'provenance/ai-review': 'off' } };\n");
    const client = await startClient({ cwd: workspace, command: [process.execPath, path.join(unpacked, 'extension', 'dist', 'server.js'), '--stdio'] });
    const uri = client.uriOf(path.join(workspace, 'reference.md'));
    const published = client.nextDiagnostics(uri);
    client.open(uri, readFileSync(REFERENCE_DOCUMENT, 'utf8'));
    const codes = (await published).diagnostics.map((diagnostic) => diagnostic.code);
    expect(codes).toContain('citation/malformed');
    expect(codes).not.toContain('provenance/ai-review');
    expect(await client.stop()).toBe(0);
  });
});
