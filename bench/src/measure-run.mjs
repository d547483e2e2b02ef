import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GNU_TIME_FORMAT, parseGnuTimeOutput } from './time-output.mjs';
import { sampleProcessGroupRss } from './tree-rss.mjs';

/** GNU time, used for peak RSS when present (Debian package `time`). */
export const GNU_TIME_PATH = '/usr/bin/time';

/** `gnu-time` when /usr/bin/time exists, else `node` (a preload reporting the process's own rusage). */
export function defaultMeasure() {
  return existsSync(GNU_TIME_PATH) ? 'gnu-time' : 'node';
}

let currentChild = null;

/** Ends the run in progress (its whole process group), e.g. when the benchmark is interrupted. */
export function stopCurrentRun() {
  if (currentChild?.exitCode === null && currentChild.signalCode === null) {
    try {
      process.kill(-currentChild.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

const RSS_REPORTER = pathToFileURL(join(import.meta.dirname, 'rss-reporter.mjs')).href;

/**
 * Runs `node <script> <args>` once in `cwd` with stdout and stderr sent to files under `workDir`
 * and returns its wall time (measured here around the whole child), peak RSS in KiB (the larger of
 * its largest process's and its process group's sampled sum, both also returned), exit code and
 * signal. `outputs` (files or folders the command writes) are removed first, so a stale one
 * never passes for this run's. `ok` means it exited with one of `okExitCodes` (linters exit 1 on
 * findings) and `validate(run)`, when given, found nothing wrong: Node also exits 1 on an uncaught
 * exception, so a finished linter is told from a crashed one by what it wrote.
 */
export function measureRun({ script, args, cwd, okExitCodes, env, outputs = [], validate }, { measure, workDir, name, timeoutSeconds }) {
  for (const output of outputs) rmSync(output, { recursive: true, force: true });
  const stdoutPath = join(workDir, `${name}.stdout`);
  const stderrPath = join(workDir, `${name}.stderr`);
  const timePath = join(workDir, `${name}.time`);
  const rssPath = join(workDir, `${name}.rss.json`);
  rmSync(timePath, { force: true });
  rmSync(rssPath, { force: true });
  const nodeArgs = measure === 'node' ? ['--import', RSS_REPORTER, script, ...args] : [script, ...args];
  const [file, argv] = measure === 'gnu-time'
    ? [GNU_TIME_PATH, ['-f', GNU_TIME_FORMAT, '-o', timePath, process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const stdoutFd = openSync(stdoutPath, 'w');
  const stderrFd = openSync(stderrPath, 'w');
  return new Promise((resolve) => {
    const started = performance.now();
    let timedOut = false;
    let finished = false;
    const child = spawn(file, argv, {
      cwd,
      env: { ...process.env, ...env, ...(measure === 'node' ? { QADOCS_BENCH_RSS_FILE: rssPath } : {}) },
      stdio: ['ignore', stdoutFd, stderrFd],
      detached: true, // its own process group, so a timeout can end the command and its children
    });
    currentChild = child;
    // Its own process group (detached): the sum over the group counts processes it starts.
    const groupRss = child.pid === undefined ? null : sampleProcessGroupRss(child.pid);
    const timer = setTimeout(() => {
      timedOut = true;
      stopCurrentRun();
    }, timeoutSeconds * 1000);
    const finish = (exitCode, signal, spawnError) => {
      if (finished) return;
      finished = true;
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      closeSync(stdoutFd);
      closeSync(stderrFd);
      const groupPeakRssKb = groupRss?.stop() ?? null;
      let peakRssKb = null;
      let exitSignal = signal;
      if (measure === 'gnu-time' && existsSync(timePath)) {
        const timed = parseGnuTimeOutput(readFileSync(timePath, 'utf8'));
        peakRssKb = timed.peakRssKb;
        if (timed.signal != null) exitSignal = timed.signal;
      } else if (measure === 'node' && existsSync(rssPath)) {
        peakRssKb = JSON.parse(readFileSync(rssPath, 'utf8')).peakRssKb;
      }
      // The command's peak: its largest process (GNU time, rusage) or, when larger, its processes
      // together (sampled), so memory moved into a child process is still counted.
      const processPeakRssKb = peakRssKb;
      if (groupPeakRssKb != null && (peakRssKb == null || groupPeakRssKb > peakRssKb)) peakRssKb = groupPeakRssKb;
      const run = { wallMs, peakRssKb, processPeakRssKb, groupPeakRssKb, exitCode, signal: exitSignal, ok: false, error: null, stdoutPath, stderrPath };
      if (spawnError) run.error = `could not start: ${spawnError.message}`;
      else if (timedOut) run.error = `timed out after ${timeoutSeconds} s`;
      else if (exitSignal != null) run.error = `killed by signal ${exitSignal}`;
      else if (!okExitCodes.includes(exitCode)) run.error = `exit code ${exitCode} (expected ${okExitCodes.join(' or ')})`;
      else run.error = validate?.(run) ?? null;
      run.ok = run.error === null;
      if (run.error && !spawnError) run.error += `; stderr: ${tail(stderrPath)}`;
      resolve(run);
    };
    child.on('error', (spawnError) => finish(null, null, spawnError));
    child.on('exit', (code, signal) => finish(code, signal));
  });
}

function tail(path, characters = 600) {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return text.length > characters ? `…${text.slice(-characters)}` : text || '(empty)';
  } catch {
    return '(unreadable)';
  }
}
