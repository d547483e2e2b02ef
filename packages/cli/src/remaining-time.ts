/**
 * The time left in a run, from a smoothed rate. Results come in path order, so they arrive in bursts:
 * a slow file holds back the ones after it, then they all arrive at once. An estimate from the last
 * few results (cli-progress's default buffer) swings with each burst and stall; observed on 1,000
 * files: 15 s, then 25 min, then 2 s. Here the rate is an exponential moving average weighted by time
 * (the load-average kind): a sample counts by how long it covers, a burst within one sampling interval
 * is one sample, and a sample's weight fades with a time constant of a few seconds.
 */
export class RemainingTimeEstimator {
  /** Docs per millisecond, smoothed; null before the first sample. */
  private rate: number | null = null;
  private sampledAt: number;
  private sampledDone = 0;
  private done = 0;
  private total = 0;

  /**
   * @param startedAt when the run started (ms, same clock as `update`)
   * @param timeConstantMs how fast old samples fade: after this long a sample weighs 1/e of a new one
   * @param sampleIntervalMs results closer together than this are counted in one sample
   */
  constructor(
    private readonly startedAt: number,
    private readonly timeConstantMs = 5_000,
    private readonly sampleIntervalMs = 250,
  ) {
    this.sampledAt = startedAt;
  }

  /** `done` of `total` documents are finished at time `now` (ms). */
  update(done: number, total: number, now: number): void {
    this.done = done;
    this.total = total;
    const elapsed = now - this.sampledAt;
    if (elapsed < this.sampleIntervalMs) return;
    const sampleRate = (done - this.sampledDone) / elapsed;
    // Early on, a sample weighs at least its share of the run so far: the first seconds give the run's
    // average rate (the EMA's start-up bias corrected), not the first sample's alone.
    const weight = Math.max(1 - Math.exp(-elapsed / this.timeConstantMs), elapsed / (now - this.startedAt));
    this.rate = this.rate === null ? sampleRate : this.rate + weight * (sampleRate - this.rate);
    this.sampledAt = now;
    this.sampledDone = done;
  }

  /** Seconds left at the smoothed rate; null until there is a rate to go by. */
  secondsLeft(): number | null {
    if (this.rate === null || this.rate <= 0) return null;
    return Math.max(0, this.total - this.done) / this.rate / 1000;
  }
}
