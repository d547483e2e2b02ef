import type cliProgress from 'cli-progress';
import { createRequire } from 'node:module';
import { RemainingTimeEstimator } from './remaining-time.js';

/**
 * A progress bar with documents per second on a terminal, for runs that last over a second; nothing
 * at all when stderr is not a TTY (CI logs stay clean).
 */
export function createProgress(stream: NodeJS.WriteStream, enabled: boolean) {
  if (!enabled || !stream.isTTY) return { update: (_done: number, _total: number) => {}, stop: () => {} };
  const startedAt = Date.now();
  const remaining = new RemainingTimeEstimator(startedAt);
  let bar: cliProgress.SingleBar | null = null;
  let progress: typeof cliProgress | null = null;
  return {
    update(done: number, total: number) {
      const now = Date.now();
      remaining.update(done, total, now);
      const elapsed = (now - startedAt) / 1000;
      if (!bar) {
        if (elapsed < 1 || done >= total) return;
        // Required on first use: most runs never show a bar (CI, short runs).
        progress = createRequire(import.meta.url)('cli-progress') as typeof cliProgress;
        // `{left}`, not cli-progress's `{eta}`: see RemainingTimeEstimator for why it is smoothed.
        bar = new progress.SingleBar(
          { stream, format: 'qadocs {bar} {value}/{total} documents | {rate} docs/s | {left} left', hideCursor: true, clearOnComplete: true },
          progress.Presets.shades_classic,
        );
        bar.start(total, done, { rate: '0', left: '…' });
      }
      const seconds = remaining.secondsLeft();
      const left = seconds === null ? '…' : progress!.Format.TimeFormat(Math.ceil(seconds), { autopaddingChar: ' ' }, 5);
      bar.update(done, { rate: (done / Math.max(elapsed, 0.001)).toFixed(0), left });
    },
    stop() {
      bar?.stop();
    },
  };
}
