import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig, MAX_TIMEOUT_MS, type ResolvedConfig } from '@qadocs/linter';
import type { CliIo } from './cli-io.js';
import { runDocuments, type PipelineSetup, type RunDocumentsOptions } from '@qadocs/engine';
import { changesSince, type FileChange } from './files/changed-since.js';
import { findDocuments, MARKDOWN_EXTENSIONS, parseShard, selectShard } from './files/find-documents.js';
import { UsageError } from './usage-error.js';

/** Flags every document command shares. */
export interface CommonFlags {
  config?: string;
  root?: string;
  threads?: string;
  timeout?: string;
  changedSince?: string;
  shard?: string;
  progress?: boolean;
  lowMemory?: boolean;
}

export interface RunContext {
  config: ResolvedConfig;
  configFile: string | null;
  root: string;
  files: string[];
  timeoutMs: number;
  threads: number | undefined;
  lowMemory: boolean;
  /** With `--changed-since`: each changed file's added and modified lines (for `--only-changed-lines`). */
  changes?: Map<string, FileChange>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** The config named by `--config`, or the one found from the working directory. */
export async function loadRunConfig(flags: Pick<CommonFlags, 'config'>, io: CliIo): Promise<ResolvedConfig> {
  const configFile = flags.config ? path.resolve(io.cwd, flags.config) : null;
  if (configFile && !existsSync(configFile)) throw new UsageError(`Unexpected --config "${flags.config}": no such file, expected a qadocs.config.{json,yaml,js,ts}`);
  return loadConfig({ cwd: io.cwd, ...(configFile ? { configFile } : {}) });
}

/**
 * What the cache key knows of the config: its file's bytes (or package.json's, which can hold the
 * `qadocs` key). A changed config invalidates every cached result, never a stale one survives.
 */
export function configFingerprint(config: ResolvedConfig, cwd: string): string {
  const file = config.file ?? path.join(cwd, 'package.json');
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'defaults';
}

/**
 * Load the config and find the documents a command works on. With `requireMatches`, a path, folder or
 * glob (or the content root) that holds no Markdown document is a usage error.
 */
export async function prepareRun(paths: readonly string[], flags: CommonFlags, io: CliIo, options: { requireMatches?: boolean } = {}): Promise<RunContext> {
  const config = await loadRunConfig(flags, io);
  const contentRoot = config.contentRootPath;
  const inputs = paths.length > 0 ? [...paths] : [contentRoot];
  if (paths.length === 0 && !existsSync(contentRoot)) {
    throw new UsageError(`Unexpected missing content root "${path.relative(io.cwd, contentRoot)}", expected a folder of Markdown documents (give paths, or set \`contentRoot\`)`);
  }
  let files = options.requireMatches ? await findDocumentsOfEach(inputs, io.cwd) : await findDocuments(inputs, io.cwd);
  const root = flags.root ? path.resolve(io.cwd, flags.root) : chooseRoot(inputs, files, contentRoot, io.cwd);
  let changes: Map<string, FileChange> | undefined;
  if (flags.changedSince) {
    changes = await changesSince(flags.changedSince, io.cwd);
    files = files.filter((file) => changes!.has(file));
  }
  if (flags.shard) files = selectShard(files, parseShard(flags.shard), root);
  return {
    config,
    configFile: config.file ?? null,
    root,
    files,
    timeoutMs: timeoutOf(flags, config),
    threads: flags.threads !== undefined ? positiveInteger('--threads', flags.threads) : undefined,
    lowMemory: flags.lowMemory ?? false,
    ...(changes ? { changes } : {}),
  };
}

/** `findDocuments`, input by input, refusing an input that yields no document (it quotes the input). */
async function findDocumentsOfEach(inputs: readonly string[], cwd: string): Promise<string[]> {
  const files = new Set<string>();
  for (const input of inputs) {
    const found = await findDocuments([input], cwd);
    if (found.length === 0) {
      throw new UsageError(`Unexpected path "${input}": it matches no Markdown document (.${MARKDOWN_EXTENSIONS.join(', .')}), expected files, folders or globs that hold documents`);
    }
    for (const file of found) files.add(file);
  }
  return [...files].sort();
}

/**
 * Record paths and default ids are relative to the content root. When the files lie elsewhere (say a
 * folder given on the command line), that folder is the root, so ids stay unique and meaningful.
 */
function chooseRoot(inputs: readonly string[], files: readonly string[], contentRoot: string, cwd: string): string {
  const inside = (dir: string) => files.every((file) => !path.relative(dir, file).startsWith('..'));
  if (files.length > 0 && inside(contentRoot)) return contentRoot;
  if (inputs.length === 1) {
    const only = path.resolve(cwd, inputs[0]!);
    if (existsSync(only) && statSync(only).isDirectory()) return only;
  }
  return cwd;
}

/** The per-file time limit: `--timeout`, else the config's `timeout` (itself validated when loaded). */
export function timeoutOf(flags: Pick<CommonFlags, 'timeout'>, config: ResolvedConfig): number {
  return flags.timeout !== undefined ? positiveInteger('--timeout', flags.timeout, MAX_TIMEOUT_MS) : (config.timeout ?? DEFAULT_TIMEOUT_MS);
}

/** A whole number from 1 to `max` from a flag, or a usage error quoting it and naming the flag. */
export function positiveInteger(flag: string, value: string, max = Number.MAX_SAFE_INTEGER): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1 || number > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'a whole number ≥ 1' : `a whole number from 1 to ${max}`;
    throw new UsageError(`Unexpected ${flag} "${value}", expected ${range}`);
  }
  return number;
}

/** A whole number ≥ 0 from a flag, or a usage error quoting it. */
export function nonNegativeInteger(flag: string, value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) throw new UsageError(`Unexpected ${flag} "${value}", expected a whole number ≥ 0`);
  return number;
}

/** What a command needs from each document besides its lint result. */
export type DocumentNeeds = Partial<Pick<PipelineSetup, 'fix' | 'record' | 'html' | 'classify' | 'customIds' | 'chunks' | 'page' | 'errorsOnly'>>;

/** Stream the run's documents through the pipeline, each parsed once for everything `needs` asks. */
export function processDocuments(context: RunContext, io: CliIo, needs: DocumentNeeds, extra: Pick<RunDocumentsOptions, 'cache' | 'onProgress' | 'contents'> = {}) {
  return runDocuments({
    setup: { cwd: io.cwd, configFile: context.configFile, root: context.root, fix: false, record: false, html: false, classify: false, ...needs },
    files: context.files,
    config: context.config,
    timeoutMs: context.timeoutMs,
    threads: context.threads,
    lowMemory: context.lowMemory,
    workerFile: bundledWorkerFile(),
    ...extra,
  });
}

/**
 * The worker the build bundled beside the CLI (one file loads far faster than the engine's ~400
 * modules), or undefined when running from the plain compiled modules: the engine's own worker then.
 */
export function bundledWorkerFile(): string | undefined {
  const distDir = path.dirname(createRequire(import.meta.url).resolve('qadocs'));
  const bundled = path.join(distDir, 'qadocs-worker.mjs');
  return existsSync(bundled) ? pathToFileURL(bundled).href : undefined;
}
