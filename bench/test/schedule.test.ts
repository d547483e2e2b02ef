import { describe, expect, it } from 'vitest';
import { interleavedSchedule } from '../src/schedule.mjs';

describe('interleavedSchedule', () => {
  it('runs every command once per round, round after round', () => {
    expect(interleavedSchedule(['qadocs-lint', 'markdownlint-cli2', 'floor-2'], 2)).toEqual([
      { round: 1, commandId: 'qadocs-lint' },
      { round: 1, commandId: 'markdownlint-cli2' },
      { round: 1, commandId: 'floor-2' },
      { round: 2, commandId: 'qadocs-lint' },
      { round: 2, commandId: 'markdownlint-cli2' },
      { round: 2, commandId: 'floor-2' },
    ]);
  });

  it('never runs one command twice in a row when there are several', () => {
    const schedule = interleavedSchedule(['a', 'b', 'c'], 5);
    expect(schedule).toHaveLength(15);
    for (let i = 1; i < schedule.length; i++) expect(schedule[i]!.commandId).not.toBe(schedule[i - 1]!.commandId);
  });

  it('is empty without commands', () => {
    expect(interleavedSchedule([], 3)).toEqual([]);
  });
});
