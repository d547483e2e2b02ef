#!/usr/bin/env node
// The parse floor: gray-matter + remark-parse + remark-gfm to mdast over every Markdown file of a
// directory, results discarded. `--workers 1` parses in this thread; `--workers N` (N ≥ 2) hands
// files to N worker threads in small batches and only lists files here. This is the least work
// any remark-based linter must do, so qadocs is measured against it.
//
//   node src/parse-floor.mjs <dir> [--workers N]
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

const BATCH_SIZE = 16;

function parseArguments(argv) {
  let dir = null;
  let workers = 1;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--workers') workers = Number(argv[++i]);
    else if (dir === null) dir = argv[i];
    else throw new Error(`unexpected argument \`${argv[i]}\``);
  }
  if (!dir || !Number.isInteger(workers) || workers < 1) {
    throw new Error('usage: node src/parse-floor.mjs <dir> [--workers N]');
  }
  return { dir: resolve(dir), workers };
}

function markdownFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

async function parseInThisThread(paths) {
  // Loaded here, not at the top: with workers, this thread only lists files and never parses.
  const { parseMarkdownFile } = await import('./parse-markdown-file.mjs');
  const totals = { files: 0, bytes: 0, frontMatterErrors: 0 };
  for (const path of paths) {
    const parsed = parseMarkdownFile(path);
    totals.files++;
    totals.bytes += parsed.bytes;
    if (parsed.frontMatterError) totals.frontMatterErrors++;
  }
  return totals;
}

function parseInWorkers(paths, workerCount) {
  return new Promise((resolvePromise, reject) => {
    const totals = { files: 0, bytes: 0, frontMatterErrors: 0 };
    let next = 0;
    let running = workerCount;
    const workers = Array.from({ length: workerCount }, () => new Worker(new URL('./parse-floor-worker.mjs', import.meta.url)));
    const feed = (worker) => {
      if (next >= paths.length) {
        worker.terminate();
        if (--running === 0) resolvePromise(totals);
        return;
      }
      worker.postMessage(paths.slice(next, next + BATCH_SIZE));
      next += BATCH_SIZE;
    };
    for (const worker of workers) {
      worker.on('message', (batch) => {
        totals.files += batch.files;
        totals.bytes += batch.bytes;
        totals.frontMatterErrors += batch.frontMatterErrors;
        feed(worker);
      });
      worker.on('error', (error) => {
        for (const other of workers) other.terminate();
        reject(error);
      });
      feed(worker);
    }
  });
}

const { dir, workers } = parseArguments(process.argv.slice(2));
const paths = markdownFiles(dir);
const totals = workers === 1 ? await parseInThisThread(paths) : await parseInWorkers(paths, workers);
console.log(JSON.stringify({ workers, ...totals }));
