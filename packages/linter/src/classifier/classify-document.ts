import { CATEGORIES, type Category } from '@qadocs/schema';
import type { ParsedDocument } from '@qadocs/parser';
import type { LintDocument } from '../lint-document.js';
import { extractDocumentFeatures, type DocumentFeatures } from './document-features.js';
import { readContentSignals, type ContentSignal } from './content-signals.js';
import { CATEGORY_BIAS, SIGNAL_WEIGHTS } from './signal-weights.js';
import { calibrateConfidence } from './confidence-calibration.js';

/** What the classifier concludes about one document, and why. */
export interface Classification {
  /** The most likely category, or null when nothing is clear (too little content, or no category stands out). */
  predicted: Category | null;
  /**
   * How often a prediction like this one is right (0..1): the top probability mapped through the
   * fitted calibration (`confidence-calibration.ts`), so that predictions at 0.9 are right about 9
   * times in 10 on pages the classifier was not fitted on. Null when `predicted` is null: there is
   * no prediction to be confident about (`scores` still holds the model's probabilities).
   */
  confidence: number | null;
  /** The signals that made `predicted` win over the runner-up category, strongest first, in plain words. */
  evidence: string[];
  /** The model's probability of each category (they add up to 1; uncalibrated, `confidence` is the calibrated top one). */
  scores: Record<Category, number>;
}

/** One line of `qadocs classify`: the declared category beside the classifier's. */
export interface ClassificationReport {
  filePath: string;
  declared: Category | null;
  predicted: Category | null;
  /** Null when `predicted` is null. */
  confidence: number | null;
  evidence: string[];
}

/** Below this probability the top category is not "clear" and `predicted` is null. */
export const MIN_CONFIDENCE = 0.3;
/** A page this short (words of prose) with no structure to read is left unclassified. */
const MIN_WORDS = 15;
/** Evidence lines kept per prediction. */
const MAX_EVIDENCE = 6;
/** A signal counts as evidence when it adds at least this much to the lead of the winning score over the runner-up. */
const MIN_CONTRIBUTION = 0.1;

/**
 * Classify a document into a Diátaxis category from its content alone: headings, question form,
 * lists, tables, code, sentence mood and vocabulary — never from labels in front matter (`category`,
 * `ms.topic`, `type` …), the file name or its folder. Deterministic and offline: a weighted sum of
 * named signals (a multinomial logistic regression, `signal-weights.ts`) turned into probabilities,
 * so every prediction comes with the signals that made it.
 */
export function classifyDocument(document: LintDocument | ParsedDocument): Classification {
  const parsed = 'parsed' in document ? document.parsed : document;
  let classification = classifications.get(parsed);
  if (!classification) classifications.set(parsed, (classification = classifyParsed(parsed)));
  return classification;
}

/**
 * Each parse's classification, computed once: `diataxis/content-fit` classifies while linting, and
 * export classifies the same parse again for the record's `classification`.
 */
const classifications = new WeakMap<ParsedDocument, Classification>();

function classifyParsed(parsed: ParsedDocument): Classification {
  const features = readFeatures(parsed);
  const signals = readContentSignals(features);

  const raw = { ...CATEGORY_BIAS } as Record<Category, number>;
  for (const signal of signals) {
    const weights = SIGNAL_WEIGHTS[signal.id];
    for (const category of CATEGORIES) raw[category] += (weights[category] ?? 0) * signal.value;
  }
  const scores = softmax(raw);
  const [top, runnerUp] = [...CATEGORIES].sort((a, b) => scores[b] - scores[a] || CATEGORIES.indexOf(a) - CATEGORIES.indexOf(b)) as [Category, Category];
  const confidence = round(calibrateConfidence(scores[top]));
  // Evidence: what this page shows that speaks more for the winner than for the runner-up.
  const evidence = evidenceFor(signals, top, runnerUp);
  const tooLittle = features.words < MIN_WORDS && features.codeBlocks + features.tables.length + features.orderedLists.length === 0;
  const clear = !tooLittle && evidence.length > 0 && scores[top] >= MIN_CONFIDENCE;
  return {
    predicted: clear ? top : null,
    confidence: clear ? confidence : null,
    evidence: clear ? evidence : [],
    scores: Object.fromEntries(CATEGORIES.map((category) => [category, round(scores[category])])) as Record<Category, number>,
  };
}

/** One category a document may belong to, with its probability and the signals that speak for it. */
export interface CategoryCandidate {
  category: Category;
  confidence: number;
  /** The signals that speak more for this category than for the other candidates shown beside it. */
  evidence: string[];
}

/**
 * The `count` most likely categories of a document, most likely first, each with the signals that
 * favour it over the others listed (the top one's over the second, the others' over the top one):
 * what an author choosing between them needs to read.
 */
export function rankCategories(document: LintDocument | ParsedDocument, count = 2): CategoryCandidate[] {
  const { scores } = classifyDocument(document);
  const signals = readContentSignals(readFeatures('parsed' in document ? document.parsed : document));
  const ranked = [...CATEGORIES].sort((a, b) => scores[b] - scores[a] || CATEGORIES.indexOf(a) - CATEGORIES.indexOf(b)).slice(0, count);
  return ranked.map((category, index) => ({
    category,
    confidence: scores[category],
    evidence: evidenceFor(signals, category, index === 0 ? ranked[1] ?? category : ranked[0]!),
  }));
}

/** The signals that add most to `winner`'s score over `other`'s, strongest first, in plain words. */
function evidenceFor(signals: readonly ContentSignal[], winner: Category, other: Category): string[] {
  return signals
    .map((signal) => ({ amount: ((SIGNAL_WEIGHTS[signal.id][winner] ?? 0) - (SIGNAL_WEIGHTS[signal.id][other] ?? 0)) * signal.value, evidence: signal.evidence }))
    .filter((contribution) => contribution.amount >= MIN_CONTRIBUTION)
    .sort((a, b) => b.amount - a.amount)
    .slice(0, MAX_EVIDENCE)
    .map((contribution) => contribution.evidence);
}

/** The named content signals of a document (what `classifyDocument` weighs; `scripts/fit-classifier.mjs` fits on them). */
export function readDocumentSignals(document: LintDocument | ParsedDocument): ContentSignal[] {
  return readContentSignals(readFeatures('parsed' in document ? document.parsed : document));
}

function readFeatures(parsed: ParsedDocument): DocumentFeatures {
  const questions = parsed.record.entries.map((entry) => entry.question);
  return extractDocumentFeatures(parsed.tree, parsed.frontMatter.data, questions);
}

/** The `qadocs classify` record of one file (SPEC §3.5). */
export function classificationReport(filePath: string, document: LintDocument | ParsedDocument): ClassificationReport {
  const { predicted, confidence, evidence } = classifyDocument(document);
  const parsed = 'parsed' in document ? document.parsed : document;
  return { filePath, declared: parsed.record.category, predicted, confidence, evidence };
}

function softmax(raw: Record<Category, number>): Record<Category, number> {
  const highest = Math.max(...CATEGORIES.map((category) => raw[category]));
  const exponentials = CATEGORIES.map((category) => Math.exp(raw[category] - highest));
  const total = exponentials.reduce((sum, value) => sum + value, 0);
  return Object.fromEntries(CATEGORIES.map((category, index) => [category, exponentials[index]! / total])) as Record<Category, number>;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
