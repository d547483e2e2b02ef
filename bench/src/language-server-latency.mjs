#!/usr/bin/env node
// The editor case: how long an author waits from a keystroke (`didChange`) to the diagnostics of that
// version (`publishDiagnostics`), on the reference document and on a 50 KB document, and the language
// server's memory with 200 documents open. The server runs as editors start it, `qadocs lint`'s
// sibling `qadocs lsp --stdio`, driven over stdio by a real JSON-RPC client. See bench/README.md.
// Every edit's latency counts from the didChange the client sends, so any quiet time the server waits
// before linting is part of it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClient } from '@qadocs/language-server/testing';
import { QADOCS_BIN } from './bench-commands.mjs';
import { REPO_ROOT } from './corpus.mjs';
import { formatTable } from './report.mjs';
import { maximum, median, minimum } from './statistics.mjs';

const REFERENCE_DOCUMENT = join(REPO_ROOT, 'test-support', 'reference-document', '000_3668c700682cea6a.txt');

/** The latency an author should not notice, from SPEC's editor target (issue 13). */
export const LATENCY_LIMIT_MS = 100;

/**
 * A document of about `bytes`: the reference document followed by further questions, each with a
 * list, a footnote reference, a pseudo-citation and its definition, so every kind of rule has work.
 */
export function largeDocument(reference, bytes = 50 * 1024) {
  const sections = [reference.trimEnd()];
  for (let index = 1; sections.join('\n\n').length < bytes; index++) {
    sections.push(
      [
        `## How does setting ${index} change replication?`,
        '',
        `Setting ${index} controls how images are copied between regions; a larger value copies more often and costs more bandwidth[^s${index}].`,
        '',
        `- **Default**: replication runs every ${index} hours across the paired regions.`,
        `- **Override**: set it per gallery when the images change often¹(https://learn.microsoft.com/en-us/azure/setting-${index}).`,
        '',
        `[^s${index}]: [Replication setting ${index}](https://learn.microsoft.com/en-us/azure/virtual-machines/setting-${index})`,
      ].join('\n'),
    );
  }
  return `${sections.join('\n\n')}\n`;
}

/** The resident and peak memory of a process, in MB (Linux `/proc`; null elsewhere). */
function processMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024 / 1e6;
    return { rssMb: field('VmRSS'), peakMb: field('VmHWM') };
  } catch {
    return null;
  }
}

/** The CPU time a process (all its threads) has used, in ms (Linux `/proc`; null elsewhere). */
function processCpuMs(pid) {
  try {
    // Fields 14 and 15 (utime, stime) in clock ticks, after the command name in parentheses.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Linux's USER_HZ, the unit of `/proc/<pid>/stat` times, on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * Time `edits` changes of one open document, each from didChange to the diagnostics of that version;
 * with the server's `pid`, also the CPU time the server spent per edit, which the machine's load
 * barely changes (a wall-clock latency on a busy machine is mostly waiting for a core).
 */
async function editLatencies(client, uri, text, edits, pid) {
  const opened = client.nextDiagnostics(uri);
  client.open(uri, text);
  await opened;
  const latencies = [];
  const cpuBefore = pid === undefined ? null : processCpuMs(pid);
  const middle = text.indexOf('\n', Math.floor(text.length / 2));
  for (let version = 2; version < edits + 2; version++) {
    // A word typed in the middle of the document: every edit is new text, as when an author types.
    const edited = `${text.slice(0, middle)} typed${version}${text.slice(middle)}`;
    const published = client.nextDiagnostics(uri, (params) => params.version === version);
    const start = process.hrtime.bigint();
    client.change(uri, version, edited);
    await published;
    latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const cpuAfter = pid === undefined ? null : processCpuMs(pid);
  latencies.cpuPerEditMs = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / edits;
  return latencies;
}

/** Run the measurement; returns every latency, the medians and the memory after `documents` opened. */
export async function measureLanguageServer({ edits = 20, documents = 200 } = {}) {
  const workDir = mkdtempSync(join(tmpdir(), 'qadocs-bench-lsp-'));
  const reference = readFileSync(REFERENCE_DOCUMENT, 'utf8');
  const large = largeDocument(reference);
  const client = await startClient({ cwd: workDir, command: [process.execPath, QADOCS_BIN, 'lsp', '--stdio'] });
  try {
    const uri = (name) => client.uriOf(join(workDir, name));
    // Untimed warm-up: the first lint also starts the workers.
    await editLatencies(client, uri('warm-up.md'), reference, 3);
    // The machine's load beside the figures: on a shared machine a latency means little without it.
    const loadBefore = loadavg()[0];
    const referenceMs = await editLatencies(client, uri('reference.md'), reference, edits, client.child.pid);
    const largeMs = await editLatencies(client, uri('large.md'), large, edits, client.child.pid);
    const loadAfter = loadavg()[0];
    const before = processMemory(client.child.pid);
    const opened = [];
    for (let index = 0; index < documents; index++) {
      const documentUri = uri(`open-${index}.md`);
      opened.push(client.nextDiagnostics(documentUri));
      client.open(documentUri, reference.replace('Questions', `Questions ${index}`));
    }
    await Promise.all(opened);
    const after = processMemory(client.child.pid);
    return {
      command: `node ${QADOCS_BIN.replace(`${REPO_ROOT}/`, '')} lsp --stdio`,
      edits,
      documents,
      largeBytes: Buffer.byteLength(large),
      referenceMs,
      largeMs,
      loadAverage: [loadBefore, loadAfter],
      referenceCpuPerEditMs: referenceMs.cpuPerEditMs,
      largeCpuPerEditMs: largeMs.cpuPerEditMs,
      referenceMinMs: minimum(referenceMs),
      referenceMedianMs: median(referenceMs),
      referenceMaxMs: maximum(referenceMs),
      largeMinMs: minimum(largeMs),
      largeMedianMs: median(largeMs),
      largeMaxMs: maximum(largeMs),
      memoryBeforeMb: before?.rssMb ?? null,
      memoryAfterMb: after?.rssMb ?? null,
      peakMemoryMb: after?.peakMb ?? null,
    };
  } finally {
    await client.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The report: latencies against the limit, and memory. */
export function formatLanguageServerReport(result) {
  const ms = (value) => (value == null ? '—' : `${value.toFixed(1)} ms`);
  const mb = (value) => (value == null ? '—' : `${value.toFixed(0)} MB`);
  const status = (value) => (value == null ? 'SKIP' : value <= LATENCY_LIMIT_MS ? 'PASS' : 'FAIL');
  return [
    `\n== language server (${result.command}): didChange → publishDiagnostics, ${result.edits} edits each ==\n`,
    formatTable(
      ['document', 'min', 'median', 'max', `limit (median)`, 'status', 'server CPU / edit'],
      [
        ['reference document', ms(result.referenceMinMs), ms(result.referenceMedianMs), ms(result.referenceMaxMs), `${LATENCY_LIMIT_MS} ms`, status(result.referenceMedianMs), ms(result.referenceCpuPerEditMs)],
        [`${(result.largeBytes / 1024).toFixed(0)} KB document`, ms(result.largeMinMs), ms(result.largeMedianMs), ms(result.largeMaxMs), `${LATENCY_LIMIT_MS} ms`, status(result.largeMedianMs), ms(result.largeCpuPerEditMs)],
      ],
    ),
    '',
    ...(result.loadAverage ? [`load average (1 min) while measuring: ${result.loadAverage.map((load) => load.toFixed(2)).join(' → ')} on ${availableParallelism()} cores`] : []),
    `server RSS: ${mb(result.memoryBeforeMb)} with 3 documents open, ${mb(result.memoryAfterMb)} after ${result.documents} more (peak ${mb(result.peakMemoryMb)}; workers included: they are threads of the server)`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const value = (flag, fallback) => {
    const index = process.argv.indexOf(flag);
    return index >= 0 ? Number(process.argv[index + 1]) : fallback;
  };
  const result = await measureLanguageServer({ edits: value('--edits', 20), documents: value('--documents', 200) });
  console.log(formatLanguageServerReport(result));
}
