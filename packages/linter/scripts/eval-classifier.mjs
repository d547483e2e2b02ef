#!/usr/bin/env node
// Agreement of the Diátaxis classifier with the authors' own labels in the shared corpus.
//
//   pnpm --filter @qadocs/linter eval:classifier          (after `pnpm --filter @qadocs/linter build`)
//   QADOCS_CORPUS=/path/to/corpus node scripts/eval-classifier.mjs [--out file.json]
//
// Corpus: the folder named by $QADOCS_CORPUS (nothing is read without it). It reads `labels.tsv`
// (path, label_source, raw_label), maps each label vocabulary onto the four categories and leaves out
// the labels that have no Diátaxis counterpart. The mapping (src/classifier/corpus-evaluation.ts,
// LABEL_CATEGORIES) is:
//   ms.topic               how-to -> how-to; tutorial, quickstart -> tutorial; reference, generated-reference
//                          -> reference; concept-article, conceptual, overview -> explanation; the rest
//                          (include, faq, troubleshooting*, sample, release-notes, whats-new, get-started,
//                          best-practice, install-set-up-deploy, article) left out
//   diataxis_content_type  how-to-guide -> how-to; tutorial, reference, explanation by name
//   content_type           how-to, tutorial, reference, explanation by name
//   folder                 howto -> how-to; tutorial, reference, explanation by name; faq, faqs left out
//   type                   newsletter left out
// Each file is parsed with @qadocs/parser and classified by the compiled classifier (dist/). The
// classifier's weights are fitted by scripts/fit-classifier.mjs on the files whose path hash is even
// ("tuning" half) only; the odd half ("check") is reported separately as the held-out number. (That
// script also prints the leave-one-source-out check.) Null predictions (pages with nothing to read)
// count as disagreements.
// Prints the confusion matrix, recall and precision per category, overall agreement and the count
// left out; writes the same as JSON (default: classifier-eval.json in this package).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_DIR, corpusFolderOrSkip, importBuilt } from './corpus-script-inputs.mjs';

const corpus = corpusFolderOrSkip('no labelled corpus (set QADOCS_CORPUS to the folder that holds labels.tsv)');
const outIndex = process.argv.indexOf('--out');
const outFile = path.resolve(outIndex > 0 && process.argv[outIndex + 1] ? process.argv[outIndex + 1] : path.join(PACKAGE_DIR, 'classifier-eval.json'));

const [{ evaluateOnCorpus }, { blindSampleAgreement, parseJudgedSample }] = await importBuilt('classifier/corpus-evaluation.js', 'classifier/blind-sample.js');

const CATEGORIES = ['tutorial', 'how-to', 'reference', 'explanation'];
const pct = (value) => `${(value * 100).toFixed(1)} %`;

function printReport(title, report) {
  console.log(`\n${title}: ${report.agreed}/${report.documents} agree = ${pct(report.agreement)}${report.unclassified ? ` (${report.unclassified} left unclassified)` : ''}`);
  const columns = [...CATEGORIES, 'none'];
  console.log(`  ${'label \\ predicted'.padEnd(18)}${columns.map((column) => column.padStart(12)).join('')}${'recall'.padStart(10)}`);
  for (const row of CATEGORIES) {
    console.log(`  ${row.padEnd(18)}${columns.map((column) => String(report.confusion[row][column]).padStart(12)).join('')}${pct(report.recall[row]).padStart(10)}`);
  }
  console.log(`  ${'precision'.padEnd(18)}${CATEGORIES.map((column) => pct(report.precision[column]).padStart(12)).join('')}`);
}

let evaluation;
try {
  evaluation = await evaluateOnCorpus(corpus);
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
console.log(`Classifier agreement with the authors' labels in ${corpus}`);
printReport('All labelled files in the four categories', evaluation.overall);
printReport('Tuning half (path hash even)', evaluation.halves.tuning);
printReport('Check half (path hash odd, held out)', evaluation.halves.check);
console.log('\nBy source:');
for (const [source, entry] of Object.entries(evaluation.bySource)) console.log(`  ${source.padEnd(42)} ${String(entry.agreed).padStart(4)}/${String(entry.documents).padEnd(4)} ${pct(entry.agreement)}`);
console.log(`\nLeft out (label outside the four categories): ${evaluation.leftOut.count} of ${evaluation.labelled} labelled files`);
for (const [label, count] of Object.entries(evaluation.leftOut.byLabel).sort((a, b) => b[1] - a[1])) console.log(`  ${label.padEnd(40)} ${count}`);
console.log('\nCalibration (confidence band -> how often the prediction agrees with the label):');
console.log(`  ${'band'.padEnd(12)}${'all'.padStart(20)}${'held-out half'.padStart(22)}`);
evaluation.calibration.overall.forEach((band, index) => {
  const check = evaluation.calibration.check[index];
  const cell = (entry) => `${entry.agreed}/${entry.documents} ${entry.documents ? pct(entry.agreement) : '-'}`;
  console.log(`  ${`${band.from.toFixed(1)}–${band.to.toFixed(1)}`.padEnd(12)}${cell(band).padStart(20)}${cell(check).padStart(22)}`);
});
// A second reader: the blind hand-judged sample (test/classifier-blind-sample.tsv, scripts/blind-sample.mjs).
// The authors' labels disagree with a careful reader often enough that they are a ceiling, not ground
// truth: agreement with each is printed side by side.
const blind = await blindSampleAgreement(corpus, parseJudgedSample(readFileSync(path.join(PACKAGE_DIR, 'test/classifier-blind-sample.tsv'), 'utf8')));
const share = (part) => `${part}/${blind.pages} = ${pct(part / blind.pages)}`;
console.log(`\nBlind hand-judged sample (${blind.pages} pages): judge ↔ labels ${share(blind.judgeLabels)}; judge ↔ classifier ${share(blind.judgeClassifier)}; classifier ↔ labels ${share(blind.classifierLabels)}; where judge and label disagree (${blind.disputed}) the classifier sides with the judge ${blind.disputedWithJudge}, with the label ${blind.disputedWithLabel}`);
writeFileSync(outFile, `${JSON.stringify(evaluation, null, 2)}\n`);
console.log(`\nWrote ${path.relative(process.cwd(), outFile) || outFile}`);
