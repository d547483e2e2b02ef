#!/usr/bin/env node
// Fit the Diátaxis classifier's signal weights on the labelled corpus, and check them honestly.
//
//   pnpm --filter @qadocs/linter build && node scripts/fit-classifier.mjs [--write] [--errors] [--signals]
//   QADOCS_CORPUS=/path/to/corpus node scripts/fit-classifier.mjs [--lambda 0.003 --class-power 0.5]
//
// The model is multinomial logistic regression over the classifier's named content signals (each a
// number in 0..1, src/classifier/content-signals.ts): score(category) = bias + Σ weight × signal,
// probabilities by softmax (src/classifier/classify-document.ts). It minimizes a class-weighted
// cross-entropy plus an L2 penalty (on each signal's weights relative to their mean, since softmax
// ignores a common shift), by accelerated projected gradient (FISTA), under the constraints of
// src/classifier/signal-constraints.ts: a signal may only speak for the categories it is about
// (SIGNAL_CATEGORIES; its other weights stay 0), and the signals Diátaxis defines a category by keep
// at least their floor (SIGNAL_FLOORS). Every weight is ≥ 0 and only for the categories a signal is
// about, so the evidence of a prediction (the signals that speak more for it than for the runner-up)
// is always about the predicted category.
//
// Protocol (no label, file name or folder is ever a feature; the signals read content only):
// 1. Split the labelled files by path hash (corpusHalf): the even half tunes, the odd half is held out.
// 2. Choose the penalty and the class weighting by 5-fold cross-validation INSIDE the tuning half
//    (folds by path hash), on the mean of accuracy and macro recall. The held-out half is not used.
//    (--lambda/--class-power skip this step.)
// 3. Fit on the whole tuning half with the chosen settings; report the tuning and held-out halves.
// 3b. Calibrate the confidence: each tuning document predicted by a model fitted on the other folds;
//    isotonic regression of "was it right" on the top probability, each block claiming the lower
//    Wilson bound of its share right (CALIBRATION_Z = 1 standard error), gives the monotone map
//    CONFIDENCE_CALIBRATION. The held-out half is only reported (band -> agreement).
// 4. Generality check: leave one source out — fit on every other source (both halves), test on it.
// 5. With --write, write src/classifier/signal-weights.ts (weights, biases and the calibration) (rounded to 2 decimals; the report above
//    is of the rounded weights). Then rebuild and run `pnpm --filter @qadocs/linter eval:classifier`,
//    which measures the classifier itself (including its null predictions) the same way.
// --errors lists the tuning half's out-of-fold disagreements with their signals; --signals the mean
// strength of each signal per category in the tuning half. Deterministic: same corpus, same weights.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_DIR, corpusFolderOrSkip, importBuilt } from './corpus-script-inputs.mjs';

const corpus = corpusFolderOrSkip('no labelled corpus (set QADOCS_CORPUS to the folder that holds labels.tsv)');
const write = process.argv.includes('--write');
const showErrors = process.argv.includes('--errors');
const weightsFile = path.join(PACKAGE_DIR, 'src/classifier/signal-weights.ts');

const [evaluation, classifier, calibrationModule] = await importBuilt('classifier/corpus-evaluation.js', 'classifier/index.js', 'classifier/confidence-calibration.js');
const { readLabelledCorpus, corpusHalf, agreementOf } = evaluation;
const { readDocumentSignals, SIGNAL_IDS, SIGNAL_FLOORS, SIGNAL_CATEGORIES } = classifier;
const { interpolateCalibration } = calibrationModule;

const CATEGORIES = ['tutorial', 'how-to', 'reference', 'explanation'];
const K = CATEGORIES.length;
const D = SIGNAL_IDS.length;
/** Penalties tried (L2, per unit of mean sample weight). */
const LAMBDAS = [0.001, 0.003, 0.01, 0.03, 0.1];
/** Class weighting tried: each class weighs (documents / documents of the class)^power, 0 = none, 1 = balanced. */
const CLASS_POWERS = [0, 0.5, 1];
const FOLDS = 5;
const MAX_ITERATIONS = 5000;
const TOLERANCE = 1e-5;
/** Standard errors below each calibration block's share right that its confidence claims (CALIBRATION_Z=0: the share itself). */
const CALIBRATION_Z = process.env.CALIBRATION_Z === undefined ? 1 : Number(process.env.CALIBRATION_Z);

// ---- Read the corpus once: one signal vector per labelled document. -------------------------------
const documents = [];
for await (const document of readLabelledCorpus(corpus)) {
  const values = new Float64Array(D);
  const signals = readDocumentSignals(document.parsed);
  for (const signal of signals) values[SIGNAL_IDS.indexOf(signal.id)] = signal.value;
  documents.push({ path: document.path, source: document.source, label: document.label, y: CATEGORIES.indexOf(document.expected), x: values, signals });
}
const hashByte = (text, index) => createHash('sha256').update(text).digest()[index];
const tuning = documents.filter((document) => corpusHalf(document.path) === 'tuning');
const check = documents.filter((document) => corpusHalf(document.path) === 'check');

if (process.argv.includes('--signals')) {
  // How strongly each signal fires, on average, in the documents of each category (tuning half only).
  console.log(`Mean signal value per category (tuning half):\n${'signal'.padEnd(22)}${CATEGORIES.map((category) => category.padStart(12)).join('')}`);
  SIGNAL_IDS.forEach((id, d) => {
    const means = CATEGORIES.map((_, k) => {
      const members = tuning.filter((document) => document.y === k);
      return members.reduce((sum, document) => sum + document.x[d], 0) / Math.max(1, members.length);
    });
    console.log(`${id.padEnd(22)}${means.map((mean) => mean.toFixed(2).padStart(12)).join('')}`);
  });
}

/** floor[k * D + d]: the least signal d counts for category k (SIGNAL_FLOORS; 0 when not listed). */
const floor = new Float64Array(K * D);
for (const [id, weights] of Object.entries(SIGNAL_FLOORS)) {
  const d = SIGNAL_IDS.indexOf(id);
  for (const [category, weight] of Object.entries(weights)) floor[CATEGORIES.indexOf(category) * D + d] = weight;
}
/** allowed[k * D + d]: signal d may speak for category k (SIGNAL_CATEGORIES). */
const allowed = new Uint8Array(K * D);
for (let d = 0; d < D; d++) {
  // FIT_UNCONSTRAINED=1 drops the category constraints, to measure what they cost.
  const categories = process.env.FIT_UNCONSTRAINED ? CATEGORIES : SIGNAL_CATEGORIES[SIGNAL_IDS[d]];
  for (let k = 0; k < K; k++) allowed[k * D + d] = categories.includes(CATEGORIES[k]) ? 1 : 0;
}

// ---- Multinomial logistic regression with an L2 penalty. --------------------------------------------
function classWeights(set, power) {
  const counts = new Array(K).fill(0);
  for (const document of set) counts[document.y]++;
  const weights = counts.map((count) => (count === 0 ? 0 : (set.length / (K * count)) ** power));
  const mean = set.reduce((sum, document) => sum + weights[document.y], 0) / set.length;
  return weights.map((weight) => weight / mean);
}

function scores(theta, x) {
  const raw = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let total = theta[K * D + k];
    for (let d = 0; d < D; d++) if (x[d] !== 0) total += theta[k * D + d] * x[d];
    raw[k] = total;
  }
  return raw;
}

function softmax(raw) {
  const highest = Math.max(...raw);
  const exps = raw.map((value) => Math.exp(value - highest));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

function lossAndGradient(theta, set, sampleWeights, lambda) {
  const gradient = new Float64Array(theta.length);
  let loss = 0;
  const totalWeight = set.reduce((sum, document) => sum + sampleWeights[document.y], 0);
  for (const document of set) {
    const weight = sampleWeights[document.y] / totalWeight;
    const p = softmax(scores(theta, document.x));
    loss -= weight * Math.log(Math.max(p[document.y], 1e-300));
    for (let k = 0; k < K; k++) {
      const residual = weight * (p[k] - (k === document.y ? 1 : 0));
      gradient[K * D + k] += residual;
      for (let d = 0; d < D; d++) if (document.x[d] !== 0) gradient[k * D + d] += residual * document.x[d];
    }
  }
  // The penalty is on each signal's weights relative to their mean (softmax ignores a common shift).
  for (let d = 0; d < D; d++) {
    let mean = 0;
    for (let k = 0; k < K; k++) mean += theta[k * D + d] / K;
    for (let k = 0; k < K; k++) {
      const difference = theta[k * D + d] - mean;
      loss += (lambda / 2) * difference * difference;
      gradient[k * D + d] += lambda * difference;
    }
  }
  return { loss, gradient };
}


/**
 * Minimize the penalized loss under the sign constraints: weights of a category a signal may speak for
 * are ≥ 0, the others stay 0 (biases are free). Accelerated projected gradient (FISTA) with
 * backtracking; deterministic.
 */
function fit(set, { lambda, classPower }) {
  const sampleWeights = classWeights(set, classPower);
  const evaluate = (point) => lossAndGradient(point, set, sampleWeights, lambda);
  const project = (point) => {
    for (let i = 0; i < K * D; i++) point[i] = allowed[i] ? Math.max(floor[i], point[i]) : 0;
    return point;
  };
  let x = project(new Float64Array(K * D + K));
  let y = Float64Array.from(x);
  let t = 1;
  let lipschitz = 1;
  let previousLoss = Infinity;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const atY = evaluate(y);
    let next;
    let nextLoss;
    for (;;) {
      next = project(y.map((value, i) => value - atY.gradient[i] / lipschitz));
      nextLoss = evaluate(next).loss;
      let bound = atY.loss;
      for (let i = 0; i < next.length; i++) {
        const step = next[i] - y[i];
        bound += atY.gradient[i] * step + (lipschitz / 2) * step * step;
      }
      if (nextLoss <= bound + 1e-12) break;
      lipschitz *= 2;
    }
    // Gradient mapping: zero exactly at the constrained optimum.
    let mapping = 0;
    for (let i = 0; i < next.length; i++) mapping += (lipschitz * (next[i] - y[i])) ** 2;
    if (Math.sqrt(mapping) < TOLERANCE) {
      x = next;
      break;
    }
    const nextT = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    // Restart the momentum when the loss goes up (adaptive restart keeps FISTA monotone).
    if (nextLoss > previousLoss) {
      y = Float64Array.from(x);
      t = 1;
    } else {
      y = next.map((value, i) => value + ((t - 1) / nextT) * (value - x[i]));
      t = nextT;
      x = next;
      previousLoss = nextLoss;
    }
    lipschitz = Math.max(lipschitz / 1.2, 1e-3);
  }
  return x;
}

const predict = (theta, x) => {
  const raw = scores(theta, x);
  let best = 0;
  for (let k = 1; k < K; k++) if (raw[k] > raw[best]) best = k;
  return best;
};

const outcomesOf = (theta, set) => set.map((document) => ({ path: document.path, source: document.source, expected: CATEGORIES[document.y], predicted: CATEGORIES[predict(theta, document.x)] }));

// ---- 2. Choose the penalty and class weighting by cross-validation inside the tuning half. -------
const foldOf = (document) => hashByte(document.path, 1) % FOLDS;
const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : undefined;
};
const chosen = argument('--lambda') === undefined ? chooseSettings() : { lambda: argument('--lambda'), classPower: argument('--class-power') ?? 0.5 };
console.log(`Chosen: class power ${chosen.classPower}, lambda ${chosen.lambda}`);

function chooseSettings() {
  console.log(`Cross-validation inside the tuning half (${tuning.length} documents, ${FOLDS} folds): accuracy / macro recall`);
  let best = null;
  for (const classPower of CLASS_POWERS) {
    for (const lambda of LAMBDAS) {
      const outcomes = [];
      for (let fold = 0; fold < FOLDS; fold++) {
        const model = fit(tuning.filter((document) => foldOf(document) !== fold), { lambda, classPower });
        outcomes.push(...outcomesOf(model, tuning.filter((document) => foldOf(document) === fold)));
      }
      const report = agreementOf(outcomes);
      const macro = CATEGORIES.reduce((sum, category) => sum + report.recall[category], 0) / K;
      const score = (report.agreement + macro) / 2;
      console.log(`  class power ${classPower}, lambda ${String(lambda).padEnd(6)} ${pct(report.agreement)} / ${pct(macro)}`);
      if (best === null || score > best.score + 1e-9) best = { lambda, classPower, score, accuracy: report.agreement };
    }
  }
  return best;
}

// ---- 3. Fit on the tuning half; report both halves. ---------------------------------------------
const theta = roundWeights(fit(tuning, chosen));

// ---- 3b. Calibrate the confidence on the tuning half, out of fold. ------------------------------
// The fitted model's top probability is over-confident on pages it has not seen. Each tuning document
// is predicted by a model fitted on the other folds; isotonic regression (pool adjacent violators) of
// "was it right" on that top probability gives a monotone map, probability -> how often it is right.
// The held-out half is not used.
const calibration = fitCalibration();
printCalibration('Held-out half, calibrated confidence', check);
printReport('Tuning half (fitted on)', agreementOf(outcomesOf(theta, tuning)));
printReport('Held-out half', agreementOf(outcomesOf(theta, check)));
printReport('All', agreementOf(outcomesOf(theta, documents)));

// ---- 4. Leave one source out. -------------------------------------------------------------------
const sources = [...new Set(documents.map((document) => document.source))].sort();
const leaveOneOut = [];
console.log('\nLeave one source out (fit on every other source, both halves; test on this one):');
for (const source of sources) {
  const held = documents.filter((document) => document.source === source);
  const model = fit(documents.filter((document) => document.source !== source), chosen);
  const outcomes = outcomesOf(model, held);
  leaveOneOut.push(...outcomes);
  const agreed = outcomes.filter((outcome) => outcome.predicted === outcome.expected).length;
  console.log(`  ${source.padEnd(42)} ${String(agreed).padStart(4)}/${String(held.length).padEnd(4)} ${pct(agreed / held.length)}`);
}
printReport('Leave one source out, pooled', agreementOf(leaveOneOut));

if (showErrors) {
  // Out-of-fold predictions of the tuning half (each document predicted by a model that did not see it).
  console.log('\nTuning-half disagreements, out of fold (signals of each):');
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = fit(tuning.filter((document) => foldOf(document) !== fold), chosen);
    for (const document of tuning.filter((candidate) => foldOf(candidate) === fold)) {
      const predicted = predict(model, document.x);
      if (predicted === document.y) continue;
      const raw = scores(model, document.x);
      console.log(`${CATEGORIES[document.y]} -> ${CATEGORIES[predicted]}  ${document.path} [${document.label}] ${raw.map((value) => value.toFixed(1)).join(' ')}`);
      console.log(`    ${document.signals.map((signal) => `${signal.id}=${signal.value.toFixed(2)}`).join(' ')}`);
    }
  }
}

if (write) {
  writeFileSync(weightsFile, weightsSource(theta, chosen));
  console.log(`\nWrote ${path.relative(process.cwd(), weightsFile)}`);
}

// ---- Calibration. ---------------------------------------------------------------------------------
function topProbability(model, x) {
  return Math.max(...softmax(scores(model, x)));
}

/** Out-of-fold (top probability, right?) pairs of the tuning half -> monotone breakpoints [probability, confidence]. */
function fitCalibration() {
  const pairs = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = roundWeights(fit(tuning.filter((document) => foldOf(document) !== fold), chosen));
    for (const document of tuning.filter((candidate) => foldOf(candidate) === fold)) pairs.push([topProbability(model, document.x), predict(model, document.x) === document.y ? 1 : 0]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  // Pool adjacent violators: blocks of [sum of probabilities, sum of outcomes, count], non-decreasing in mean outcome.
  const blocks = [];
  for (const [probability, right] of pairs) {
    blocks.push([probability, right, 1]);
    while (blocks.length > 1 && blocks.at(-2)[1] / blocks.at(-2)[2] >= blocks.at(-1)[1] / blocks.at(-1)[2]) {
      const last = blocks.pop();
      const previous = blocks.at(-1);
      previous[0] += last[0];
      previous[1] += last[1];
      previous[2] += last[2];
    }
  }
  // One breakpoint per block: its mean probability -> the share right it can claim, the lower Wilson
  // bound at CALIBRATION_Z standard errors (a block of 20 right out of 20 is not proof of 100 %), kept
  // non-decreasing; rounded, interpolated linearly between.
  let floor = 0;
  const points = blocks.map(([probabilities, rights, count]) => {
    floor = Math.max(floor, wilsonLowerBound(rights, count, CALIBRATION_Z));
    return [Math.round((probabilities / count) * 1000) / 1000, Math.round(floor * 1000) / 1000];
  });
  console.log(`\nCalibration (isotonic, out of fold in the tuning half): ${points.length} breakpoints`);
  console.log(`  ${points.map(([from, to]) => `${from.toFixed(3)}→${to.toFixed(3)}`).join('  ')}`);
  return points;
}

/** The lower end of the Wilson score interval of `right` successes out of `count`, at `z` standard errors. */
function wilsonLowerBound(right, count, z) {
  const share = right / count;
  const denominator = 1 + (z * z) / count;
  const centre = share + (z * z) / (2 * count);
  const spread = z * Math.sqrt((share * (1 - share)) / count + (z * z) / (4 * count * count));
  return Math.max(0, (centre - spread) / denominator);
}

/** Map a top probability through the calibration breakpoints (the classifier's own interpolation). */
function calibrated(probability) {
  return interpolateCalibration(calibration, probability);
}

function printCalibration(title, set) {
  console.log(`\n${title} (band -> agreement):`);
  for (const [from, to] of [[0, 0.5], [0.5, 0.6], [0.6, 0.7], [0.7, 0.8], [0.8, 0.9], [0.9, 1.01]]) {
    const inBand = set.filter((document) => {
      const confidence = calibrated(topProbability(theta, document.x));
      return confidence >= from && confidence < to;
    });
    const right = inBand.filter((document) => predict(theta, document.x) === document.y).length;
    console.log(`  ${from.toFixed(1)}–${Math.min(to, 1).toFixed(1)}  ${right}/${inBand.length} ${inBand.length ? pct(right / inBand.length) : '-'}`);
  }
}

// ---- Helpers. -----------------------------------------------------------------------------------
function pct(value) {
  return `${(value * 100).toFixed(1)} %`;
}

/** Shift each signal's weights so the smallest is 0 (softmax is unchanged) and round to 2 decimals. */
function roundWeights(raw) {
  const result = Float64Array.from(raw);
  for (let d = 0; d < D; d++) {
    let lowest = Infinity;
    for (let k = 0; k < K; k++) lowest = Math.min(lowest, raw[k * D + d]);
    for (let k = 0; k < K; k++) result[k * D + d] = Math.round((raw[k * D + d] - lowest) * 100) / 100;
  }
  let lowestBias = Infinity;
  for (let k = 0; k < K; k++) lowestBias = Math.min(lowestBias, raw[K * D + k]);
  for (let k = 0; k < K; k++) result[K * D + k] = Math.round((raw[K * D + k] - lowestBias) * 100) / 100;
  return result;
}

function printReport(title, report) {
  console.log(`\n${title}: ${report.agreed}/${report.documents} agree = ${pct(report.agreement)}`);
  console.log(`  ${'label \\ predicted'.padEnd(18)}${CATEGORIES.map((column) => column.padStart(12)).join('')}${'recall'.padStart(10)}`);
  for (const row of CATEGORIES) console.log(`  ${row.padEnd(18)}${CATEGORIES.map((column) => String(report.confusion[row][column]).padStart(12)).join('')}${pct(report.recall[row]).padStart(10)}`);
  console.log(`  ${'precision'.padEnd(18)}${CATEGORIES.map((column) => pct(report.precision[column]).padStart(12)).join('')}`);
}

function weightsSource(weights, settings) {
  const format = (value) => (Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, ''));
  const lines = SIGNAL_IDS.map((id, d) => {
    const entries = CATEGORIES.map((category, k) => [category, weights[k * D + d]]).filter(([, value]) => value !== 0);
    return `  ${id}: { ${entries.map(([category, value]) => `${category.includes('-') ? `'${category}'` : category}: ${format(value)}`).join(', ')}${entries.length ? ' ' : ''}},`;
  });
  const bias = CATEGORIES.map((category, k) => `${category.includes('-') ? `'${category}'` : category}: ${format(weights[K * D + k])}`).join(', ');
  return `// Generated by scripts/fit-classifier.mjs --write: do not edit by hand; change the signals or their constraints and re-run it.
import type { Category } from '@qadocs/schema';
import type { SignalId } from './content-signals.js';

/**
 * How much each signal counts for each category: a multinomial logistic regression fitted on the
 * ${tuning.length} labelled corpus files of the tuning half (path hash even), L2 penalty ${settings.lambda}, class weighting
 * power ${settings.classPower} (both chosen by 5-fold cross-validation inside the tuning half), under the constraints of
 * \`signal-constraints.ts\` (a signal speaks only for the categories it is about; floors for the signals
 * Diátaxis defines a category by). Weights are ≥ 0: a weight is how much more the signal speaks for a
 * category than for the category it speaks for least.${settings.accuracy === undefined ? '' : ` Cross-validated agreement: ${pct(settings.accuracy)}.`}
 */
export const SIGNAL_WEIGHTS: Readonly<Record<SignalId, Partial<Record<Category, number>>>> = {
${lines.join('\n')}
};

/** Score of each category before any signal. */
export const CATEGORY_BIAS: Readonly<Record<Category, number>> = { ${bias} };

/**
 * The confidence calibration: [top probability, how often a prediction with it is right], increasing in
 * both (isotonic regression on out-of-fold predictions of the tuning half; linear between points, flat
 * beyond the ends). \`classifyDocument\` reports the mapped value as the confidence.
 */
export const CONFIDENCE_CALIBRATION: readonly (readonly [number, number])[] = [
${calibration.map(([from, to]) => `  [${from}, ${to}],`).join('\n')}
];
`;
}
