import { createHash } from 'node:crypto';
import path from 'node:path';
import { CATEGORIES, type Category } from '@qadocs/schema';
import { parseFile } from '@qadocs/parser';
import { classifyDocument } from './classify-document.js';
import { categoryOfLabel, corpusSource, readLabels } from './corpus-evaluation.js';

/** The seed of the blind sample's draw (changing it draws a different sample, which must be judged anew). */
export const BLIND_SAMPLE_SEED = 'qadocs-blind-sample-2026-12';
/** Pages drawn per category. */
export const BLIND_SAMPLE_PER_CATEGORY = 16;

/** One drawn page: its corpus-relative path and the category its authors' label maps to. */
export interface DrawnPage {
  path: string;
  label: Category;
}

/**
 * Draw the blind sample from a labelled corpus, deterministically and stratified by label and source:
 * for each category, the labelled files are grouped by source, each source's files ordered by SHA-256
 * of the seed and the path, and `BLIND_SAMPLE_PER_CATEGORY` taken round-robin over the sources (so a
 * small source is represented, not drowned by the largest). The result is interleaved by another hash,
 * so a page's place in the sample says nothing about its label.
 */
export function drawBlindSample(corpus: string): DrawnPage[] {
  const byCategory = new Map<Category, Map<string, string[]>>(CATEGORIES.map((category) => [category, new Map()]));
  for (const [file = '', labelSource = '', raw = ''] of readLabels(corpus)) {
    const category = categoryOfLabel(labelSource, raw);
    if (category === null) continue;
    const sources = byCategory.get(category)!;
    const source = corpusSource(file);
    if (!sources.has(source)) sources.set(source, []);
    sources.get(source)!.push(file);
  }
  const order = (text: string) => createHash('sha256').update(`${BLIND_SAMPLE_SEED}\n${text}`).digest('hex');
  const drawn: DrawnPage[] = [];
  for (const category of CATEGORIES) {
    const queues = [...byCategory.get(category)!.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, files]) => files.sort((a, b) => order(a).localeCompare(order(b))));
    let taken = 0;
    for (let round = 0; taken < BLIND_SAMPLE_PER_CATEGORY && queues.some((queue) => queue.length > round); round++) {
      for (const queue of queues) {
        if (taken === BLIND_SAMPLE_PER_CATEGORY) break;
        if (round < queue.length) {
          drawn.push({ path: queue[round]!, label: category });
          taken++;
        }
      }
    }
  }
  return drawn.sort((a, b) => order(`order\n${a.path}`).localeCompare(order(`order\n${b.path}`)));
}

/** One judged page of the stored sample: path, the judge's category (`none`: nothing to judge), reason. */
export interface JudgedPage {
  path: string;
  category: Category | 'none';
  reason: string;
}

/** Agreement of the three readings of the sample: a blind judge, the authors' labels, the classifier. */
export interface BlindSampleAgreement {
  /** Pages judged (those judged `none` are left out). */
  pages: number;
  unjudged: number;
  judgeLabels: number;
  judgeClassifier: number;
  classifierLabels: number;
  /** Pages where judge and label disagree, and whom the classifier sides with there. */
  disputed: number;
  disputedWithJudge: number;
  disputedWithLabel: number;
  /** Every page where two of the three readings differ. */
  differences: Array<{ path: string; judge: Category; label: Category; classifier: Category | null }>;
}

/** Compare judge, labels and classifier on the stored sample; throws when the sample is not the draw. */
export async function blindSampleAgreement(corpus: string, judged: readonly JudgedPage[]): Promise<BlindSampleAgreement> {
  const drawn = drawBlindSample(corpus);
  if (judged.map((page) => page.path).join('\n') !== drawn.map((page) => page.path).join('\n')) {
    throw new Error(`Unexpected blind sample: its paths are not the draw of seed ${BLIND_SAMPLE_SEED} from ${corpus}, expected the output of \`scripts/blind-sample.mjs join\``);
  }
  const labelOf = new Map(drawn.map((page) => [page.path, page.label]));
  const result: BlindSampleAgreement = { pages: 0, unjudged: 0, judgeLabels: 0, judgeClassifier: 0, classifierLabels: 0, disputed: 0, disputedWithJudge: 0, disputedWithLabel: 0, differences: [] };
  for (const page of judged) {
    if (page.category === 'none') {
      result.unjudged++;
      continue;
    }
    const label = labelOf.get(page.path)!;
    const predicted = classifyDocument(await parseFile(path.join(corpus, page.path), { root: corpus })).predicted;
    result.pages++;
    if (page.category === label) result.judgeLabels++;
    if (page.category === predicted) result.judgeClassifier++;
    if (predicted === label) result.classifierLabels++;
    if (page.category !== label) {
      result.disputed++;
      if (predicted === page.category) result.disputedWithJudge++;
      else if (predicted === label) result.disputedWithLabel++;
    }
    if (page.category !== label || predicted !== page.category) result.differences.push({ path: page.path, judge: page.category, label, classifier: predicted });
  }
  return result;
}

/** Read a judged-sample tsv (header `path\tcategory\treason`). */
export function parseJudgedSample(text: string): JudgedPage[] {
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [file = '', category = '', reason = ''] = line.split('\t');
      if (![...CATEGORIES, 'none'].includes(category)) throw new Error(`Unexpected category ${JSON.stringify(category)} for ${file} in the judged sample, expected one of ${CATEGORIES.join(', ')} or none`);
      return { path: file, category: category as Category | 'none', reason };
    });
}
