/** The `-f` format given to GNU time: elapsed seconds and peak resident set size in KiB. */
export const GNU_TIME_FORMAT = '%e %M';

/**
 * Reads what `/usr/bin/time -f '%e %M' -o FILE` wrote. GNU time puts a status line before the
 * formatted line when the command failed ("Command exited with non-zero status 1",
 * "Command terminated by signal 9"), so the formatted line is the last one that matches.
 */
export function parseGnuTimeOutput(text) {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  let elapsedSeconds = null;
  let peakRssKb = null;
  for (const line of lines) {
    const match = /^(\d+(?:\.\d+)?) (\d+)$/.exec(line);
    if (match) {
      elapsedSeconds = Number(match[1]);
      peakRssKb = Number(match[2]);
    }
  }
  const signalMatch = /Command terminated by signal (\d+)/.exec(text);
  const statusMatch = /Command exited with non-zero status (\d+)/.exec(text);
  return {
    elapsedSeconds,
    peakRssKb,
    signal: signalMatch ? Number(signalMatch[1]) : null,
    exitStatus: statusMatch ? Number(statusMatch[1]) : signalMatch ? null : 0,
  };
}
