/** Time as the link checker sees it; tests pass a virtual clock so no test waits for real. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Spaces requests to one host at least `intervalMs` apart, whatever the overall concurrency. Slots are
 * taken synchronously, so concurrent callers for one host queue up instead of racing.
 */
export class HostRateLimiter {
  readonly #nextSlot = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly clock: Clock,
  ) {}

  /** Wait for this host's next free slot and take it. */
  async acquire(host: string): Promise<void> {
    const now = this.clock.now();
    const slot = Math.max(now, this.#nextSlot.get(host) ?? now);
    this.#nextSlot.set(host, slot + this.intervalMs);
    if (slot > now) await this.clock.sleep(slot - now);
  }

  /** Keep every request to `host` back for `ms` (the host said 429 with `Retry-After`). */
  pause(host: string, ms: number): void {
    const until = this.clock.now() + ms;
    this.#nextSlot.set(host, Math.max(this.#nextSlot.get(host) ?? until, until));
  }
}
