import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '@qadocs/schema';
import { resolveConfig } from '../config/resolve-config.js';
import { lintSource } from '../lint-source.js';

/** One finding read by a person: where it was reported, and whether it is right. */
export interface JudgedFinding {
  /** Path relative to the corpus folder. */
  path: string;
  line: number;
  ruleId: string;
  verdict: 'tp' | 'fp';
  reason: string;
}

/** Precision of one rule on the judged sample. */
export interface RulePrecision {
  ruleId: string;
  /** Judged findings the rule still reports, right and wrong. */
  truePositives: number;
  falsePositives: number;
  /** truePositives / (truePositives + falsePositives); null when none of its judged findings is reported. */
  precision: number | null;
  /** Judged findings it no longer reports: wrong ones it dropped, right ones it lost. */
  droppedFalse: number;
  droppedTrue: number;
}

/** Every rule must reach this precision on the judged sample (the target). */
export const PRECISION_FLOOR = 0.95;

/**
 * Rules known to fall short of the target, with the floor they hold and why. None now: every rule that
 * fires on the sample reaches the target (a rule added here must say why it cannot).
 */
export const KNOWN_SHORTFALLS: Readonly<Record<string, number>> = {};

/** The floor of one rule. */
export function precisionFloor(ruleId: string): number {
  return KNOWN_SHORTFALLS[ruleId] ?? PRECISION_FLOOR;
}

/** Read the sample file: a header, then `path⇥line⇥ruleId⇥tp|fp⇥reason` per line. */
export function readJudgedSample(text: string): JudgedFinding[] {
  const [header, ...lines] = text.split('\n').filter((line) => line.trim() !== '');
  if (header !== 'path\tline\truleId\tverdict\treason') throw new Error(`Unexpected sample header "${header}", expected "path⇥line⇥ruleId⇥verdict⇥reason"`);
  return lines.map((line, index) => {
    const [file, lineNumber, ruleId, verdict, reason] = line.split('\t');
    if (!file || !ruleId || !reason || (verdict !== 'tp' && verdict !== 'fp') || !/^\d+$/.test(lineNumber ?? '')) {
      throw new Error(`Unexpected sample line ${index + 2} "${line}", expected path, line, rule id, tp or fp and a reason, tab-separated`);
    }
    return { path: file, line: Number(lineNumber), ruleId, verdict, reason };
  });
}

/** Findings by `path⇥line⇥ruleId`: what the rules report on the sampled documents. */
export type FindingKeys = ReadonlySet<string>;

export function findingKey(relativePath: string, line: number, ruleId: string): string {
  return `${relativePath}\t${line}\t${ruleId}`;
}

/** Lint each sampled document of `corpus` with the recommended rules, as `qadocs lint` does with no config. */
export function lintSampledDocuments(corpus: string, sample: readonly JudgedFinding[]): FindingKeys {
  const config = resolveConfig({});
  const keys = new Set<string>();
  for (const relativePath of new Set(sample.map((finding) => finding.path))) {
    const filePath = path.join(corpus, relativePath);
    const { result } = lintSource(new Uint8Array(readFileSync(filePath)), { filePath, root: corpus, config });
    for (const diagnostic of result.messages) keys.add(findingKey(relativePath, diagnostic.line, diagnostic.ruleId));
  }
  return keys;
}

/** The same keys from an ESLint JSON report of the corpus (to measure a report made earlier, e.g. before a change). */
export function findingsOfReport(corpus: string, report: ReadonlyArray<{ filePath: string; messages: ReadonlyArray<Pick<Diagnostic, 'line' | 'ruleId'>> }>): FindingKeys {
  const keys = new Set<string>();
  for (const file of report) {
    const relativePath = path.relative(corpus, file.filePath).split(path.sep).join('/');
    for (const message of file.messages) keys.add(findingKey(relativePath, message.line, message.ruleId));
  }
  return keys;
}

/** Precision per rule: each judged finding counts when it is among `findings`. */
export function measurePrecision(sample: readonly JudgedFinding[], findings: FindingKeys): RulePrecision[] {
  const byRule = new Map<string, RulePrecision>();
  for (const judged of sample) {
    const entry = byRule.get(judged.ruleId) ?? { ruleId: judged.ruleId, truePositives: 0, falsePositives: 0, precision: null, droppedFalse: 0, droppedTrue: 0 };
    const reported = findings.has(findingKey(judged.path, judged.line, judged.ruleId));
    if (reported && judged.verdict === 'tp') entry.truePositives++;
    else if (reported) entry.falsePositives++;
    else if (judged.verdict === 'tp') entry.droppedTrue++;
    else entry.droppedFalse++;
    byRule.set(judged.ruleId, entry);
  }
  for (const entry of byRule.values()) {
    const reported = entry.truePositives + entry.falsePositives;
    entry.precision = reported === 0 ? null : entry.truePositives / reported;
  }
  return [...byRule.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId));
}

/** The table the script prints: one row per rule, precision against its floor. */
export function formatPrecisionTable(rows: readonly RulePrecision[]): string {
  const lines = [`${'rule'.padEnd(34)}${'TP'.padStart(5)}${'FP'.padStart(5)}${'precision'.padStart(11)}${'dropped FP'.padStart(12)}${'lost TP'.padStart(9)}  floor`];
  for (const row of rows) {
    const precision = row.precision === null ? '—' : `${(row.precision * 100).toFixed(1)} %`;
    const floor = precisionFloor(row.ruleId);
    const verdict = `${row.precision === null || row.precision >= floor ? 'ok' : 'BELOW'}${floor < PRECISION_FLOOR ? ` (floor ${floor * 100} %, target ${PRECISION_FLOOR * 100} %)` : ''}`;
    lines.push(`${row.ruleId.padEnd(34)}${String(row.truePositives).padStart(5)}${String(row.falsePositives).padStart(5)}${precision.padStart(11)}${String(row.droppedFalse).padStart(12)}${String(row.droppedTrue).padStart(9)}  ${verdict}`);
  }
  return lines.join('\n');
}
