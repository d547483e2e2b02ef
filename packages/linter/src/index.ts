// Rules and the engine
export { defineRule, ruleFolderName, ruleDocsUrl, type Rule, type RuleContext, type RuleSeverity, type ReportDescriptor } from './rule.js';
export { createLintDocument, normalizeLabel, type LintDocument } from './lint-document.js';
export { lintParsed, lintParsedWithSuppressed, stamp, type ConfiguredRule, type LintedDiagnostics } from './engine/lint-parsed.js';
export { applyFixes, mergeFixes } from './engine/apply-fixes.js';
export { fixSource, MAX_FIX_PASSES, type FixResult, type LintText } from './engine/fix-source.js';
export { readDirectives } from './engine/directives.js';
export { rules, ruleById } from './rules/index.js';
export { explainRule, explainRuleSections, UnknownRuleError, RULE_DOCS_DIRECTORY } from './explain-rule.js';

// One file, with a loaded config: what the CLI calls
export { lintSource, fixText, type LintSourceOptions, type FixTextResult } from './lint-source.js';

// Configuration
export { DEFAULT_SETTINGS, DEFAULT_CATEGORY_ALIASES, type LintSettings } from './config/settings.js';
export { loadConfig, CONFIG_FILE_NAMES, type LoadConfigOptions } from './config/load-config.js';
export { resolveConfig, DEFAULT_TIMEOUT_MS, type ResolvedConfig, type FileConfig, type ConfigSource } from './config/resolve-config.js';
export { ConfigError } from './config/config-error.js';
export {
  configJsonSchema,
  defineConfig,
  CONFIG_SCHEMA_URL,
  MAX_TIMEOUT_MS,
  PRESET_NAMES,
  SEVERITY_NAMES,
  type PresetName,
  type QadocsConfig,
  type RuleEntry,
  type ConfigSeverity,
} from './config/config-schema.js';
export { presetSeverity } from './config/presets.js';
export { starterConfigText } from './config/starter-config.js';

// Authoring
export { scaffoldDocument, normalizeQuestion, titleOfQuestion, slugOfQuestion, PLACEHOLDER_MARKER } from './authoring/scaffold-document.js';
export { categoryOfName, newDocumentPath } from './authoring/document-location.js';
export { asksNearlyTheSame } from './authoring/question-similarity.js';
export { importAnswer, ImportError, type ImportOptions, type ImportedDocument, type ImportedCitation, type UnclearCategory } from './authoring/import/import-answer.js';

// Reports
export { createLintResult, trimLintResult, type LintResultExtras } from './reporters/lint-result.js';
export { formatResults, REPORT_FORMATS, UnknownFormatError, type ReportFormat, type FormatOptions } from './reporters/format-results.js';
export { formatStylish, type StylishOptions } from './reporters/stylish.js';
export { escapeControlCharacters } from './reporters/terminal-text.js';
export { asciiJson, formatJson, jsonReportEntry, toEslintJson, type EslintJsonResult, type EslintJsonMessage, type EslintJsonSuppressedMessage } from './reporters/json.js';
export { formatSarif, toSarif, ruleFriendlyName, type SarifOptions } from './reporters/sarif.js';
export { formatRdjson, toRdjson, type RdjsonResult, type RdjsonDiagnostic, type RdjsonPosition } from './reporters/rdjson.js';
export { formatMarkdown } from './reporters/markdown.js';
export { formatGithub } from './reporters/github.js';
export { classifyDocument, classificationReport, type CategoryCandidate, type Classification, type ClassificationReport } from './classifier/index.js';
export { checkLinks, type LinkCheck, type CheckLinksOptions } from './links/check-links.js';
