#!/usr/bin/env node
// The author's loop with `qadocs preview`: how long from saving a document to the reloaded page. The
// preview runs as an author starts it (`qadocs preview --port 0` on the project's own content and the
// reference document); the measurement does what the page's script does on a save: wait for the event
// stream's new site version, then load the page again, and stops the clock when the page holds the
// saved text. A browser adds its own rendering of the page on top. See bench/README.md.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QADOCS_BIN } from './bench-commands.mjs';
import { REPO_ROOT } from './corpus.mjs';
import { formatTable } from './report.mjs';
import { maximum, median } from './statistics.mjs';

const REFERENCE_DOCUMENT = join(REPO_ROOT, 'test-support', 'reference-document', '000_3668c700682cea6a.txt');
const PAGE = '/explanation/reference.html';

/**
 * Split an event stream's text into complete events; returns the site versions announced and the
 * unfinished rest (an event ends with a blank line).
 */
export function readVersionEvents(buffer) {
  const versions = [];
  let rest = buffer;
  let end;
  while ((end = rest.indexOf('\n\n')) >= 0) {
    const event = rest.slice(0, end);
    rest = rest.slice(end + 2);
    const data = /^data: (.*)$/m.exec(event);
    if (/^event: version$/m.test(event) && data) versions.push(data[1]);
  }
  return { versions, rest };
}

function get(origin, path) {
  return new Promise((resolve, reject) => {
    const url = new URL(path, origin);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, agent: false }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Start `qadocs preview --port 0` in `cwd`; resolves with the child and the URL it prints. */
function startPreview(cwd) {
  const child = spawn(process.execPath, [QADOCS_BIN, 'preview', '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`qadocs preview printed no URL in 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /qadocs preview: (http:\/\/\S+\/) /.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`qadocs preview exited ${code} before printing its URL:\n${output}`)));
  });
}

/** Open the event stream; `next()` resolves with the next version announced after those seen. */
function openEvents(origin) {
  const versions = [];
  let waiter = null;
  let buffer = '';
  const url = new URL('/__qadocs/events', origin);
  const req = request({ host: url.hostname, port: url.port, path: url.pathname, agent: false }, (response) => {
    response.on('data', (chunk) => {
      const read = readVersionEvents(buffer + chunk.toString('utf8'));
      buffer = read.rest;
      versions.push(...read.versions);
      waiter?.();
    });
  });
  req.on('error', () => {});
  req.end();
  return {
    next(seen) {
      return new Promise((resolve) => {
        waiter = () => {
          if (versions.length > seen) {
            waiter = null;
            resolve(versions.length);
          }
        };
        waiter();
      });
    },
    close: () => req.destroy(),
  };
}

/** Save the reference document `saves` times (after an untimed warm-up); each time, the ms until the page shows the saved text. */
export async function measurePreviewReload({ saves = 10 } = {}) {
  const workDir = mkdtempSync(join(tmpdir(), 'qadocs-bench-preview-'));
  cpSync(join(REPO_ROOT, 'content'), join(workDir, 'content'), { recursive: true });
  const reference = readFileSync(REFERENCE_DOCUMENT, 'utf8');
  const file = join(workDir, 'content', 'explanation', 'reference.md');
  writeFileSync(file, reference);
  const { child, url } = await startPreview(workDir);
  const events = openEvents(url);
  try {
    let seen = await events.next(0);
    const middle = reference.indexOf('\n', Math.floor(reference.length / 2));
    const latencies = [];
    for (let save = 0; save <= saves; save++) {
      const word = `saved${save}x${Date.now().toString(36)}`;
      const start = process.hrtime.bigint();
      writeFileSync(file, `${reference.slice(0, middle)} ${word}${reference.slice(middle)}`);
      seen = await events.next(seen);
      const page = await get(url, PAGE);
      if (!page.includes(word)) throw new Error(`the page reloaded after save ${save} does not hold the saved text`);
      // Save 0 is the warm-up: the first render after start-up.
      if (save > 0) latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return { command: `node ${QADOCS_BIN.replace(`${REPO_ROOT}/`, '')} preview --port 0`, saves, latencies, medianMs: median(latencies), maxMs: maximum(latencies) };
  } finally {
    events.close();
    child.kill('SIGINT');
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The report: median and max, as information (no target is set for it). */
export function formatPreviewReloadReport(result) {
  const ms = (value) => (value == null ? '—' : `${value.toFixed(1)} ms`);
  return [
    `\n== preview (${result.command}): save → reloaded page, ${result.saves} saves ==\n`,
    formatTable(['document', 'median', 'max', 'status'], [['reference document, beside content/', ms(result.medianMs), ms(result.maxMs), 'information']]),
    '',
    'measured from the write to the page loaded again after the event stream announced the new version (the page script\'s steps, without a browser\'s rendering); includes the watcher\'s 50 ms quiet period',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const index = process.argv.indexOf('--saves');
  const result = await measurePreviewReload({ saves: index >= 0 ? Number(process.argv[index + 1]) : 10 });
  console.log(formatPreviewReloadReport(result));
}
