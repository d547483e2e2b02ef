#!/usr/bin/env node
import { existsSync } from 'node:fs';

// `qadocs … | head` closes the pipe early: that is the reader's choice, not an error. The run goes on
// (what it writes now goes nowhere) so that its exit code still says whether the lint found errors:
// `qadocs lint -f json | head -c100` in a pipeline with `pipefail` must not pass a failing lint.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
  throw error;
});

// The bundle when the build made one (fast start), else the plain compiled modules.
const bundle = new URL('../dist/qadocs.mjs', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../dist/main.js');
process.exitCode = await main(process.argv.slice(2));
