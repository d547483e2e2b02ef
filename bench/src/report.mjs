import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SPREAD_LIMIT } from './statistics.mjs';
import { kibToMegabytes } from './targets.mjs';

/** Left-aligned first column, right-aligned others, columns separated by two spaces. */
export function formatTable(header, rows) {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function seconds(ms) {
  return ms == null ? '—' : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function megabytes(kib) {
  return kib == null ? '—' : `${Math.round(kibToMegabytes(kib))} MB`;
}

function times(value) {
  return value == null ? '—' : `${value < 0.1 ? value.toFixed(3) : value.toFixed(2)}×`;
}

/** "min / median / max" of a described measurement, in the unit `format` gives. */
function range(described, format) {
  if (!described || described.median == null) return '—';
  return described.min === described.max ? format(described.median) : `${format(described.min)} / ${format(described.median)} / ${format(described.max)}`;
}

/** The measurements of a command whose spread is above the limit, named (empty when none is). */
export function spreadFlags(command) {
  const flags = [];
  for (const [name, described] of [['wall', command.wall], ['RSS', command.rss]]) {
    if (described?.spread != null && described.spread > SPREAD_LIMIT) flags.push(`${name} spread ${(described.spread * 100).toFixed(0)} %`);
  }
  return flags;
}

/** One line naming the machine the figures were measured on. */
export function formatMachine(machine) {
  const memory = `${(machine.totalMemoryBytes / 2 ** 30).toFixed(0)} GiB`;
  return `machine: ${machine.cpus} cores (${machine.cpuModel ?? 'unknown CPU'}), ${memory}, Node ${machine.node}, ${machine.platform}`;
}

/** The per-size report: one row per command (min / median / max over its runs), then one row per target. */
export function formatSizeReport(size) {
  const commandRows = size.commands.map((command) => [
    command.label,
    command.skipped ? 'skipped' : range(command.wall, seconds),
    command.skipped ? '' : range(command.rss, megabytes),
    command.skipped ? '' : times(command.ratioToColdLint),
    command.skipped ? command.skipped : [`${command.okRuns}/${command.runs.length} ok${command.outcome ? `, ${command.outcome}` : ''}`, ...spreadFlags(command).map((flag) => `SPREAD: ${flag}`)].join('; '),
  ]);
  const targetRows = size.targets.map((target) => [
    target.description,
    target.value == null ? '—' : target.kind === 'rss' ? `${target.value.toFixed(0)} MB` : times(target.value),
    target.limit == null ? '—' : target.kind === 'rss' ? `${target.limit.toFixed(0)} MB` : `${target.limit}×`,
    target.status,
    target.detail,
  ]);
  return [
    `\n== ${size.docs} documents (${(size.corpusBytes / 1e6).toFixed(1)} MB) — ${size.runsPerCommand} interleaved run(s) per command ==\n`,
    formatTable(['command', 'wall (min / median / max)', 'peak RSS (min / median / max)', '× cold lint', 'runs'], commandRows),
    '',
    `targets at the median${size.docs < 10_000 ? ' (lower-case pass/fail: information only below 10,000 documents)' : ''}:`,
    formatTable(['target', 'measured', 'limit', 'status', 'compares'], targetRows),
  ].join('\n');
}

/** Writes the whole result as `results/<timestamp>.json` and `results/latest.json`; returns the first path. */
export function writeResults(resultsDir, result) {
  mkdirSync(resultsDir, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, '-');
  const text = `${JSON.stringify(result, null, 2)}\n`;
  const path = join(resultsDir, `${stamp}.json`);
  writeFileSync(path, text);
  writeFileSync(join(resultsDir, 'latest.json'), text);
  return path;
}
