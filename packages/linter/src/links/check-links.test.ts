import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, type CheckLinksOptions } from './check-links.js';
import type { Clock } from './host-rate-limiter.js';

/** A clock whose `sleep` returns at once and moves time on, recording each wait. */
function virtualClock(start = 1_700_000_000_000): Clock & { sleeps: number[]; advance(ms: number): void } {
  let time = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    sleep: async (ms) => {
      sleeps.push(ms);
      time += ms;
    },
    advance: (ms) => {
      time += ms;
    },
  };
}

interface TestServer {
  server: Server;
  base: string;
  log: string[];
  maxInFlight: number;
}

let inFlight = 0;

/** Routes of a local site with the answers link checking has to read. */
function route(site: TestServer, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url!, site.base);
  site.log.push(`${request.method} ${url.pathname}${url.search}`);
  const hits = site.log.filter((line) => line.endsWith(` ${url.pathname}${url.search}`)).length;
  const send = (status: number, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'text/plain', ...headers });
    response.end(request.method === 'HEAD' ? undefined : `status ${status}\n`);
  };
  switch (url.pathname) {
    case '/ok':
      return send(200);
    case '/missing':
      return send(404);
    case '/server-error':
      return send(500);
    case '/head-405':
      return send(request.method === 'HEAD' ? 405 : 200);
    case '/head-501':
      return send(request.method === 'HEAD' ? 501 : 200);
    case '/moved':
      return send(301, { location: '/ok' });
    case '/moved-to-missing':
      return send(302, { location: '/missing' });
    case '/loop':
      return send(302, { location: '/loop' });
    case '/limited-once':
      return hits === 1 ? send(429, { 'retry-after': '7' }) : send(200);
    case '/always-limited':
      return send(429, { 'retry-after': '1' });
    case '/limited-for-an-hour':
      return send(429, { 'retry-after': '3600' });
    case '/hang':
      return; // never answers
    case '/slow': {
      inFlight++;
      site.maxInFlight = Math.max(site.maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        send(200);
      }, 40);
      return;
    }
    default:
      return send(404);
  }
}

async function startServer(): Promise<TestServer> {
  const site: TestServer = { server: createServer(), base: '', log: [], maxInFlight: 0 };
  site.server.on('request', (request, response) => route(site, request, response));
  await new Promise<void>((resolve) => site.server.listen(0, '127.0.0.1', resolve));
  site.base = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`;
  return site;
}

async function stopServer(site: TestServer): Promise<void> {
  site.server.closeAllConnections();
  await new Promise<void>((resolve) => site.server.close(() => resolve()));
}

let site: TestServer;
let otherSite: TestServer;
let scratch: string;

beforeAll(async () => {
  site = await startServer();
  otherSite = await startServer();
  scratch = mkdtempSync(path.join(tmpdir(), 'qadocs-links-'));
});

afterAll(async () => {
  await stopServer(site);
  await stopServer(otherSite);
  rmSync(scratch, { recursive: true, force: true });
});

afterEach(() => {
  site.log.length = 0;
  otherSite.log.length = 0;
  site.maxInFlight = 0;
});

const options = (extra: Partial<CheckLinksOptions> = {}): CheckLinksOptions => ({ timeoutMs: 2000, concurrency: 4, perHostIntervalMs: 0, clock: virtualClock(), ...extra });

describe('checkLinks', () => {
  it('reads 2xx as ok and 4xx/5xx as failed, with the status', async () => {
    const results = await checkLinks([`${site.base}/ok`, `${site.base}/missing`, `${site.base}/server-error`], options());
    expect(results.get(`${site.base}/ok`)).toEqual({ ok: true, status: 200, error: null });
    expect(results.get(`${site.base}/missing`)).toEqual({ ok: false, status: 404, error: null });
    expect(results.get(`${site.base}/server-error`)).toEqual({ ok: false, status: 500, error: null });
    expect(site.log.filter((line) => line.startsWith('GET'))).toEqual([]);
  });

  it('falls back to GET when HEAD answers 405 or 501', async () => {
    const results = await checkLinks([`${site.base}/head-405`, `${site.base}/head-501`], options({ concurrency: 1 }));
    expect(results.get(`${site.base}/head-405`)).toEqual({ ok: true, status: 200, error: null });
    expect(results.get(`${site.base}/head-501`)).toEqual({ ok: true, status: 200, error: null });
    expect(site.log).toEqual(['HEAD /head-405', 'GET /head-405', 'HEAD /head-501', 'GET /head-501']);
  });

  it('follows redirects and reports where they end', async () => {
    const results = await checkLinks([`${site.base}/moved`, `${site.base}/moved-to-missing`], options({ concurrency: 1 }));
    expect(results.get(`${site.base}/moved`)).toEqual({ ok: true, status: 200, error: null });
    expect(results.get(`${site.base}/moved-to-missing`)).toEqual({ ok: false, status: 404, error: null });
    expect(site.log).toEqual(['HEAD /moved', 'HEAD /ok', 'HEAD /moved-to-missing', 'HEAD /missing']);
  });

  it('reports a redirect loop as no answer', async () => {
    const result = (await checkLinks([`${site.base}/loop`], options())).get(`${site.base}/loop`)!;
    expect(result.ok).toBe(false);
    expect(result.status).toBeNull();
    expect(result.error).toMatch(/redirect/i);
  });

  it('waits as long as a 429 Retry-After asks, then tries again', async () => {
    const clock = virtualClock();
    const results = await checkLinks([`${site.base}/limited-once`], options({ clock }));
    expect(results.get(`${site.base}/limited-once`)).toEqual({ ok: true, status: 200, error: null });
    expect(site.log).toEqual(['HEAD /limited-once', 'HEAD /limited-once']);
    expect(clock.sleeps).toEqual([7000]);
  });

  it('gives up on 429 after the retries, and at once when Retry-After is too long', async () => {
    const clock = virtualClock();
    const results = await checkLinks([`${site.base}/always-limited`, `${site.base}/limited-for-an-hour`], options({ clock, concurrency: 1, maxRetries: 2 }));
    expect(results.get(`${site.base}/always-limited`)).toEqual({ ok: false, status: 429, error: null });
    expect(results.get(`${site.base}/limited-for-an-hour`)).toEqual({ ok: false, status: 429, error: null });
    expect(site.log.filter((line) => line.endsWith('/always-limited'))).toHaveLength(3);
    expect(site.log.filter((line) => line.endsWith('/limited-for-an-hour'))).toHaveLength(1);
  });

  it('spaces requests to one host by perHostIntervalMs, and not requests to another', async () => {
    const clock = virtualClock();
    const urls = [`${site.base}/ok?a`, `${site.base}/ok?b`, `${otherSite.base}/ok`, `${site.base}/ok?c`];
    const results = await checkLinks(urls, options({ clock, concurrency: 1, perHostIntervalMs: 100 }));
    expect([...results.keys()]).toEqual(urls);
    expect([...results.values()].every((result) => result.ok)).toBe(true);
    // a, then b 100 ms later, the other host at once, then c 100 ms after b.
    expect(clock.sleeps).toEqual([100, 100]);
    expect(otherSite.log).toEqual(['HEAD /ok']);
  });

  it('never has more than `concurrency` requests in flight', async () => {
    const urls = Array.from({ length: 6 }, (_, index) => `${site.base}/slow?${index}`);
    const results = await checkLinks(urls, options({ concurrency: 2 }));
    expect([...results.values()].every((result) => result.ok)).toBe(true);
    expect(site.maxInFlight).toBeGreaterThan(0);
    expect(site.maxInFlight).toBeLessThanOrEqual(2);
  });

  it('reports a refused connection, a timeout and an unresolvable host as no answer from an unreachable host', async () => {
    const closed = await startServer();
    await stopServer(closed);
    const unresolvable = 'http://qadocs-link-check.invalid/page';
    const results = await checkLinks([`${closed.base}/ok`, `${site.base}/hang`, unresolvable], options({ timeoutMs: 300 }));
    expect(results.get(`${closed.base}/ok`)).toEqual({ ok: false, status: null, error: 'ECONNREFUSED', unreachable: true });
    expect(results.get(`${site.base}/hang`)).toEqual({ ok: false, status: null, error: 'no answer within 300 ms', unreachable: true });
    // `.invalid` never resolves (RFC 6761): ENOTFOUND, or EAI_AGAIN where there is no resolver at all.
    expect(results.get(unresolvable)).toMatchObject({ ok: false, status: null, unreachable: true });
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(results.get(unresolvable)!.error);
  });

  it('a host that answers is reachable, whatever it answers; a redirect loop is a dead link, not an unreachable host', async () => {
    const results = await checkLinks([`${site.base}/missing`, `${site.base}/server-error`, `${site.base}/loop`], options());
    for (const result of results.values()) expect(result.unreachable).toBeUndefined();
    expect(results.get(`${site.base}/loop`)!.ok).toBe(false);
  });

  it('checks each URL once and skips URLs that are not absolute http(s)', async () => {
    const results = await checkLinks([`${site.base}/ok`, `${site.base}/ok`, 'mailto:team@example.com', '/docs/local-page', 'not a url'], options());
    expect([...results.keys()]).toEqual([`${site.base}/ok`]);
    expect(site.log).toEqual(['HEAD /ok']);
  });

  it('uses the fetch it is given', async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      calls.push(`${init?.method} ${String(input)}`);
      return new Response(null, { status: init?.method === 'HEAD' ? 405 : 204 });
    };
    const results = await checkLinks(['https://docs.example.test/page'], options({ fetch: fakeFetch }));
    expect(results.get('https://docs.example.test/page')).toEqual({ ok: true, status: 204, error: null });
    expect(calls).toEqual(['HEAD https://docs.example.test/page', 'GET https://docs.example.test/page']);
  });
});

describe('checkLinks cache', () => {
  it('answers from a fresh cache, keeps only lasting answers, and asks again after the TTL', async () => {
    const cacheFile = path.join(scratch, 'ttl', 'links.json');
    const clock = virtualClock();
    const urls = [`${site.base}/ok`, `${site.base}/missing`, `${site.base}/server-error`];
    await checkLinks(urls, options({ clock, cacheFile, cacheTtlMs: 60_000, concurrency: 1 }));
    expect(site.log).toHaveLength(3);
    const written = JSON.parse(readFileSync(cacheFile, 'utf8')) as { version: number; entries: Record<string, unknown> };
    expect(written.version).toBe(1);
    // A 5xx may be a passing outage: it is checked again next time.
    expect(Object.keys(written.entries).sort()).toEqual([`${site.base}/missing`, `${site.base}/ok`]);

    site.log.length = 0;
    clock.advance(30_000);
    const second = await checkLinks(urls, options({ clock, cacheFile, cacheTtlMs: 60_000 }));
    expect(site.log).toEqual(['HEAD /server-error']);
    expect(second.get(`${site.base}/missing`)).toEqual({ ok: false, status: 404, error: null });
    expect([...second.keys()]).toEqual(urls);

    site.log.length = 0;
    clock.advance(31_000);
    await checkLinks(urls, options({ clock, cacheFile, cacheTtlMs: 60_000, concurrency: 1 }));
    expect(site.log).toHaveLength(3);
  });

  it.each([
    ['truncated JSON', '{"version": 1, "entries": {'],
    ['another version', '{"version": 99, "entries": {}}'],
    ['not an object', '[1, 2, 3]'],
    ['bad entries', JSON.stringify({ version: 1, entries: { 'http://127.0.0.1:1/ok': { ok: 'yes' } } })],
  ])('ignores a corrupt cache file (%s) and replaces it', async (_name, content) => {
    const cacheFile = path.join(scratch, `corrupt-${_name.replace(/\W+/g, '-')}.json`);
    writeFileSync(cacheFile, content);
    const results = await checkLinks([`${site.base}/ok`], options({ cacheFile }));
    expect(results.get(`${site.base}/ok`)).toEqual({ ok: true, status: 200, error: null });
    expect(site.log).toEqual(['HEAD /ok']);
    const written = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { ok: boolean }> };
    expect(written.entries[`${site.base}/ok`]?.ok).toBe(true);
  });
});
