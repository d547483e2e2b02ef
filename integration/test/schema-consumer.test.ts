import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../test-support/project-paths.mjs';

// A consumer as the README describes one: an empty folder, the packed @qadocs/schema installed from
// its tarball (and zod from the registry, as npm would), a strict TypeScript program that reads an
// export with loadExport(). Nothing else of qadocs is installed there.

const tsc = createRequire(path.join(REPOSITORY_ROOT, 'package.json')).resolve('typescript/bin/tsc');

const CONSUMER = `import { loadExport, type Chunk, type QaDocument } from '@qadocs/schema';
import schema from '@qadocs/schema/qa-document.schema.json' with { type: 'json' };
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const dir = process.argv[2]!;
const { manifest, documents, exportedSchemaVersion } = await loadExport(dir);
const cited: QaDocument[] = documents.filter((document) => document.citations.length > 0);
const sections = documents.flatMap((document) => document.entries.flatMap((entry) => entry.answer.sections));
const predicted = documents.filter((document) => document.classification?.predicted === document.category).length;
const counts = manifest.documents.reduce((sum, entry) => sum + entry.entryCount, 0);
const chunks: Chunk[] = (await readFile(path.join(dir, 'json', 'chunks.ndjson'), 'utf8')).split('\\n').filter(Boolean).map((line) => JSON.parse(line) as Chunk);
console.log(JSON.stringify({ version: exportedSchemaVersion, schemaId: (schema as { $id: string }).$id, documents: documents.length, cited: cited.length, sections: sections.length, predicted, entries: counts, chunks: chunks.length }));
`;

describe('@qadocs/schema installed from its packed tarball into an empty folder', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'qadocs-consumer-'));
  const exportDir = path.join(scratch, 'export');
  const consumer = path.join(scratch, 'consumer');

  beforeAll(() => {
    execFileSync('pnpm', ['pack', '--pack-destination', scratch], { cwd: path.join(REPOSITORY_ROOT, 'packages/schema'), stdio: 'pipe' });
    const tarball = readdirSync(scratch).find((file) => file.endsWith('.tgz'))!;
    execFileSync('mkdir', ['-p', consumer]);
    writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(scratch, tarball)], { cwd: consumer, stdio: 'pipe' });
    execFileSync(process.execPath, [path.join(REPOSITORY_ROOT, 'packages/cli/bin/qadocs.js'), 'export', 'content', '--out', exportDir, '--format', 'json,chunks'], { cwd: REPOSITORY_ROOT, stdio: 'pipe' });
  }, 300_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('installs with zod as its only dependency', () => {
    expect(readdirSync(path.join(consumer, 'node_modules')).filter((name) => !name.startsWith('.')).sort()).toEqual(['@qadocs', 'zod']);
  });

  it('a consumer of loadExport() type-checks with tsc --strict and reads the export', () => {
    writeFileSync(path.join(consumer, 'consumer.ts'), CONSUMER);
    const compilerOptions = { strict: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', resolveJsonModule: true, outDir: 'out', skipLibCheck: false, types: [] };
    writeFileSync(path.join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts', 'node.d.ts'] }));
    // Node's own types are not installed in the empty folder: the few the program uses, declared.
    writeFileSync(
      path.join(consumer, 'node.d.ts'),
      "declare module 'node:fs/promises' { export function readFile(path: string, encoding: 'utf8'): Promise<string>; }\ndeclare module 'node:path' { const path: { join(...parts: string[]): string }; export default path; }\ndeclare const process: { argv: string[] };\n",
    );
    try {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8' });
    } catch (error) {
      throw new Error(`tsc --strict failed:\n${(error as { stdout?: string }).stdout ?? ''}`);
    }
    const printed = JSON.parse(execFileSync(process.execPath, [path.join(consumer, 'out/consumer.js'), exportDir], { encoding: 'utf8' })) as Record<string, number | string>;
    expect(printed.version).toBe(2);
    expect(printed.schemaId).toBe('https://qadocs.dev/schema/v2/qa-document.schema.json');
    expect(printed.documents).toBeGreaterThanOrEqual(15);
    expect(printed.cited).toBeGreaterThan(0);
    expect(printed.entries).toBeGreaterThanOrEqual(printed.documents as number);
    expect(printed.chunks).toBeGreaterThan(printed.documents as number);
  }, 300_000);

  it('the same consumer does not compile when it misreads the record', () => {
    writeFileSync(path.join(consumer, 'consumer.ts'), CONSUMER.replace('entry.entryCount', 'entry.entries'));
    let diagnostics = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      diagnostics = (error as { stdout?: string }).stdout ?? '';
    }
    expect(diagnostics).toMatch(/consumer\.ts.*Property 'entries' does not exist on type 'ManifestEntry'|consumer\.ts.*'entries' does not exist/);
  }, 300_000);
});
