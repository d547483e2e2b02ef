import type cliProgress from 'cli-progress';
import { createRequire } from 'node:module';

/**
 * A progress bar with documents per second on a terminal, for runs that last over a second; nothing
 * at all when stderr is not a TTY (CI logs stay clean).
 */
export function createProgress(stream: NodeJS.WriteStream, enabled: boolean) {
  if (!enabled || !stream.isTTY) return { update: (_done: number, _total: number) => {}, stop: () => {} };
  const startedAt = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(done: number, total: number) {
      const elapsed = (Date.now() - startedAt) / 1000;
      if (!bar) {
        if (elapsed < 1 || done >= total) return;
        // Required on first use: most runs never show a bar (CI, short runs).
        const progress = createRequire(import.meta.url)('cli-progress') as typeof cliProgress;
        bar = new progress.SingleBar(
          { stream, format: 'qadocs {bar} {value}/{total} documents | {rate} docs/s | {eta_formatted} left', hideCursor: true, clearOnComplete: true },
          progress.Presets.shades_classic,
        );
        bar.start(total, done, { rate: '0' });
      }
      bar.update(done, { rate: (done / Math.max(elapsed, 0.001)).toFixed(0) });
    },
    stop() {
      bar?.stop();
    },
  };
}
