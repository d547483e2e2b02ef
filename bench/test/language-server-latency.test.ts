import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLanguageServerReport, largeDocument, LATENCY_LIMIT_MS } from '../src/language-server-latency.mjs';
import { REFERENCE_DOCUMENT } from '../../test-support/project-paths.mjs';

describe('the language server measurement', () => {
  it('builds a document of at least 50 KB whose every footnote reference is defined', () => {
    const text = largeDocument(readFileSync(REFERENCE_DOCUMENT, 'utf8'));
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(50 * 1024);
    expect(Buffer.byteLength(text)).toBeLessThan(56 * 1024);
    const labels = [...text.matchAll(/\[\^(s\d+)\](?!:)/g)].map((match) => match[1]);
    expect(labels.length).toBeGreaterThan(50);
    for (const label of labels) expect(text).toContain(`[^${label}]: `);
  });

  it('reports min, median and max, each median against the limit, the load and the memory', () => {
    const report = formatLanguageServerReport({
      command: 'node packages/cli/bin/qadocs.js lsp --stdio',
      edits: 5,
      documents: 200,
      largeBytes: 51_300,
      loadAverage: [1.5, 2.25],
      referenceCpuPerEditMs: 12.5,
      largeCpuPerEditMs: null,
      referenceMinMs: 60,
      referenceMedianMs: LATENCY_LIMIT_MS - 30,
      referenceMaxMs: 90,
      largeMinMs: 110,
      largeMedianMs: LATENCY_LIMIT_MS + 20,
      largeMaxMs: 200,
      memoryBeforeMb: 120,
      memoryAfterMb: 150.4,
      peakMemoryMb: 160,
    });
    expect(report).toMatch(/reference document\s+60\.0 ms\s+70\.0 ms\s+90\.0 ms\s+100 ms\s+PASS\s+12\.5 ms/);
    expect(report).toMatch(/50 KB document\s+110\.0 ms\s+120\.0 ms\s+200\.0 ms\s+100 ms\s+FAIL\s+—/);
    expect(report).toMatch(/load average \(1 min\) while measuring: 1\.50 → 2\.25 on \d+ cores/);
    expect(report).toContain('150 MB after 200 more');
  });
});
