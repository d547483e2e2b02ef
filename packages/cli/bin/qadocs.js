#!/usr/bin/env node
import { existsSync } from 'node:fs';

// The bundle when the build made one (fast start), else the plain compiled modules.
const bundle = new URL('../dist/qadocs.mjs', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../dist/main.js');
process.exitCode = await main(process.argv.slice(2));
