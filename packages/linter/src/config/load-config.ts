import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { requireFromLinter } from '../package-files.js';
import type { Rule } from '../rule.js';
import { ConfigError } from './config-error.js';
import { readRegularFile } from './read-regular-file.js';
import { resolveConfig, type ResolvedConfig } from './resolve-config.js';

/** The file names looked for, in this order; then the `qadocs` key of package.json. */
export const CONFIG_FILE_NAMES = ['qadocs.config.json', 'qadocs.config.yaml', 'qadocs.config.yml', 'qadocs.config.js', 'qadocs.config.mjs', 'qadocs.config.ts'] as const;

export interface LoadConfigOptions {
  /** Folder searched for the config; relative paths resolve against it. Default the current directory. */
  cwd?: string;
  /** An explicit config file (`--config`), relative to `cwd`; it must exist. */
  configFile?: string;
  /** The rules to configure; default the registry. */
  rules?: readonly Rule<any>[];
}

/**
 * Find, read and validate the project's config: `qadocs.config.{json,yaml,yml,js,mjs,ts}` in `cwd`, or the
 * `qadocs` key of its package.json; with none, the `recommended` defaults. Throws `ConfigError`.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const rules = options.rules ? { rules: options.rules } : {};
  if (options.configFile !== undefined) {
    const file = path.resolve(cwd, options.configFile);
    if (!existsSync(file)) {
      throw new ConfigError(`Unexpected config file "${options.configFile}", no such file in ${cwd}; expected one of ${CONFIG_FILE_NAMES.join(', ')} or a package.json`, { key: 'configFile', value: options.configFile, file: null });
    }
    const label = labelOf(file, cwd);
    if (path.basename(file) === 'package.json') {
      const data = readConfigFile(file, label) as Record<string, unknown> | null;
      return resolveConfig(data?.qadocs ?? {}, { file, label: `the "qadocs" key of ${label}`, ...rules });
    }
    return resolveConfig(await readConfigModule(file, label), { file, label, ...rules });
  }
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(cwd, name);
    if (existsSync(file)) return resolveConfig(await readConfigModule(file, name), { file, label: name, ...rules });
  }
  const packageJson = path.join(cwd, 'package.json');
  if (existsSync(packageJson)) {
    let data: unknown;
    try {
      data = JSON.parse(readRegularFile(packageJson, MAX_CONFIG_BYTES));
    } catch {
      data = null; // a broken package.json is not ours to report; it just holds no config
    }
    if (data !== null && typeof data === 'object' && 'qadocs' in data) {
      if (nestingDepth(data, MAX_CONFIG_DEPTH) > MAX_CONFIG_DEPTH) {
        throw new ConfigError(`Unexpected nesting deeper than ${MAX_CONFIG_DEPTH} levels in package.json, expected a config object a few levels deep`, { key: '', value: undefined, file: packageJson });
      }
      return resolveConfig((data as { qadocs: unknown }).qadocs, { file: packageJson, label: 'the "qadocs" key of package.json', ...rules });
    }
  }
  return resolveConfig({}, { baseDirectory: cwd, ...rules });
}

async function readConfigModule(file: string, label: string): Promise<unknown> {
  if (!/\.(c|m)?[jt]s$/.test(file)) return readConfigFile(file, label);
  // Node 20 cannot import TypeScript; jiti transpiles it (and loads plain JS the same way).
  // Loaded only for JS/TS configs: it is the heaviest part of config loading.
  const { createJiti } = requireFromLinter('jiti') as typeof import('jiti');
  const jiti = createJiti(import.meta.url, { fsCache: false, moduleCache: false, interopDefault: true });
  try {
    return await jiti.import(file, { default: true });
  } catch (error) {
    throw new ConfigError(`Unexpected error loading ${label}: ${(error as Error).message}, expected a module whose default export is the config object`, { key: '', value: undefined, file, cause: error });
  }
}

/** The largest config file (or package.json) read. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/**
 * Deeper config data is refused before it is validated: a config is a few levels deep, and a
 * 100,000-deep array would overflow the stack of whatever walks it next (validation, messages).
 */
const MAX_CONFIG_DEPTH = 64;

function readConfigFile(file: string, label: string): unknown {
  let text: string;
  try {
    text = readRegularFile(file, MAX_CONFIG_BYTES);
  } catch (error) {
    throw new ConfigError(`Unexpected config file ${label} (${(error as Error).message}), expected a regular file of at most ${MAX_CONFIG_BYTES} bytes`, { key: '', value: undefined, file, cause: error });
  }
  const data = parseConfigText(text, file, label);
  if (nestingDepth(data, MAX_CONFIG_DEPTH) > MAX_CONFIG_DEPTH) {
    throw new ConfigError(`Unexpected nesting deeper than ${MAX_CONFIG_DEPTH} levels in ${label}, expected a config object a few levels deep`, { key: '', value: undefined, file });
  }
  return data;
}

/** How deep arrays and objects nest in parsed JSON/YAML data, counted without recursion and only up to `limit` + 1. */
function nestingDepth(data: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[data, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function parseConfigText(text: string, file: string, label: string): unknown {
  if (/\.ya?ml$/.test(file)) {
    try {
      return parseYaml(text, { uniqueKeys: true, maxAliasCount: 100 }) ?? {};
    } catch (error) {
      const at = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
      throw new ConfigError(`Unexpected YAML in ${label}${at}: ${firstLine((error as Error).message)}, expected a YAML mapping`, { key: '', value: undefined, file, cause: error });
    }
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`Unexpected JSON in ${label}: ${(error as Error).message}, expected a JSON object`, { key: '', value: undefined, file, cause: error });
  }
}

function labelOf(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/[.:]\s*$/, '');
}
