import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as parser from '../src/index.js';

describe('@qadocs/parser public surface', () => {
  it('exposes exactly these names', () => {
    expect(Object.keys(parser).sort()).toEqual([
      'DEFAULT_ASSISTANTS',
      'DEFAULT_MAX_BYTES',
      'FILE_START',
      'SourceLocation',
      'domainOf',
      'findProvenanceDate',
      'footnoteLabels',
      'indexTree',
      'isFurtherReadingHeading',
      'isImperativeHeading',
      'isImperativeSentence',
      'isStackOverflow',
      'isoDate',
      'nodeText',
      'parseDocument',
      'parseFile',
      'parseTimeoutDiagnostic',
      'positionOf',
      'readDocumentIdentity',
      'splitLabel',
      'splitSentences',
      'tooComplexDiagnostic',
      'tooLargeDiagnostic',
      'unparsableDocument',
    ]);
  });

  it('exposes only "." and depends on no qadocs package but the schema', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown>; dependencies: Record<string, string> };
    expect(Object.keys(manifest.exports)).toEqual(['.']);
    expect(Object.keys(manifest.dependencies).filter((name) => name.startsWith('@qadocs/'))).toEqual(['@qadocs/schema']);
    expect(Object.keys(manifest.dependencies)).not.toContain('remark-footnotes');
  });
});
