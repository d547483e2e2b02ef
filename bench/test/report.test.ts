import { describe, expect, it } from 'vitest';
import { formatMachine, formatSizeReport, spreadFlags } from '../src/report.mjs';
import { describeRuns } from '../src/statistics.mjs';

const command = (id: string, walls: number[], rssKib: number[]) => ({
  id,
  label: id,
  skipped: null,
  wall: describeRuns(walls),
  rss: describeRuns(rssKib),
  ratioToColdLint: 1,
  okRuns: walls.length,
  runs: walls.map(() => ({})),
  outcome: null,
});

describe('the bench report', () => {
  it('names the machine: cores, CPU, memory, Node version', () => {
    expect(formatMachine({ cpus: 2, cpuModel: 'Test CPU', totalMemoryBytes: 24 * 2 ** 30, node: 'v20.20.2', platform: 'linux-x64' })).toBe(
      'machine: 2 cores (Test CPU), 24 GiB, Node v20.20.2, linux-x64',
    );
  });

  it('flags a figure whose spread over the runs exceeds 10 %, and only that one', () => {
    expect(spreadFlags(command('steady', [100, 104, 98], [500, 505, 510]))).toEqual([]);
    expect(spreadFlags(command('noisy', [100, 130, 95], [500, 505, 510]))).toEqual(['wall spread 35 %']);
  });

  it('shows min / median / max per command and the flag in the table', () => {
    const text = formatSizeReport({ docs: 1000, corpusBytes: 6.5e6, runsPerCommand: 3, commands: [command('qadocs-lint', [9000, 9500, 12_000], [400_000, 410_000, 420_000])], targets: [] });
    expect(text).toContain('9.00 s / 9.50 s / 12.0 s');
    expect(text).toContain('410 MB / 420 MB / 430 MB');
    expect(text).toContain('SPREAD: wall spread 32 %');
  });
});
