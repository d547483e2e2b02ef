import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CATEGORIES, type Category } from '@qadocs/schema';
import { parseFile, type ParsedDocument } from '@qadocs/parser';
import { classifyDocument } from './classify-document.js';

/**
 * How each label vocabulary of the corpus (`labels.tsv`, columns path, label_source, raw_label) maps
 * onto the four Diátaxis categories. Labels not listed have no clean Diátaxis counterpart and are
 * left out of the agreement (they are counted, by label, in the report).
 *
 * - `ms.topic` (Microsoft Learn; also its `docfx.json` default): `how-to` -> how-to; `tutorial` and
 *   `quickstart` -> tutorial (a quickstart is a short lesson that walks a newcomer to a first success:
 *   "In this quickstart, you create…"); `reference`, `generated-reference` -> reference;
 *   `concept-article`, `conceptual`, `overview` -> explanation. Left out: `include` (fragments),
 *   `faq`, `troubleshooting*`, `sample`, `release-notes`, `whats-new`, `get-started`,
 *   `best-practice`, `install-set-up-deploy`, `article` (generic or mixed page types).
 * - `diataxis_content_type` (Giant Swarm): `how-to-guide` -> how-to; the other three by name.
 * - `content_type` (Kuma): `how-to`, `tutorial`, `reference`, `explanation` by name.
 * - `folder` (Canonical Operator, JupyterHub): `howto` -> how-to; `tutorial`, `reference`,
 *   `explanation` by name. Left out: `faq`, `faqs`.
 * - `type` (`newsletter`): left out.
 */
export const LABEL_CATEGORIES: Readonly<Record<string, Readonly<Record<string, Category>>>> = {
  'ms.topic': {
    'how-to': 'how-to',
    tutorial: 'tutorial',
    quickstart: 'tutorial',
    reference: 'reference',
    'generated-reference': 'reference',
    'concept-article': 'explanation',
    conceptual: 'explanation',
    overview: 'explanation',
  },
  diataxis_content_type: { 'how-to-guide': 'how-to', tutorial: 'tutorial', reference: 'reference', explanation: 'explanation' },
  content_type: { 'how-to': 'how-to', tutorial: 'tutorial', reference: 'reference', explanation: 'explanation' },
  folder: { howto: 'how-to', tutorial: 'tutorial', reference: 'reference', explanation: 'explanation' },
  type: {},
};

/** The vocabulary a `label_source` value belongs to: `frontmatter:ms.topic` and `docfx.json:globalMetadata.ms.topic` -> `ms.topic`. */
export function labelVocabulary(labelSource: string): string {
  if (labelSource === 'folder') return 'folder';
  const key = labelSource.replace(/^frontmatter:/, '').replace(/^docfx\.json:globalMetadata\./, '');
  return key;
}

/** The category an author's label stands for, or null when it has no clean Diátaxis counterpart. */
export function categoryOfLabel(labelSource: string, rawLabel: string): Category | null {
  return LABEL_CATEGORIES[labelVocabulary(labelSource)]?.[rawLabel.trim().toLowerCase()] ?? null;
}

/**
 * Which half of the corpus a file is in: the first byte of the SHA-256 of its corpus-relative path,
 * even = the half the signal weights were tuned on, odd = the half kept for checking.
 */
export function corpusHalf(relativePath: string): 'tuning' | 'check' {
  return createHash('sha256').update(relativePath).digest()[0]! % 2 === 0 ? 'tuning' : 'check';
}

/** Agreement numbers for one set of documents. */
export interface AgreementReport {
  documents: number;
  agreed: number;
  /** agreed / documents (a null prediction counts as disagreement). */
  agreement: number;
  /** Rows: the authors' category; columns: the prediction (`none` = null). */
  confusion: Record<Category, Record<Category | 'none', number>>;
  recall: Record<Category, number>;
  precision: Record<Category, number>;
  unclassified: number;
}

/** The whole evaluation: everything, both halves, each source, and what was left out. */
export interface CorpusEvaluation {
  corpus: string;
  labelled: number;
  overall: AgreementReport;
  halves: { tuning: AgreementReport; check: AgreementReport };
  bySource: Record<string, { documents: number; agreed: number; agreement: number }>;
  /** Confidence band -> how often a prediction in that band agrees, over all files and on the held-out half. */
  calibration: { overall: CalibrationBand[]; check: CalibrationBand[] };
  leftOut: { count: number; byLabel: Record<string, number> };
  disagreements: Array<{ path: string; label: string; expected: Category; predicted: Category | null; confidence: number | null; evidence: string[] }>;
}

/** One classified document: what the authors said and what the classifier said. */
export interface Outcome {
  path: string;
  source: string;
  expected: Category;
  predicted: Category | null;
  /** The classifier's confidence in `predicted` (null when `predicted` is null). */
  confidence?: number | null;
}

/** How often the predictions whose confidence falls in `[from, to)` agree (the last band includes 1). */
export interface CalibrationBand {
  from: number;
  to: number;
  documents: number;
  agreed: number;
  /** agreed / documents (0 for an empty band). */
  agreement: number;
}

/** The confidence bands of the calibration table: wide where predictions are few, 0.1 wide above 0.5. */
export const CALIBRATION_BANDS: readonly (readonly [number, number])[] = [
  [0, 0.5],
  [0.5, 0.6],
  [0.6, 0.7],
  [0.7, 0.8],
  [0.8, 0.9],
  [0.9, 1],
];

/** The calibration table of a set of outcomes: per confidence band, how often the prediction agrees. Null predictions are left out. */
export function calibrationOf(outcomes: readonly Outcome[]): CalibrationBand[] {
  return CALIBRATION_BANDS.map(([from, to]) => {
    const inBand = outcomes.filter((outcome) => outcome.predicted !== null && typeof outcome.confidence === 'number' && outcome.confidence >= from && (outcome.confidence < to || (to === 1 && outcome.confidence <= 1)));
    const agreed = inBand.filter((outcome) => outcome.predicted === outcome.expected).length;
    return { from, to, documents: inBand.length, agreed, agreement: ratio(agreed, inBand.length) };
  });
}

/** One labelled corpus file whose label maps onto a category, parsed. */
export interface LabelledDocument {
  /** Corpus-relative path. */
  path: string;
  /** `<subfolder>/<source>`: the repository the file comes from. */
  source: string;
  label: string;
  expected: Category;
  parsed: ParsedDocument;
}

/** The rows of `labels.tsv` in a corpus folder: `[path, label_source, raw_label]`. */
export function readLabels(corpus: string): string[][] {
  const labelsFile = path.join(corpus, 'labels.tsv');
  if (!existsSync(labelsFile)) throw new Error(`Unexpected corpus folder \`${corpus}\` without labels.tsv, expected \`${labelsFile}\``);
  return readFileSync(labelsFile, 'utf8').split(/\r?\n/).slice(1).filter((line) => line.trim() !== '').map((line) => line.split('\t'));
}

/** The source a corpus path belongs to: its first two folders (`mslearn/terminal`). */
export function corpusSource(relativePath: string): string {
  return relativePath.split('/').slice(0, 2).join('/');
}

/**
 * Parse every corpus file whose label maps onto a category, one at a time (the evaluation and
 * `scripts/fit-classifier.mjs` both read the corpus through this). Labels without a category are
 * passed to `onLeftOut`.
 */
export async function* readLabelledCorpus(corpus: string, onLeftOut: (key: string) => void = () => {}): AsyncGenerator<LabelledDocument> {
  for (const [relativePath = '', labelSource = '', rawLabel = ''] of readLabels(corpus)) {
    const expected = categoryOfLabel(labelSource, rawLabel);
    if (expected === null) {
      onLeftOut(`${labelVocabulary(labelSource)}:${rawLabel}`);
      continue;
    }
    const parsed = await parseFile(path.join(corpus, relativePath), { root: corpus });
    yield { path: relativePath, source: corpusSource(relativePath), label: rawLabel, expected, parsed };
  }
}

/** Read `labels.tsv` of a corpus folder, classify every file whose label maps to a category, and compare. */
export async function evaluateOnCorpus(corpus: string): Promise<CorpusEvaluation> {
  const labelled = readLabels(corpus).length;
  const outcomes: Outcome[] = [];
  const leftOut: Record<string, number> = {};
  const disagreements: CorpusEvaluation['disagreements'] = [];
  const countLeftOut = (key: string) => {
    leftOut[key] = (leftOut[key] ?? 0) + 1;
  };
  for await (const document of readLabelledCorpus(corpus, countLeftOut)) {
    const classification = classifyDocument(document.parsed);
    const { path: relativePath, source, expected, label } = document;
    outcomes.push({ path: relativePath, source, expected, predicted: classification.predicted, confidence: classification.confidence });
    if (classification.predicted !== expected) {
      disagreements.push({ path: relativePath, label, expected, predicted: classification.predicted, confidence: classification.confidence, evidence: classification.evidence });
    }
  }
  const bySource: CorpusEvaluation['bySource'] = {};
  for (const outcome of outcomes) {
    const entry = (bySource[outcome.source] ??= { documents: 0, agreed: 0, agreement: 0 });
    entry.documents++;
    if (outcome.predicted === outcome.expected) entry.agreed++;
  }
  for (const entry of Object.values(bySource)) entry.agreement = ratio(entry.agreed, entry.documents);
  return {
    corpus,
    labelled,
    overall: agreementOf(outcomes),
    halves: {
      tuning: agreementOf(outcomes.filter((outcome) => corpusHalf(outcome.path) === 'tuning')),
      check: agreementOf(outcomes.filter((outcome) => corpusHalf(outcome.path) === 'check')),
    },
    bySource,
    calibration: { overall: calibrationOf(outcomes), check: calibrationOf(outcomes.filter((outcome) => corpusHalf(outcome.path) === 'check')) },
    leftOut: { count: Object.values(leftOut).reduce((sum, count) => sum + count, 0), byLabel: leftOut },
    disagreements,
  };
}

/** Confusion matrix, recall, precision and agreement of a set of outcomes. */
export function agreementOf(outcomes: readonly Outcome[]): AgreementReport {
  const confusion = Object.fromEntries(CATEGORIES.map((row) => [row, Object.fromEntries([...CATEGORIES, 'none'].map((column) => [column, 0]))])) as AgreementReport['confusion'];
  for (const outcome of outcomes) confusion[outcome.expected][outcome.predicted ?? 'none']++;
  const agreed = CATEGORIES.reduce((sum, category) => sum + confusion[category][category], 0);
  const recall = {} as Record<Category, number>;
  const precision = {} as Record<Category, number>;
  for (const category of CATEGORIES) {
    const labelled = Object.values(confusion[category]).reduce((sum, count) => sum + count, 0);
    const predicted = CATEGORIES.reduce((sum, row) => sum + confusion[row][category], 0);
    recall[category] = ratio(confusion[category][category], labelled);
    precision[category] = ratio(confusion[category][category], predicted);
  }
  return {
    documents: outcomes.length,
    agreed,
    agreement: ratio(agreed, outcomes.length),
    confusion,
    recall,
    precision,
    unclassified: outcomes.filter((outcome) => outcome.predicted === null).length,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}
