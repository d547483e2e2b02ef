import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '@qadocs/schema';
import { realCorpusFolder } from '../../../test-support/project-paths.mjs';
import { categoryOfLabel, corpusHalf, evaluateOnCorpus } from '../src/classifier/corpus-evaluation.js';

const corpus = realCorpusFolder('the classifier\'s evaluation on the labelled corpus') ?? '';
const corpusMissing = corpus === '' || !existsSync(path.join(corpus, 'labels.tsv'));
if (corpus !== '' && corpusMissing) console.warn(`skipped: the classifier's evaluation (no labels.tsv in ${corpus})`);

/*
 * Floors of what the classifier reaches on the labelled corpus (SPEC §3.5; run
 * `pnpm --filter @qadocs/linter eval:classifier` for the full report, and
 * `node scripts/fit-classifier.mjs` for how the weights were fitted and the leave-one-source-out
 * check). The goal was ≥ 85 % overall with no category under 70 % recall; it is NOT reached: 80.5 %
 * overall (83.5 % on the tuning half the weights were fitted on, 77.4 % on the held-out half), every
 * category ≥ 76 % recall overall and ≥ 70 % on the held-out half. Many disagreements are pages whose
 * label and content differ (Microsoft Learn `concept-article` pages that are procedures, `how-to`
 * pages that are support matrices or settings lists, `reference` folders of discussions), which a
 * content classifier should not learn to imitate. These floors guard against regressions; raise them
 * when the classifier improves, never lower them to pass.
 */
const OVERALL_FLOOR = 0.8;
const RECALL_FLOOR = 0.76;
const HELD_OUT_FLOOR = 0.77;
const HELD_OUT_RECALL_FLOOR = 0.7;
/** Agreement of the predictions in the 0.9–1 confidence band (target 0.95: 95.4 % overall; not reached on the held-out half, 93.5 %). */
const CALIBRATED_TOP_BAND_FLOOR = 0.95;
const CALIBRATED_TOP_BAND_HELD_OUT_FLOOR = 0.93;

describe('label mapping', () => {
  it('maps each label vocabulary onto the four categories and leaves the rest out', () => {
    expect(categoryOfLabel('frontmatter:ms.topic', 'how-to')).toBe('how-to');
    expect(categoryOfLabel('frontmatter:ms.topic', 'quickstart')).toBe('tutorial');
    expect(categoryOfLabel('frontmatter:ms.topic', 'concept-article')).toBe('explanation');
    expect(categoryOfLabel('frontmatter:ms.topic', 'overview')).toBe('explanation');
    expect(categoryOfLabel('frontmatter:ms.topic', 'generated-reference')).toBe('reference');
    expect(categoryOfLabel('docfx.json:globalMetadata.ms.topic', 'article')).toBeNull();
    expect(categoryOfLabel('frontmatter:ms.topic', 'include')).toBeNull();
    expect(categoryOfLabel('frontmatter:diataxis_content_type', 'how-to-guide')).toBe('how-to');
    expect(categoryOfLabel('frontmatter:content_type', 'explanation')).toBe('explanation');
    expect(categoryOfLabel('folder', 'howto')).toBe('how-to');
    expect(categoryOfLabel('folder', 'faq')).toBeNull();
    expect(categoryOfLabel('frontmatter:type', 'newsletter')).toBeNull();
  });

  it('splits the corpus by path hash, the same way every time', () => {
    expect(corpusHalf('mslearn/terminal/TerminalDocs/install.md')).toBe(corpusHalf('mslearn/terminal/TerminalDocs/install.md'));
    expect(new Set(['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md'].map(corpusHalf)).size).toBe(2);
  });
});

describe('agreement with the authors’ labels', () => {
  it.skipIf(corpusMissing)(
    'reaches the recorded floors overall, per category and on the held-out half',
    async () => {
      const evaluation = await evaluateOnCorpus(corpus);
      const { overall, halves } = evaluation;
      console.log(`classifier agreement: ${(overall.agreement * 100).toFixed(1)} % of ${overall.documents} (held-out half ${(halves.check.agreement * 100).toFixed(1)} %), left out ${evaluation.leftOut.count}`);
      expect(overall.documents).toBeGreaterThan(1000);
      expect(overall.agreement).toBeGreaterThanOrEqual(OVERALL_FLOOR);
      expect(halves.check.agreement).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
      for (const category of CATEGORIES) {
        expect(overall.recall[category], `recall of ${category}`).toBeGreaterThanOrEqual(RECALL_FLOOR);
        expect(halves.check.recall[category], `held-out recall of ${category}`).toBeGreaterThanOrEqual(HELD_OUT_RECALL_FLOOR);
      }
      // Calibration: predictions the classifier is at least 0.9 confident in agree with the labels at
      // least this often, overall and on the held-out half (the labels' own error rate caps it: see
      // docs/classifier.md). Guards the fitted calibration against regressions.
      const topBand = (bands: typeof evaluation.calibration.overall) => bands.find((band) => band.from === 0.9)!;
      expect(topBand(evaluation.calibration.overall).agreement).toBeGreaterThanOrEqual(CALIBRATED_TOP_BAND_FLOOR);
      expect(topBand(evaluation.calibration.check).agreement).toBeGreaterThanOrEqual(CALIBRATED_TOP_BAND_HELD_OUT_FLOOR);
      // Nearly every page gets a category: null is for pages with nothing to read.
      expect(overall.unclassified).toBeLessThan(overall.documents * 0.01);
    },
    600_000,
  );
});
