import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as engine from '../src/index.js';

describe('@qadocs/engine public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(engine).sort()).toEqual([
      'FileTooLarge',
      'GC_HELPER_FLAGS',
      'IN_PROCESS_LIMITS',
      'LOW_MEMORY_FLAGS',
      'LintCache',
      'POOL_FLAGS',
      'TimeLimitExceeded',
      'applyGcPolicy',
      'byteLengthOfLines',
      'cacheLineFile',
      'cachedReportEntry',
      'createBatchedWriter',
      'createDocumentProcessor',
      'createDocumentRunner',
      'decodeCacheLine',
      'documentOutline',
      'encodeCacheLine',
      'gcPolicyFlags',
      'readDocument',
      'readFrontMatterIds',
      'readLines',
      'runDocuments',
      'runWithTimeLimit',
    ]);
  });

  it('exposes only its "." entry point and sits above the linter and exporter, below every front end', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown>; dependencies: Record<string, string> };
    expect(Object.keys(manifest.exports)).toEqual(['.']);
    expect(Object.keys(manifest.dependencies).filter((name) => name.startsWith('@qadocs/')).sort()).toEqual(['@qadocs/exporter', '@qadocs/linter', '@qadocs/parser', '@qadocs/schema']);
  });
});
