// Preloaded with `node --import` when /usr/bin/time is missing (`--measure node`): on exit, writes
// this process's peak RSS (ru_maxrss, KiB, which covers its worker threads: they share the
// process) to the file named by QADOCS_BENCH_RSS_FILE. Child processes are not counted.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const reportFile = process.env.QADOCS_BENCH_RSS_FILE;
if (isMainThread && reportFile) {
  // Forked children inherit `--import`; without the variable they write nothing over our report.
  delete process.env.QADOCS_BENCH_RSS_FILE;
  process.on('exit', () => {
    writeFileSync(reportFile, JSON.stringify({ peakRssKb: process.resourceUsage().maxRSS }));
  });
}
