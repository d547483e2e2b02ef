import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile } from 'json-schema-to-typescript';
import { FetchingJSONSchemaStore, InputData, JSONSchemaInput, quicktype } from 'quicktype-core';
import { describe, expect, it } from 'vitest';

// Types generated from the PUBLISHED files (generated/*.schema.json), the way a consumer in another
// toolchain would make them: every `$defs` entry must come out as its own named type.
const published = (name: string) => JSON.parse(readFileSync(new URL(`../generated/${name}`, import.meta.url), 'utf8')) as { $defs: Record<string, unknown> };
const SCHEMAS = [
  { file: 'qa-document.schema.json', root: 'QaDocument' },
  { file: 'index.schema.json', root: 'Manifest' },
  { file: 'chunk.schema.json', root: 'Chunk' },
];
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Names of the types a TypeScript source declares. */
const declaredTypes = (source: string) => [...source.matchAll(/^export (?:interface|type|enum) (\w+)/gm)].map((match) => match[1]!);

async function withQuicktype(schema: unknown, root: string): Promise<string> {
  const input = new JSONSchemaInput(new FetchingJSONSchemaStore());
  await input.addSource({ name: root, schema: JSON.stringify(schema) });
  const inputData = new InputData();
  inputData.addInput(input);
  const result = await quicktype({ inputData, lang: 'typescript', rendererOptions: { 'just-types': 'true' } });
  return result.lines.join('\n');
}

const CONSUMER = `
import type { QaDocument } from './qa-document.js';
import type { Manifest } from './index-manifest.js';
import type { Chunk } from './chunk.js';
import { readFileSync } from 'node:fs';

declare const manifestText: string;
const manifest = JSON.parse(manifestText) as Manifest;
for (const entry of manifest.documents) {
  const record = JSON.parse(readFileSync(entry.recordPath, 'utf8')) as QaDocument;
  const predicted: string | null = record.classification ? record.classification.predicted ?? null : null;
  const sectionCitations: string[] = record.entries.flatMap((e) => e.answer.sections.flatMap((s) => s.citations));
  const firstLine: number | undefined = record.entries[0]?.position.start.line;
  const urls: Array<string | null> = record.citations.map((c) => c.url);
  const total: number = entry.entryCount + entry.citationCount;
  console.log(predicted, sectionCitations, firstLine, urls, total, record.provenance?.kind);
}
declare const line: string;
const chunk = JSON.parse(line) as Chunk;
const sources: string[] = chunk.citations.map((c) => c.url ?? c.label);
console.log(chunk.anchor, chunk.headingPath.join(' > '), sources);
`;

function compileStrict(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qadocs-types-'));
  for (const [name, source] of Object.entries(files)) writeFileSync(path.join(dir, name), source);
  writeFileSync(path.join(dir, 'node.d.ts'), "declare module 'node:fs' { export function readFileSync(path: string, encoding: 'utf8'): string; }\ndeclare const console: { log(...values: unknown[]): void };\n");
  try {
    const compilerOptions = { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022'], types: [] };
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: [...Object.keys(files), 'node.d.ts'] }));
    return execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc --strict failed:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`);
  }
}

describe('types generated from the published JSON Schemas', () => {
  it.each(SCHEMAS)('json-schema-to-typescript names every definition of $file', async ({ file, root }) => {
    const schema = published(file);
    const source = await compile(schema as never, root, { bannerComment: '', additionalProperties: false });
    const names = declaredTypes(source);
    expect(names.sort()).toEqual(Object.keys(schema.$defs).sort());
    expect(names).toContain(root);
    expect(names.filter((name) => /^_|Schema\d|\d$/.test(name))).toEqual([]);
  });

  it.each(SCHEMAS)('quicktype names every definition of $file', async ({ file, root }) => {
    const schema = published(file);
    const names = declaredTypes(await withQuicktype(schema, root));
    // quicktype spells acronyms its own way (QaDocument -> QADocument, SchemaId -> SchemaID).
    const normalize = (name: string) => name.toLowerCase();
    expect(names.map(normalize).sort()).toEqual(Object.keys(schema.$defs).map(normalize).sort());
    expect(names.filter((name) => /^_|Schema\d|\d$/.test(name))).toEqual([]);
  });

  it('a consumer of the json-schema-to-typescript types compiles with tsc --strict', async () => {
    const files: Record<string, string> = {};
    for (const { file, root } of SCHEMAS) {
      const name = file === 'index.schema.json' ? 'index-manifest.ts' : file.replace('.schema.json', '.ts');
      files[name] = await compile(published(file) as never, root, { bannerComment: '', additionalProperties: false });
    }
    expect(() => compileStrict({ ...files, 'consumer.ts': CONSUMER })).not.toThrow();
    // And the check is real: a consumer that misreads a field does not compile.
    expect(() => compileStrict({ ...files, 'consumer.ts': CONSUMER.replace('entry.entryCount', 'entry.entries') })).toThrow(/entries/);
  });

  it('a consumer of the quicktype types compiles with tsc --strict', async () => {
    const files: Record<string, string> = {};
    for (const { file, root } of SCHEMAS) {
      const name = file === 'index.schema.json' ? 'index-manifest.ts' : file.replace('.schema.json', '.ts');
      files[name] = (await withQuicktype(published(file), root)).replace(/\bQADocument\b/g, 'QaDocument');
    }
    expect(() => compileStrict({ ...files, 'consumer.ts': CONSUMER })).not.toThrow();
  });
});
