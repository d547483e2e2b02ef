import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as exporter from '../src/index.js';

describe('@qadocs/exporter public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(exporter).sort()).toEqual([
      'OutputFolderError',
      'PREVIEW_CONTENT_SECURITY_POLICY',
      'PREVIEW_STYLESHEET',
      'STYLESHEET',
      'categoryNeighbours',
      'createExportWriter',
      'exportDocuments',
      'indexDocumentOf',
      'linkTargetsFrom',
      'pathDerivedLinkTargets',
      'renderDocument',
      'renderDocumentPage',
      'renderIndexPage',
      'renderProblemsPage',
      'serializeChunks',
      'serializeRecord',
      'withNeighbourNav',
    ]);
  });

  it('exposes only its "." entry point and depends on schema and parser, never the linter', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown>; dependencies: Record<string, string> };
    expect(Object.keys(manifest.exports)).toEqual(['.']);
    expect(Object.keys(manifest.dependencies).filter((name) => name.startsWith('@qadocs/'))).toEqual(['@qadocs/parser', '@qadocs/schema']);
  });
});
