/**
 * The interleaved (round-robin) order of timed runs: run 1 of every command, then run 2 of every
 * command, and so on, so that drift in machine load (other processes, thermal state) spreads over
 * all commands instead of penalising whichever ran last.
 */
export function interleavedSchedule(commandIds, runs) {
  const schedule = [];
  for (let round = 1; round <= runs; round++) {
    for (const commandId of commandIds) schedule.push({ round, commandId });
  }
  return schedule;
}
