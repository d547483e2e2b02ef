import { describe, expect, it } from 'vitest';
import { formatPreviewReloadReport, readVersionEvents } from '../src/preview-reload.mjs';

describe('the preview measurement', () => {
  it('reads the site versions of complete events only, keeping the unfinished rest', () => {
    const first = readVersionEvents('retry: 500\nevent: version\ndata: abc-1\n\nevent: version\ndata: abc-2\n\nevent: vers');
    expect(first).toEqual({ versions: ['abc-1', 'abc-2'], rest: 'event: vers' });
    expect(readVersionEvents(`${first.rest}ion\ndata: abc-3\n\n: comment\n\n`)).toEqual({ versions: ['abc-3'], rest: '' });
  });

  it('reports the median and max save-to-reload time as information', () => {
    const report = formatPreviewReloadReport({ command: 'node packages/cli/bin/qadocs.js preview --port 0', saves: 3, latencies: [120, 180.25, 400], medianMs: 180.25, maxMs: 400 });
    expect(report).toContain('save → reloaded page, 3 saves');
    expect(report).toMatch(/reference document, beside content\/\s+180\.3 ms\s+400\.0 ms\s+information/);
  });
});
