import { describe, expect, it } from 'vitest';
import { parseGnuTimeOutput } from '../src/time-output.mjs';

describe('parseGnuTimeOutput', () => {
  it('reads elapsed seconds and peak RSS of a clean run', () => {
    expect(parseGnuTimeOutput('12.34 356120\n')).toEqual({ elapsedSeconds: 12.34, peakRssKb: 356120, signal: null, exitStatus: 0 });
  });

  it('skips the status line GNU time writes first when the command exited non-zero', () => {
    expect(parseGnuTimeOutput('Command exited with non-zero status 1\n171.92 933888\n')).toEqual({
      elapsedSeconds: 171.92,
      peakRssKb: 933888,
      signal: null,
      exitStatus: 1,
    });
  });

  it('reports the signal that ended the command', () => {
    expect(parseGnuTimeOutput('Command terminated by signal 9\n0.00 1524\n')).toEqual({ elapsedSeconds: 0, peakRssKb: 1524, signal: 9, exitStatus: null });
  });

  it('gives nulls when there is no formatted line', () => {
    const parsed = parseGnuTimeOutput('/usr/bin/time: cannot run node: No such file or directory\n');
    expect(parsed.elapsedSeconds).toBeNull();
    expect(parsed.peakRssKb).toBeNull();
  });

  it('accepts Windows line endings', () => {
    expect(parseGnuTimeOutput('0.52 81234\r\n').peakRssKb).toBe(81234);
  });
});
