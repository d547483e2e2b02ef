export { defineRule, ruleFolderName, ruleDocsUrl, type Rule, type RuleContext, type RuleSeverity, type ReportDescriptor } from './rule.js';
export { createLintDocument, normalizeLabel, type LintDocument } from './lint-document.js';
export { lintParsed, stamp, type ConfiguredRule } from './engine/lint-parsed.js';
export { applyFixes, mergeFixes } from './engine/apply-fixes.js';
export { fixSource, MAX_FIX_PASSES, type FixResult, type LintText } from './engine/fix-source.js';
export { readDirectives } from './engine/directives.js';
export { DEFAULT_SETTINGS, DEFAULT_CATEGORY_ALIASES, type LintSettings } from './config/settings.js';
