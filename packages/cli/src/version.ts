import { createRequire } from 'node:module';

/** The version of the `qadocs` package, part of every cache key (self-referenced: works bundled too). */
export const QADOCS_VERSION: string = (createRequire(import.meta.url)('qadocs/package.json') as { version: string }).version;
