#!/usr/bin/env node
// A blind, hand-judged sample of the labelled corpus: how good are the authors' labels, and how does
// the classifier compare with a careful reader where the labels are wrong?
//
//   QADOCS_CORPUS=/path/to/corpus node scripts/blind-sample.mjs draw <folder>
//       Draw the sample and write, into <folder> (outside the repository), `texts.md` (every page's
//       text under a neutral id, B01, B02, …: no path, no front matter but its title, no label) and
//       `key.tsv` (id -> path; the judge does not open it). Judge from `texts.md` alone and write
//       `<folder>/judgements.tsv`: id, category (or `none` for a page with nothing to judge, which the
//       report leaves out), one-line reason.
//   QADOCS_CORPUS=… node scripts/blind-sample.mjs join <folder>
//       Turn the judgements into test/classifier-blind-sample.tsv (path, category, reason).
//   QADOCS_CORPUS=… node scripts/blind-sample.mjs report          (after `pnpm --filter @qadocs/linter build`)
//       Check the tsv is exactly the draw, then print agreement judge↔labels, judge↔classifier and
//       classifier↔labels, and the classifier's accuracy against the judge where judge and label disagree
//       (--list also prints every page where two of the three differ).
//
// The draw (src/classifier/blind-sample.ts) is deterministic and stratified by label and source: for
// each of the four categories the labelled files are grouped by source, each source's files ordered by
// SHA-256 of a seed and the path, and 16 files taken round-robin over the sources (so small sources are
// represented, not drowned by the largest). The paths are stored in the
// tsv so the report can re-read the pages, but the judge judged from the text only, by the Diátaxis
// definitions: tutorial = a learning-oriented lesson; how-to = goal-oriented steps for a competent
// user; reference = information to look up, describing the machinery; explanation =
// understanding-oriented discussion.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_DIR, corpusFolderOrSkip, importBuilt } from './corpus-script-inputs.mjs';

const sampleFile = path.join(PACKAGE_DIR, 'test/classifier-blind-sample.tsv');
/** What the judge reads of a page: its first characters, then the outline of the rest. */
const TEXT_LIMIT = 3500;

const corpus = corpusFolderOrSkip('no labelled corpus (set QADOCS_CORPUS to the folder that holds labels.tsv)');
const [blindSample] = await importBuilt('classifier/blind-sample.js');
const { drawBlindSample, blindSampleAgreement, parseJudgedSample } = blindSample;

/** A page's text as the judge sees it: the front matter (which may hold the label) reduced to its title, the rest as written. */
function blindText(file) {
  let text = readFileSync(path.join(corpus, file), 'utf8').replace(/\r\n?/g, '\n');
  let title = '';
  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (frontMatter) {
    title = /^title:\s*(.*)$/m.exec(frontMatter[1])?.[1]?.replace(/^["']|["']$/g, '') ?? '';
    text = text.slice(frontMatter[0].length);
  }
  const outline = () => text.slice(TEXT_LIMIT).split('\n').filter((line) => /^#{1,6}\s/.test(line)).join('\n');
  const shown = text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT)}\n[… ${text.length - TEXT_LIMIT} more characters; headings of the rest:]\n${outline()}` : text;
  return `${title ? `(title: ${title})\n` : ''}${shown.trim()}`;
}

const readTsv = (file) => readFileSync(file, 'utf8').trim().split('\n').slice(1).filter((line) => line.trim() !== '').map((line) => line.split('\t'));
const [command, folderArgument] = process.argv.slice(2);
const idOf = (index) => `B${String(index + 1).padStart(2, '0')}`;

if (command === 'draw' || command === 'join') {
  if (!folderArgument) {
    console.error(`Unexpected missing folder, expected \`blind-sample.mjs ${command} <folder>\``);
    process.exit(2);
  }
  const folder = path.resolve(folderArgument);
  const sample = drawBlindSample(corpus);
  if (command === 'draw') {
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'texts.md'), sample.map((entry, index) => `\n======== ${idOf(index)} ========\n${blindText(entry.path)}\n`).join(''));
    writeFileSync(path.join(folder, 'key.tsv'), `id\tpath\n${sample.map((entry, index) => `${idOf(index)}\t${entry.path}`).join('\n')}\n`);
    console.log(`Wrote ${sample.length} pages to ${path.join(folder, 'texts.md')} (judge them into ${path.join(folder, 'judgements.tsv')}: id, category, reason)`);
  } else {
    const judgements = new Map(readTsv(path.join(folder, 'judgements.tsv')).map(([id, category, reason]) => [id, { category, reason }]));
    const rows = sample.map((entry, index) => {
      const judgement = judgements.get(idOf(index));
      if (!judgement) throw new Error(`Unexpected missing judgement for ${idOf(index)}, expected a line in judgements.tsv`);
      return `${entry.path}\t${judgement.category}\t${judgement.reason}`;
    });
    const text = `path\tcategory\treason\n${rows.join('\n')}\n`;
    parseJudgedSample(text); // refuses a category that is not one of the four or none
    writeFileSync(sampleFile, text);
    console.log(`Wrote ${path.relative(process.cwd(), sampleFile)} (${rows.length} pages)`);
  }
} else if (command === 'report') {
  let report;
  try {
    report = await blindSampleAgreement(corpus, parseJudgedSample(readFileSync(sampleFile, 'utf8')));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  const pct = (part, whole) => `${part}/${whole} = ${((part / whole) * 100).toFixed(1)} %`;
  if (process.argv.includes('--list')) for (const row of report.differences) console.log(`  judge ${row.judge.padEnd(11)} label ${row.label.padEnd(11)} classifier ${String(row.classifier).padEnd(11)} ${row.path}`);
  console.log(`Blind hand-judged sample (${report.pages} pages judged, ${report.unjudged} with nothing to judge left out; ${path.relative(process.cwd(), sampleFile)}):`);
  console.log(`  judge ↔ authors' labels   ${pct(report.judgeLabels, report.pages)}`);
  console.log(`  judge ↔ classifier        ${pct(report.judgeClassifier, report.pages)}`);
  console.log(`  classifier ↔ labels       ${pct(report.classifierLabels, report.pages)}`);
  console.log(`  where judge and label disagree (${report.disputed}): classifier sides with the judge ${report.disputedWithJudge}, with the label ${report.disputedWithLabel}, with neither ${report.disputed - report.disputedWithJudge - report.disputedWithLabel}`);
} else {
  console.error(`Unexpected command ${JSON.stringify(command ?? '')}, expected draw <folder>, join <folder> or report [--list]`);
  process.exit(2);
}
