import type { z } from 'zod';
import type { Fix, Position } from '@qadocs/schema';
import type { LintDocument } from './lint-document.js';
import type { LintSettings } from './config/settings.js';

/** `error` fails the run; `warning` is reported only. The default lives in the rule; config may change it. */
export type RuleSeverity = 'error' | 'warning';

/** What a rule reports. The engine adds rule id, severity, source, url and line/column. */
export interface ReportDescriptor {
  /** A key of the rule's `messages`; or give `message` for a one-off text. */
  messageId?: string;
  message?: string;
  /** Values for `{{name}}` placeholders in the message. */
  data?: Record<string, string | number>;
  place: Position;
  /**
   * `'warning'` reports this one message as a warning even when the rule is an error: for a check
   * that could not be made (a link whose host did not answer), which is not a failure. Never raises.
   */
  severity?: 'warning';
  /** Only allowed when the rule is `fixable`: one edit, or several that must be applied together. */
  fix?: Fix | Fix[];
  /**
   * Changes offered to the author but never applied by `--fix` (ESLint's `suggest`): for what only a
   * person can decide, such as removing the author's own words. Only allowed when the rule declares
   * `hasSuggestions`.
   */
  suggest?: SuggestionDescriptor[];
}

/** One suggestion of a report: its description (a key of the rule's `messages`, or a text) and its edits. */
export interface SuggestionDescriptor {
  messageId?: string;
  desc?: string;
  /** Values for `{{name}}` placeholders in the description. */
  data?: Record<string, string | number>;
  fix: Fix | Fix[];
}

export interface RuleContext<Options> {
  readonly options: Options;
  readonly settings: LintSettings;
  report(descriptor: ReportDescriptor): void;
}

/** A rule: metadata for docs, presets and the config schema, and a `check` over a parsed document. */
export interface Rule<Options = Record<string, never>> {
  /** Public, stable id: `group/name`. */
  id: string;
  /** Imperative, no period: "Require a definition for every footnote reference". */
  description: string;
  severity: RuleSeverity;
  fixable: boolean;
  /**
   * What `--fix` does, exactly, as a phrase (required when `fixable`, absent otherwise): the "Fixable"
   * line of `qadocs explain` and of the generated docs page, so that line cannot drift from the rule.
   */
  fixes?: string;
  /** The rule's reports may carry `suggest`: changes offered, never applied by `--fix`. */
  hasSuggestions?: boolean;
  messages: Record<string, string>;
  /** Validated when the config loads; its defaults fill in missing options. */
  options: z.ZodType<Options>;
  /** Rules checked on files that failed to parse (the parser's own diagnostics). */
  reportsParseFailures?: boolean;
  /** A rule kept for old configs: reports list it in `usedDeprecatedRules` with what replaces it. */
  deprecated?: { replacedBy: readonly string[] };
  check(document: LintDocument, context: RuleContext<Options>): void;
}

/** Declare a rule; the identity function that gives `check` its types. */
export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** Where a rule's module, docs and fixtures live: `citation/undefined` -> `citation-undefined`. */
export function ruleFolderName(ruleId: string): string {
  return ruleId.replace('/', '-');
}

/** The public page of a rule. */
export function ruleDocsUrl(ruleId: string): string {
  return `https://github.com/qadocs/qadocs/blob/main/packages/linter/docs/rules/${ruleFolderName(ruleId)}.md`;
}
