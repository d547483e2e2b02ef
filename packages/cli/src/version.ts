import { readFileSync } from 'node:fs';

/** The version of the `qadocs` package, part of every cache key. */
export const QADOCS_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
