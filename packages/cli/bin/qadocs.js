#!/usr/bin/env node
import { existsSync } from 'node:fs';

// `qadocs … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// The bundle when the build made one (fast start), else the plain compiled modules.
const bundle = new URL('../dist/qadocs.mjs', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../dist/main.js');
process.exitCode = await main(process.argv.slice(2));
