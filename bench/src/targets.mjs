import { ratio } from './statistics.mjs';

/** Peak RSS as reported by the kernel (KiB) in decimal megabytes, the unit of the 400 MB target. */
export function kibToMegabytes(kib) {
  return (kib * 1024) / 1e6;
}

/** The corpus size at which docs/performance.md and issue 5 state their targets. */
export const CONTRACT_DOCS = 10_000;

/** Commands whose runs count towards the qadocs peak-memory target. */
export const QADOCS_CORPUS_COMMANDS = ['qadocs-lint', 'qadocs-build', 'qadocs-lint-warm', 'qadocs-lint-one-changed'];

/** The `--low-memory` runs, measured beside the default ones. */
export const LOW_MEMORY_COMMANDS = ['qadocs-lint-low-memory', 'qadocs-build-low-memory'];

/**
 * The performance targets (docs/performance.md). Every figure is a median over the interleaved runs.
 * A wall-time target compares the median wall time of `numerator` with that of `denominator`. A
 * memory target compares the largest median peak RSS of `commands` with an absolute limit in MB
 * (`limitMb`) or with the median peak RSS of a rival measured in the same run (`rival`). `fromDocs`
 * is the smallest corpus at which the target is a gate; on smaller corpora (and with Infinity) it
 * is shown as information.
 */
export const TARGETS = [
  { id: 'lint-vs-floor', description: 'cold qadocs lint ≤ 1.15 × parse floor (2 workers)', kind: 'wall', numerator: 'qadocs-lint', denominator: 'floor-2', limit: 1.15, fromDocs: CONTRACT_DOCS },
  { id: 'build-vs-floor', description: 'qadocs build ≤ 1.5 × parse floor (2 workers)', kind: 'wall', numerator: 'qadocs-build', denominator: 'floor-2', limit: 1.5, fromDocs: CONTRACT_DOCS },
  { id: 'warm-vs-cold', description: 'warm --cache lint ≤ 3 % of cold lint', kind: 'wall', numerator: 'qadocs-lint-warm', denominator: 'qadocs-lint', limit: 0.03, fromDocs: CONTRACT_DOCS },
  { id: 'one-changed-vs-cold', description: 'one file changed, --cache ≤ 5 % of cold lint', kind: 'wall', numerator: 'qadocs-lint-one-changed', denominator: 'qadocs-lint', limit: 0.05, fromDocs: CONTRACT_DOCS },
  { id: 'one-file-vs-markdownlint', description: 'one-file qadocs lint ≤ 1.2 × markdownlint-cli2 on that file', kind: 'wall', numerator: 'qadocs-lint-one-file', denominator: 'markdownlint-cli2-one-file', limit: 1.2, fromDocs: 0 },
  { id: 'peak-memory', description: 'peak RSS of every default qadocs run ≤ markdownlint-cli2\'s', kind: 'rss', commands: QADOCS_CORPUS_COMMANDS, rival: 'markdownlint-cli2', fromDocs: CONTRACT_DOCS },
  { id: 'peak-memory-low-memory', description: 'peak RSS with --low-memory ≤ 500 MB', kind: 'rss', commands: LOW_MEMORY_COMMANDS, limitMb: 500, fromDocs: CONTRACT_DOCS },
  // Information: the parse floor itself is 0.6-0.7× of markdownlint-cli2 on a 2-core machine, so this
  // ratio is read against the floor's own ratio (shown beside it), not against a fixed limit.
  { id: 'lint-vs-markdownlint', description: 'cold qadocs lint / markdownlint-cli2 (information)', kind: 'wall', numerator: 'qadocs-lint', denominator: 'markdownlint-cli2', limit: 0.5, fromDocs: Infinity, context: { numerator: 'floor-2', denominator: 'markdownlint-cli2', label: 'floor' } },
  { id: 'low-memory-lint-vs-floor', description: 'qadocs lint --low-memory / parse floor (2 workers) (information)', kind: 'wall', numerator: 'qadocs-lint-low-memory', denominator: 'floor-2', limit: 1.15, fromDocs: Infinity },
];

/**
 * Evaluates every target against one corpus size's summaries (a Map of command id ->
 * { medianWallMs, medianPeakRssKb, skipped }). Status is PASS or FAIL for a contract size, `pass` or
 * `fail` (lower case: information only) below it, and SKIP when a measurement is missing.
 */
export function evaluateTargets(summaries, docs, targets = TARGETS) {
  return targets.map((target) => {
    const contract = docs >= target.fromDocs;
    const result = { id: target.id, description: target.description, kind: target.kind, contract, value: null, limit: null, status: 'SKIP', detail: '' };
    if (target.kind === 'wall') {
      result.limit = target.limit;
      const numerator = summaries.get(target.numerator);
      const denominator = summaries.get(target.denominator);
      result.value = ratio(numerator?.medianWallMs, denominator?.medianWallMs);
      result.detail = `${target.numerator} / ${target.denominator}`;
      if (target.context) {
        const context = ratio(summaries.get(target.context.numerator)?.medianWallMs, summaries.get(target.context.denominator)?.medianWallMs);
        if (context != null) result.detail += ` (${target.context.label}: ${context.toFixed(2)}×)`;
      }
    } else {
      const rivalKib = target.rival ? summaries.get(target.rival)?.medianPeakRssKb : null;
      result.limit = target.rival ? (rivalKib == null ? null : kibToMegabytes(rivalKib)) : target.limitMb;
      let largest = null;
      for (const id of target.commands) {
        const peakRssKb = summaries.get(id)?.medianPeakRssKb;
        if (peakRssKb != null && (largest == null || peakRssKb > largest.peakRssKb)) largest = { id, peakRssKb };
      }
      if (largest) {
        result.value = kibToMegabytes(largest.peakRssKb);
        result.detail = `largest: ${largest.id}${target.rival ? ` vs ${target.rival}` : ''}`;
      }
    }
    if (result.value != null && result.limit != null) {
      const passed = result.value <= result.limit;
      result.status = contract ? (passed ? 'PASS' : 'FAIL') : passed ? 'pass' : 'fail';
    }
    return result;
  });
}
