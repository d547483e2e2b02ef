#!/usr/bin/env node
// Precision of each rule on the real corpus, measured against a sample of findings judged by hand.
//
//   pnpm --filter @qadocs/linter build && QADOCS_CORPUS=/path/to/corpus node scripts/corpus-precision.mjs
//   … node scripts/corpus-precision.mjs --report lint.json     (measure an ESLint JSON report of the corpus instead)
//
// The sample is test/corpus-precision-sample.tsv: findings picked per rule from `qadocs lint` runs over
// the corpus (deterministically, by hash of path, line and rule), each read in its document and marked
// `tp` (the rule is right) or `fp` (it is wrong), with a one-line reason. The script lints the sampled
// documents with the recommended rules (or reads the report), matches each judged finding by path, line
// and rule, and prints per rule: judged findings still reported (TP, FP), precision = TP / (TP + FP), and
// judged findings no longer reported (wrong ones dropped, right ones lost). Exit 1 when a rule is below
// its floor (95 %, the target; src/precision/corpus-precision.ts lists the rules known to fall short). No corpus text is stored in the sample: only paths, lines and the reader's reasons.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_DIR, corpusFolderOrSkip, importBuilt } from './corpus-script-inputs.mjs';

const corpus = corpusFolderOrSkip('rule precision on the real corpus (set QADOCS_CORPUS to the corpus folder)');
const reportIndex = process.argv.indexOf('--report');
const [precision] = await importBuilt('precision/corpus-precision.js');
const { readJudgedSample, lintSampledDocuments, findingsOfReport, measurePrecision, formatPrecisionTable, precisionFloor } = precision;
const sample = readJudgedSample(readFileSync(path.join(PACKAGE_DIR, 'test/corpus-precision-sample.tsv'), 'utf8'));
const findings = reportIndex > 0 ? findingsOfReport(corpus, JSON.parse(readFileSync(process.argv[reportIndex + 1], 'utf8'))) : lintSampledDocuments(corpus, sample);
const rows = measurePrecision(sample, findings);
console.log(`Rule precision on ${sample.length} judged findings of ${corpus}${reportIndex > 0 ? ` (report ${process.argv[reportIndex + 1]})` : ''}`);
console.log(formatPrecisionTable(rows));
const below = rows.filter((row) => row.precision !== null && row.precision < precisionFloor(row.ruleId));
if (below.length > 0) {
  console.error(`\nBelow the floor: ${below.map((row) => `${row.ruleId} (${(row.precision * 100).toFixed(1)} % < ${precisionFloor(row.ruleId) * 100} %)`).join(', ')}`);
  process.exit(1);
}
