import { readFileSync, readdirSync } from 'node:fs';

/** Bytes per page of `/proc/<pid>/statm` (4 KiB on the x86-64 and arm64 Linux machines we bench on). */
const PAGE_KIB = 4;

/**
 * The summed resident memory (KiB) of every process in process group `group`, from `/proc`; null where
 * there is no `/proc` (not Linux). A command that starts another process (`qadocs build` runs
 * Pagefind's indexer beside itself) uses the memory of both at once; GNU time and `ru_maxrss` report
 * the largest single process, so this sum is what a machine must have free.
 */
export function processGroupRssKb(group) {
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  let total = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      // Fields after the command name (which may hold spaces and parentheses): state, ppid, pgrp, …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== group) continue;
      total += Number(readFileSync(`/proc/${entry}/statm`, 'latin1').split(' ')[1]) * PAGE_KIB;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

/**
 * Samples `processGroupRssKb(group)` every `intervalMs` until `stop()`, which returns the largest sum
 * seen (null without `/proc`). A sample can miss a peak shorter than the interval: the figure is a
 * lower bound of the true peak, reported beside GNU time's, never instead of it.
 */
export function sampleProcessGroupRss(group, intervalMs = 200) {
  let peak = processGroupRssKb(group);
  const timer = setInterval(() => {
    const now = processGroupRssKb(group);
    if (now != null && (peak == null || now > peak)) peak = now;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
