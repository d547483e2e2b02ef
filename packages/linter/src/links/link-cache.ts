import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { LinkCheck } from './check-links.js';

const CACHE_VERSION = 1;

const cachedCheck = z.object({
  ok: z.boolean(),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  checkedAt: z.number(),
});

const cacheFileSchema = z.object({
  version: z.literal(CACHE_VERSION),
  entries: z.record(z.string(), z.unknown()),
});

/** One cached result and when it was checked (epoch ms). */
export type CachedLinkCheck = z.infer<typeof cachedCheck>;

/**
 * The results in `file` checked less than `ttlMs` ago. A missing, unreadable or corrupt file (or
 * entry) counts as empty: the cache only saves requests, it never decides a result.
 */
export function readLinkCache(file: string, now: number, ttlMs: number): Map<string, CachedLinkCheck> {
  const fresh = new Map<string, CachedLinkCheck>();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return fresh;
  }
  const parsed = cacheFileSchema.safeParse(raw);
  if (!parsed.success) return fresh;
  for (const [url, value] of Object.entries(parsed.data.entries)) {
    const entry = cachedCheck.safeParse(value);
    if (entry.success && now - entry.data.checkedAt < ttlMs && entry.data.checkedAt <= now) fresh.set(url, entry.data);
  }
  return fresh;
}

/** Write the cache atomically (temporary file, then rename), so a crash never leaves half a file. */
export function writeLinkCache(file: string, entries: ReadonlyMap<string, CachedLinkCheck>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const body = { version: CACHE_VERSION, entries: Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b))) };
  writeFileSync(temporary, `${JSON.stringify(body, null, 2)}\n`);
  renameSync(temporary, file);
}

/** Only answers that will not change soon are worth keeping: success and client errors other than 429. */
export function isCacheable(check: LinkCheck): boolean {
  return check.ok || (check.status !== null && check.status >= 400 && check.status < 500 && check.status !== 429);
}
