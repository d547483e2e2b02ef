/**
 * The time left in a run, from the rate over a sliding window of the recent past. Results come in path
 * order, so they arrive in bursts: a slow file (or a busy machine) holds back the ones after it, then
 * they all arrive at once. An estimate from the last few results, as cli-progress's ETA buffer makes
 * it, swings with each burst and stall; on a 1,000-file run it said 15 s, then 25 min, then 2 s. Over
 * a window of at least 20 s (and half of the run so far, so long runs hold steadier), bursts and
 * stalls average out, while a real change of pace shows within the window.
 */
export class RemainingTimeEstimator {
  /** `[time ms, done]` points, oldest first, the first at or before the window's start. */
  private readonly points: Array<[number, number]>;
  private done = 0;
  private total = 0;
  private now: number;

  /**
   * @param startedAt when the run started (ms, on the clock `update` is given)
   * @param minWindowMs the shortest window the rate is measured over
   * @param pointSpacingMs updates closer together than this share one point (memory stays small)
   */
  constructor(
    private readonly startedAt: number,
    private readonly minWindowMs = 20_000,
    private readonly pointSpacingMs = 100,
  ) {
    this.points = [[startedAt, 0]];
    this.now = startedAt;
  }

  /** `done` of `total` documents are finished at time `now` (ms). */
  update(done: number, total: number, now: number): void {
    this.done = done;
    this.total = total;
    this.now = now;
    const last = this.points[this.points.length - 1]!;
    if (now - last[0] < this.pointSpacingMs && this.points.length > 1) last[1] = done;
    else this.points.push([now, done]);
    // Keep one point at or before the window's start; drop the older ones.
    const windowStart = now - this.windowMs();
    while (this.points.length > 2 && this.points[1]![0] <= windowStart) this.points.shift();
  }

  /** Seconds left at the rate over the window; null until a document is done. */
  secondsLeft(): number | null {
    const [fromTime, fromDone] = this.points[0]!;
    const elapsed = this.now - fromTime;
    const rate = elapsed > 0 ? (this.done - fromDone) / elapsed : 0;
    if (rate <= 0) return null;
    return Math.max(0, this.total - this.done) / rate / 1000;
  }

  private windowMs(): number {
    return Math.max(this.minWindowMs, (this.now - this.startedAt) / 2);
  }
}
