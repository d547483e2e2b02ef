import path from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_MAX_BYTES, type ProvenanceOptions } from '@qadocs/parser';
import type { ConfiguredRule } from '../engine/lint-parsed.js';
import type { Rule } from '../rule.js';
import { rules as registeredRules } from '../rules/index.js';
import { ConfigError, quoteValue } from './config-error.js';
import { configErrorFromIssues } from './config-issue.js';
import { configFileSchema, type PresetName } from './config-schema.js';
import { compileFrontmatterSchema } from './frontmatter-schema.js';
import { presetSeverity } from './presets.js';
import { readRuleSettings, type RuleSetting } from './rule-entry.js';
import { DEFAULT_SETTINGS, type LintSettings } from './settings.js';

/** Per-file time limit when the config sets none, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** What one file is linted with. */
export interface FileConfig {
  /** The enabled rules, in registry order, with severity and validated options. */
  rules: ConfiguredRule[];
  settings: LintSettings;
}

/** A loaded, validated configuration. */
export interface ResolvedConfig {
  /** Absolute path of the file read, or null when the defaults (or a config given in code) apply. */
  readonly file: string | null;
  /** Folder that relative paths in the config (`contentRoot`, `frontmatter.schema`) are resolved against. */
  readonly baseDirectory: string;
  /** Absolute path of the content root. */
  readonly contentRootPath: string;
  readonly presets: readonly PresetName[];
  /** Largest file read, in bytes (the parser's `maxBytes`). */
  readonly maxFileSize: number;
  /** Time limit for one file, in milliseconds (enforced by whoever runs the files, e.g. a worker pool). */
  readonly timeout: number;
  /** The project settings (the same for every file). */
  readonly settings: LintSettings;
  /** Options for `parseDocument`/`parseFile`, other than `path` and `root`. */
  readonly parseOptions: { provenance: ProvenanceOptions; maxBytes: number };
  /** Every rule known when the config was resolved. */
  readonly knownRules: readonly Rule<any>[];
  /** The rules and settings for one file, by its POSIX path relative to the content root. */
  forFile(relativePath: string): FileConfig;
  /** The same config with some settings replaced, e.g. `{ links }` after `checkLinks` for `--check-links`. */
  withSettings(patch: Partial<LintSettings>): ResolvedConfig;
}

/** Where a raw config came from, for messages and relative paths. */
export interface ConfigSource {
  /** Absolute path of the config file; null for a config given in code. */
  file?: string | null;
  /** How messages name it: `qadocs.config.json`, `the "qadocs" key of package.json`. */
  label?: string;
  /** Folder relative paths are resolved against; default the file's folder, else the current directory. */
  baseDirectory?: string;
  /** The rules to configure; default the registry. Tests pass their own. */
  rules?: readonly Rule<any>[];
}

/** Validate a config object (already read from its file) and resolve it against the rules. */
export function resolveConfig(raw: unknown, source: ConfigSource = {}): ResolvedConfig {
  const file = source.file ?? null;
  const where = `in ${source.label ?? (file ? path.basename(file) : 'the configuration')}`;
  const baseDirectory = path.resolve(source.baseDirectory ?? (file ? path.dirname(file) : process.cwd()));
  const knownRules = [...(source.rules ?? registeredRules)];
  const ruleById = new Map(knownRules.map((rule) => [rule.id, rule]));

  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`Unexpected value ${quoteValue(raw)} for the configuration ${where}, expected an object`, { key: '', value: raw, file });
  }
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw configErrorFromIssues(parsed.error.issues, {
      root: raw,
      schema: configFileSchema,
      keyPrefix: [],
      where,
      file,
      subject: (relative) => `for "${formatDotted(relative)}"`,
      container: (relative) => (relative.length === 0 ? '' : ` in "${formatDotted(relative)}"`),
    });
  }
  const config = parsed.data;

  const presets: PresetName[] = config.extends === undefined ? ['recommended'] : Array.isArray(config.extends) ? config.extends : [config.extends];
  const base = new Map<string, RuleSetting>();
  for (const rule of knownRules) base.set(rule.id, { severity: presetSeverity(rule, presets.at(-1) ?? 'recommended'), options: defaultOptions(rule) });
  if (config.rules) applyLayer(base, readRuleSettings(config.rules, ruleById, { keyPrefix: ['rules'], where, file }));

  const overrides = (config.overrides ?? []).map((override, index) => {
    const globs = Array.isArray(override.files) ? override.files : [override.files];
    return {
      matches: picomatch(globs, { dot: true }),
      settings: readRuleSettings(override.rules, ruleById, { keyPrefix: ['overrides', index, 'rules'], where, file }),
    };
  });

  const settings: LintSettings = {
    contentRoot: config.contentRoot ?? DEFAULT_SETTINGS.contentRoot,
    categories: {
      aliases: { ...DEFAULT_SETTINGS.categories.aliases, ...lowerCaseKeys(config.categories?.aliases ?? {}) },
      folders: { ...DEFAULT_SETTINGS.categories.folders, ...(config.categories?.folders ?? {}) },
    },
    provenance: {
      assistants: config.provenance?.assistants ?? DEFAULT_SETTINGS.provenance.assistants,
      reviewKey: config.provenance?.reviewKey ?? DEFAULT_SETTINGS.provenance.reviewKey,
      dateOrder: config.provenance?.dateOrder === undefined ? DEFAULT_SETTINGS.provenance.dateOrder : config.provenance.dateOrder,
    },
    citations: {
      allowlist: config.citations?.allowlist ?? DEFAULT_SETTINGS.citations.allowlist,
      claimCoverage: config.citations?.claimCoverage ?? DEFAULT_SETTINGS.citations.claimCoverage,
    },
    frontmatter: {
      required: config.frontmatter?.required ?? DEFAULT_SETTINGS.frontmatter.required,
      validate: config.frontmatter?.schema === undefined ? DEFAULT_SETTINGS.frontmatter.validate : compileFrontmatterSchema(config.frontmatter.schema, { baseDirectory, where, file }),
    },
    classifier: { threshold: config.classifier?.threshold ?? DEFAULT_SETTINGS.classifier.threshold },
    links: DEFAULT_SETTINGS.links,
  };
  const maxFileSize = config.maxFileSize ?? DEFAULT_MAX_BYTES;
  return createResolvedConfig({
    file,
    baseDirectory,
    contentRootPath: path.resolve(baseDirectory, settings.contentRoot),
    presets,
    maxFileSize,
    timeout: config.timeout ?? DEFAULT_TIMEOUT_MS,
    settings,
    knownRules,
    base,
    overrides,
  });
}

interface ResolvedParts extends Omit<ResolvedConfig, 'forFile' | 'withSettings' | 'parseOptions'> {
  base: ReadonlyMap<string, RuleSetting>;
  overrides: ReadonlyArray<{ matches: (path: string) => boolean; settings: ReadonlyMap<string, RuleSetting> }>;
}

function createResolvedConfig(parts: ResolvedParts): ResolvedConfig {
  const { base, overrides, knownRules } = parts;
  const settings = Object.freeze({ ...parts.settings });
  const cache = new Map<string, FileConfig>();
  const forFile = (relativePath: string): FileConfig => {
    const posix = relativePath.split(path.sep).join('/').replace(/^\.\//, '');
    const matched = overrides.flatMap((override, index) => (override.matches(posix) ? [index] : []));
    const cacheKey = matched.join(',');
    let fileConfig = cache.get(cacheKey);
    if (!fileConfig) {
      const layered = new Map(base);
      for (const index of matched) applyLayer(layered, overrides[index]!.settings);
      const rules: ConfiguredRule[] = [];
      for (const rule of knownRules) {
        const setting = layered.get(rule.id)!;
        if (setting.severity !== 'off') rules.push({ rule, severity: setting.severity, options: setting.options });
      }
      fileConfig = { rules, settings };
      cache.set(cacheKey, fileConfig);
    }
    return fileConfig;
  };

  return Object.freeze({
    file: parts.file,
    baseDirectory: parts.baseDirectory,
    contentRootPath: parts.contentRootPath,
    presets: parts.presets,
    maxFileSize: parts.maxFileSize,
    timeout: parts.timeout,
    settings,
    parseOptions: {
      provenance: { ...(settings.provenance.assistants.length > 0 ? { assistants: settings.provenance.assistants } : {}), dateOrder: settings.provenance.dateOrder },
      maxBytes: parts.maxFileSize,
    },
    knownRules,
    forFile,
    withSettings: (patch: Partial<LintSettings>) => createResolvedConfig({ ...parts, settings: { ...settings, ...patch } }),
  });
}

/** A later layer replaces severities; options given only with a severity keep the earlier ones (as ESLint does). */
function applyLayer(target: Map<string, RuleSetting>, layer: ReadonlyMap<string, RuleSetting>): void {
  for (const [ruleId, setting] of layer) {
    const previous = target.get(ruleId);
    target.set(ruleId, { severity: setting.severity, options: 'options' in setting ? setting.options : previous?.options });
  }
}

function defaultOptions(rule: Rule<any>): unknown {
  const parsed = rule.options.safeParse({});
  // A rule whose options cannot all default is a bug in the rule; the parity test checks for it.
  if (!parsed.success) throw new Error(`Unexpected options schema of rule \`${rule.id}\`: \`{}\` does not validate, expected every option to have a default`);
  return parsed.data;
}

function lowerCaseKeys<Value>(record: Record<string, Value>): Record<string, Value> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]));
}

/** `categories.aliases.howto`, `overrides[0].files`. */
function formatDotted(relative: ReadonlyArray<PropertyKey>): string {
  return relative.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`)).join('');
}
