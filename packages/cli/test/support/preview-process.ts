import type { ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { spawnQadocs } from './run-qadocs.js';

/** A running `qadocs preview` (or `qadocs lint --watch`) and what it printed so far. */
export interface LongRunningQadocs {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves once stdout (or stderr) holds text matching `pattern`; rejects when the process ends first or after `ms`. */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr', ms?: number): Promise<RegExpMatchArray>;
  /** Send a signal and wait for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Start a `qadocs` command that runs until stopped. Stop it in the test (or its afterAll). */
export function startQadocs(args: readonly string[], cwd: string): LongRunningQadocs {
  const child = spawnQadocs(args, { cwd });
  child.stdin!.end();
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    changed();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    changed();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  let ended = false;
  void exited.then(() => {
    ended = true;
    changed();
  });
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor(pattern, stream = 'stdout', ms = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = (stream === 'stdout' ? stdout : stderr).match(pattern);
          if (match) return finish(() => resolve(match));
          if (ended) finish(() => reject(new Error(`qadocs ended before printing ${pattern}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`)));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`no ${pattern} after ${ms} ms\n--- stdout\n${stdout}\n--- stderr\n${stderr}`))), ms);
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    async stop(signal = 'SIGINT') {
      if (!ended) child.kill(signal);
      return exited;
    },
  };
}

/** Start `qadocs preview --port 0 …` and wait for the URL it prints. */
export async function startPreview(args: readonly string[], cwd: string): Promise<LongRunningQadocs & { url: string }> {
  const preview = startQadocs(['preview', '--port', '0', ...args], cwd);
  const [, url] = await preview.waitFor(/qadocs preview: (http:\/\/\S+\/) /);
  return Object.assign(preview, { url: url! });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One GET with the path sent exactly as written (fetch and browsers normalise `/../x` to `/x` before
 * sending it; an attacker's client does not).
 */
export function rawGet(origin: string, rawPath: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname.replace(/^\[|\]$/g, ''), port, path: rawPath, method: 'GET', headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The preview's event stream: the site versions it announces, as they arrive. */
export function openEvents(origin: string): { versions: string[]; next(after: number, ms?: number): Promise<string>; close(): void } {
  const versions: string[] = [];
  const waiters = new Set<() => void>();
  const { hostname, port } = new URL(origin);
  const req = request({ host: hostname, port, path: '/__qadocs/events', agent: false }, (response) => {
    let buffer = '';
    response.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(event);
        if (/^event: version$/m.test(event) && data) versions.push(data[1]!);
      }
      waiters.forEach((waiter) => waiter());
    });
  });
  req.on('error', () => {});
  req.end();
  return {
    versions,
    next(after, ms = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (versions.length > after) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(versions[after]!);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no site version #${after + 1} after ${ms} ms (had ${versions.join(', ')})`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    close: () => req.destroy(),
  };
}
