import { z } from 'zod';
import { CATEGORIES } from '@qadocs/schema';
import type { Rule } from '../rule.js';

/** The presets `extends` can name: `recommended` = each rule's default severity; `strict` = warnings raised to errors. */
export const PRESET_NAMES = ['recommended', 'strict'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Severity as written in a config: names, or ESLint's numbers 0, 1, 2. */
export const SEVERITY_NAMES = ['off', 'warn', 'error'] as const;
export const configSeveritySchema = z
  .union([z.enum(SEVERITY_NAMES), z.literal(0), z.literal(1), z.literal(2)])
  // An id makes the published JSON Schema say it once, under `$defs`, instead of once per rule.
  .meta({ id: 'ruleSeverity', description: '"off" (0), "warn" (1) or "error" (2)' });
export type ConfigSeverity = z.infer<typeof configSeveritySchema>;

/** A rule entry: a severity, or `[severity, options]` with options checked by the rule's schema. */
export function ruleEntrySchema(options: z.ZodType): z.ZodType {
  return z.union([configSeveritySchema, z.tuple([configSeveritySchema]), z.tuple([configSeveritySchema, options])]);
}

/** The longest per-file time limit: Node's timers take at most 2^31 - 1 ms (a longer one fires at once). */
export const MAX_TIMEOUT_MS = 2_147_483_647;

const categorySchema = z.enum(CATEGORIES);
const globsSchema = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)], { error: 'expected a glob or a non-empty array of globs' })
  .describe('Globs (picomatch) matched against the path relative to the content root, e.g. "how-to/**"');

/** Zod of a front-matter schema given in a JS/TS config: anything with `safeParse`. */
const zodSchemaValue = z.custom<z.ZodType>((value) => typeof value === 'object' && value !== null && typeof (value as { safeParse?: unknown }).safeParse === 'function', {
  error: 'expected a path to a JSON Schema file (or, in a JS/TS config, a zod schema)',
});

/**
 * The config object, with the `rules` value schema given: loose (`record`) to validate rule by rule with
 * clear messages, or one property per known rule to publish as JSON Schema.
 */
export function createConfigSchema<RulesSchema extends z.ZodType>(rulesSchema: RulesSchema, options: { allowZodFrontmatterSchema: boolean }) {
  const frontmatterSchemaValue = options.allowZodFrontmatterSchema ? z.union([z.string().min(1), zodSchemaValue], { error: 'expected a path to a JSON Schema file (or, in a JS/TS config, a zod schema)' }) : z.string().min(1);
  const presetSchema = z.enum(PRESET_NAMES);
  return z
    .object({
      $schema: z.string().optional().describe('The JSON Schema of this file, for editors'),
      extends: z
        .union([presetSchema, z.array(presetSchema)], { error: 'expected "recommended" or "strict", or an array of them' })
        .optional()
        .describe('Preset(s) applied first, in order: "recommended" (default severities) or "strict" (warnings raised to errors). Default "recommended"'),
      rules: rulesSchema.optional().describe('Severity and options per rule id: "off" | "warn" | "error" | [severity, options]'),
      overrides: z
        .array(z.object({ files: globsSchema, rules: rulesSchema }).strict())
        .optional()
        .describe('Rule settings for the files matching `files`, applied in order after `rules`'),
      contentRoot: z.string().min(1).optional().describe('Folder of the Q&A documents, relative to this file. Default "content"'),
      categories: z
        .object({
          aliases: z.record(z.string(), categorySchema).optional().describe('Extra spellings the `diataxis/category` fix maps to a category: {"guide": "how-to"}'),
          folders: z.record(z.string(), categorySchema).optional().describe('Folder names that mean a category: {"guides": "how-to"}'),
        })
        .strict()
        .optional(),
      provenance: z
        .object({
          assistants: z.array(z.string().min(1)).optional().describe('AI assistant names (replaces the built-in list: Copilot, ChatGPT, Claude, …)'),
          reviewKey: z.string().min(1).optional().describe('Front-matter key recording a human review. Default "reviewed_by"'),
          dateOrder: z.enum(['mdy', 'dmy']).nullable().optional().describe('How to read an ambiguous date like 10/11/2024'),
        })
        .strict()
        .optional(),
      citations: z
        .object({
          allowlist: z.array(z.string().min(1)).optional().describe('Allowed citation domains (subdomains included); empty turns `citation/domain` off'),
          claimCoverage: z.number().min(0).max(1).optional().describe('Share of claims (0..1) that must be cited. Default 1'),
        })
        .strict()
        .optional(),
      frontmatter: z
        .object({
          required: z.array(z.string().min(1)).optional().describe('Keys that must be present and non-empty. Default ["title", "description", "category"]'),
          schema: frontmatterSchemaValue.optional().describe('Path (relative to this file) of a JSON Schema the front matter must match'),
        })
        .strict()
        .optional(),
      classifier: z
        .object({ threshold: z.number().min(0).max(1).optional().describe('Confidence (0..1) at which `diataxis/content-fit` reports. Default 0.75') })
        .strict()
        .optional(),
      maxFileSize: z.number().int().positive().optional().describe('Largest file read, in bytes. Default 4 MiB'),
      timeout: z.number().int().positive().max(MAX_TIMEOUT_MS).optional().describe('Time limit for one file, in milliseconds, at most 2147483647 (Node timers\' limit). Default 10000'),
    })
    .strict();
}

/** The config as validated at load: rule entries are checked one by one afterwards. */
export const configFileSchema = createConfigSchema(z.record(z.string(), z.unknown()), { allowZodFrontmatterSchema: true });

/** A qadocs config, as written in `qadocs.config.*`. */
export type QadocsConfig = Omit<z.input<typeof configFileSchema>, 'rules' | 'overrides'> & {
  rules?: Record<string, RuleEntry>;
  overrides?: Array<{ files: string | string[]; rules: Record<string, RuleEntry> }>;
};

/** One value of `rules`. */
export type RuleEntry = ConfigSeverity | [ConfigSeverity] | [ConfigSeverity, unknown];

/** Identity, for a typed `qadocs.config.ts`: `export default defineConfig({ … })`. */
export function defineConfig(config: QadocsConfig): QadocsConfig {
  return config;
}

/** The URL the starter config's `$schema` points at (the file is also shipped in the package). */
export const CONFIG_SCHEMA_URL = 'https://raw.githubusercontent.com/qadocs/qadocs/main/packages/linter/generated/qadocs.config.schema.json';

/**
 * JSON Schema (2020-12) of the config, with one property per rule and each rule's options: what
 * `generated/qadocs.config.schema.json` holds and what editors complete against.
 */
export function configJsonSchema(rules: readonly Rule<any>[]): Record<string, unknown> {
  const rulesShape = Object.fromEntries([...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((rule) => [rule.id, ruleEntrySchema(rule.options).optional().describe(`${rule.description} (default "${rule.severity === 'warning' ? 'warn' : 'error'}")`)]));
  const schema = createConfigSchema(z.object(rulesShape).strict(), { allowZodFrontmatterSchema: false });
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $schema: json.$schema, $id: CONFIG_SCHEMA_URL, title: 'qadocs configuration', ...Object.fromEntries(Object.entries(json).filter(([key]) => key !== '$schema')) };
}
