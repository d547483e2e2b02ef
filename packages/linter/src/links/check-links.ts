import pLimit from 'p-limit';
import { HostRateLimiter, SYSTEM_CLOCK, type Clock } from './host-rate-limiter.js';
import { isCacheable, readLinkCache, writeLinkCache, type CachedLinkCheck } from './link-cache.js';
import { retryAfterMs } from './retry-after.js';

/** The outcome of checking one URL: `ok` for a final status below 400 after redirects. */
export interface LinkCheck {
  ok: boolean;
  /** The final HTTP status; null when no answer came (refused, DNS, timeout, TLS). */
  status: number | null;
  /** Why no answer came; null when one did. */
  error: string | null;
  /**
   * True when the host could not be reached at all (DNS failure, connection refused or reset,
   * timeout): nothing is known of the page, so it is not a dead link. Typically a machine offline.
   */
  unreachable?: true;
}

/**
 * Errors that say the host was not reached, so nothing is known of the page: name resolution
 * (`ENOTFOUND`, `EAI_AGAIN`), the connection (`ECONNREFUSED`, `ECONNRESET`, unreachable networks),
 * and time limits (undici's connect timeout, and ours, reported by `describeFailure`).
 */
const UNREACHABLE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH', 'ENETDOWN', 'UND_ERR_CONNECT_TIMEOUT']);

export interface CheckLinksOptions {
  /** JSON file of earlier results; read when fresh, rewritten after the run. */
  cacheFile?: string;
  /** How long a cached result stays fresh. Default one day. */
  cacheTtlMs?: number;
  /** Per request (each of HEAD, GET and retries). */
  timeoutMs: number;
  /** Requests in flight at once, over all hosts. */
  concurrency: number;
  /** Minimum time between two requests to the same host. */
  perHostIntervalMs: number;
  /** Defaults to the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Retries after a 429. Default 2. */
  maxRetries?: number;
  /** Longest `Retry-After` honoured; a host asking for more gets its 429 reported. Default 60 s. */
  maxRetryAfterMs?: number;
  clock?: Clock;
  userAgent?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_USER_AGENT = 'qadocs-link-check/0.1 (+https://github.com/qadocs/qadocs)';
/** Servers that do not implement HEAD say so with these; GET then tells the truth. */
const HEAD_UNSUPPORTED = new Set([405, 501]);

/**
 * Check that each absolute http(s) URL answers, HEAD first and GET when HEAD is not supported,
 * following redirects, honouring 429 `Retry-After`, spacing requests per host, and caching results.
 * Other URLs (relative, `mailto:`) are not checked and are absent from the result.
 */
export async function checkLinks(urls: Iterable<string>, options: CheckLinksOptions): Promise<Map<string, LinkCheck>> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const ttlMs = options.cacheTtlMs ?? DAY_MS;
  const cache = options.cacheFile ? readLinkCache(options.cacheFile, clock.now(), ttlMs) : new Map<string, CachedLinkCheck>();
  const limiter = new HostRateLimiter(options.perHostIntervalMs, clock);
  const limit = pLimit(Math.max(1, options.concurrency));
  const results = new Map<string, LinkCheck>();
  const pending: Array<Promise<void>> = [];
  const unique = [...new Set(urls)];

  for (const url of unique) {
    const host = httpHost(url);
    if (host === null) continue;
    const cached = cache.get(url);
    if (cached) {
      results.set(url, { ok: cached.ok, status: cached.status, error: cached.error });
      continue;
    }
    pending.push(
      limit(async () => {
        const check = await checkOne(url, host, options, limiter, clock);
        results.set(url, check);
        if (isCacheable(check)) cache.set(url, { ...check, checkedAt: clock.now() });
      }),
    );
  }
  await Promise.all(pending);
  if (options.cacheFile) writeLinkCache(options.cacheFile, cache);
  // Callers read the map in the order they gave the URLs, whatever order the answers came in.
  return new Map(unique.flatMap((url) => (results.has(url) ? [[url, results.get(url)!] as const] : [])));
}

function httpHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.host : null;
  } catch {
    return null;
  }
}

async function checkOne(url: string, host: string, options: CheckLinksOptions, limiter: HostRateLimiter, clock: Clock): Promise<LinkCheck> {
  const maxRetries = options.maxRetries ?? 2;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  try {
    for (let attempt = 0; ; attempt++) {
      await limiter.acquire(host);
      let response = await request(url, 'HEAD', options);
      if (HEAD_UNSUPPORTED.has(response.status)) {
        await limiter.acquire(host);
        response = await request(url, 'GET', options);
      }
      if (response.status === 429 && attempt < maxRetries) {
        // Without a readable Retry-After, back off by one per-host interval more each time.
        const wait = retryAfterMs(response.headers.get('retry-after'), clock.now()) ?? options.perHostIntervalMs * (attempt + 1);
        if (wait <= maxRetryAfterMs) {
          limiter.pause(host, wait);
          continue;
        }
      }
      return { ok: response.status < 400, status: response.status, error: null };
    }
  } catch (error) {
    const failure = { ok: false, status: null, error: describeFailure(error, options.timeoutMs) };
    return isUnreachable(error) ? { ...failure, unreachable: true } : failure;
  }
}

async function request(url: string, method: 'HEAD' | 'GET', options: CheckLinksOptions): Promise<Response> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const response = await fetchImpl(url, {
    method,
    redirect: 'follow',
    signal: AbortSignal.timeout(options.timeoutMs),
    headers: { 'user-agent': options.userAgent ?? DEFAULT_USER_AGENT, accept: '*/*' },
  });
  // Only the status matters: release the connection instead of downloading the page.
  await response.body?.cancel().catch(() => undefined);
  return response;
}

function isUnreachable(error: unknown): boolean {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return true;
  const code = error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' && UNREACHABLE_CODES.has(code);
}

/** `fetch failed` says nothing: name the cause (ECONNREFUSED, ENOTFOUND, redirect loop, timeout). */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
