import type { Diagnostic, Fix, Position, Suggestion } from '@qadocs/schema';
import type { ParsedDocument } from '@qadocs/parser';
import { createLintDocument } from '../lint-document.js';
import { ruleDocsUrl, type Rule, type RuleSeverity, type ReportDescriptor } from '../rule.js';
import type { LintSettings } from '../config/settings.js';
import { mergeFixes } from './apply-fixes.js';
import { readDirectives } from './directives.js';

/** One rule as configured for one file: its severity and validated options. */
export interface ConfiguredRule {
  rule: Rule<any>;
  severity: RuleSeverity;
  options: unknown;
}

/**
 * Run the configured rules over one parsed file and return its diagnostics, sorted by position.
 * A file that failed to parse gets only the parser's diagnostics; a rule that throws becomes a fatal
 * diagnostic naming the rule, and the other rules still run.
 */
export function lintParsed(parsed: ParsedDocument, rules: readonly ConfiguredRule[], settings: LintSettings): Diagnostic[] {
  return lintParsedWithSuppressed(parsed, rules, settings).diagnostics;
}

/** What `lintParsed` reports, and the diagnostics inline directives turned off (ESLint's `suppressedMessages`). */
export interface LintedDiagnostics {
  diagnostics: Diagnostic[];
  suppressed: Diagnostic[];
}

/** `lintParsed`, keeping the directive-disabled diagnostics apart instead of dropping them. */
export function lintParsedWithSuppressed(parsed: ParsedDocument, rules: readonly ConfiguredRule[], settings: LintSettings): LintedDiagnostics {
  const document = createLintDocument(parsed);
  const diagnostics: Diagnostic[] = [];
  const mergedFixes: MergedFixes = new WeakMap();
  const active = parsed.fatal ? rules.filter((configured) => configured.rule.reportsParseFailures) : rules;
  for (const configured of active) {
    const { rule, severity, options } = configured;
    const report = (descriptor: ReportDescriptor) => {
      diagnostics.push(toDiagnostic(rule, severity, descriptor, parsed, mergedFixes));
    };
    try {
      rule.check(document, { options, settings, report });
    } catch (error) {
      diagnostics.push(crashDiagnostic(rule.id, error));
    }
  }
  // A fatal parser diagnostic shows even when its rule is off: the file was not checked at all.
  for (const diagnostic of parsed.diagnostics) {
    if (!diagnostic.fatal || rules.some((configured) => configured.rule.id === diagnostic.ruleId)) continue;
    diagnostics.push(stamp({ ruleId: diagnostic.ruleId, severity: 'error', reason: diagnostic.reason, place: diagnostic.place }));
  }
  if (parsed.fatal) {
    const fatalRuleIds = new Set(parsed.diagnostics.filter((diagnostic) => diagnostic.fatal).map((diagnostic) => diagnostic.ruleId));
    for (const diagnostic of diagnostics) if (fatalRuleIds.has(diagnostic.ruleId)) diagnostic.parseFailure = true;
  }
  const isSuppressed = parsed.fatal ? () => false : readDirectives(parsed.index.html);
  const byPosition = (a: Diagnostic, b: Diagnostic) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
  const kept: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  for (const diagnostic of diagnostics) (diagnostic.parseFailure || !isSuppressed(diagnostic.ruleId, diagnostic.line) ? kept : suppressed).push(diagnostic);
  return { diagnostics: kept.sort(byPosition), suppressed: suppressed.sort(byPosition) };
}

/**
 * The merged fix of each edit list a rule reported. A rule that numbers footnotes gives every report the
 * same list of edits spanning the document: merged once and shared, not once per report (quadratic in
 * the document's size, and the worker would send each copy to the front end).
 */
type MergedFixes = WeakMap<readonly Fix[], Fix>;

function mergedFix(parsed: ParsedDocument, fixes: readonly Fix[], merged: MergedFixes): Fix {
  let fix = merged.get(fixes);
  if (fix === undefined) merged.set(fixes, (fix = mergeFixes(parsed.source, fixes)));
  return fix;
}

function toDiagnostic(rule: Rule<any>, severity: RuleSeverity, descriptor: ReportDescriptor, parsed: ParsedDocument, merged: MergedFixes): Diagnostic {
  const template = descriptor.messageId !== undefined ? rule.messages[descriptor.messageId] : descriptor.message;
  if (template === undefined) throw new Error(`Unexpected messageId \`${descriptor.messageId}\` in rule \`${rule.id}\`, expected one of ${Object.keys(rule.messages).join(', ')}`);
  let fix: Fix | undefined;
  if (descriptor.fix) {
    if (!rule.fixable) throw new Error(`Unexpected fix from rule \`${rule.id}\`, which is not \`fixable\``);
    fix = Array.isArray(descriptor.fix) ? (descriptor.fix.length > 0 ? mergedFix(parsed, descriptor.fix, merged) : undefined) : descriptor.fix;
  }
  let suggestions: Suggestion[] | undefined;
  if (descriptor.suggest && descriptor.suggest.length > 0) {
    if (!rule.hasSuggestions) throw new Error(`Unexpected suggestion from rule \`${rule.id}\`, which does not declare \`hasSuggestions\``);
    suggestions = descriptor.suggest.map((suggestion) => {
      const text = suggestion.messageId !== undefined ? rule.messages[suggestion.messageId] : suggestion.desc;
      if (text === undefined) throw new Error(`Unexpected suggestion messageId \`${suggestion.messageId}\` in rule \`${rule.id}\`, expected one of ${Object.keys(rule.messages).join(', ')}`);
      return {
        desc: interpolate(text, suggestion.data ?? {}),
        ...(suggestion.messageId !== undefined ? { messageId: suggestion.messageId } : {}),
        fix: Array.isArray(suggestion.fix) ? mergeFixes(parsed.source, suggestion.fix) : suggestion.fix,
      };
    });
  }
  return stamp({
    ruleId: rule.id,
    severity: descriptor.severity ?? severity,
    reason: interpolate(template, descriptor.data ?? {}),
    place: descriptor.place,
    ...(descriptor.messageId !== undefined ? { messageId: descriptor.messageId } : {}),
    ...(fix ? { fix } : {}),
    ...(suggestions ? { suggestions } : {}),
  });
}

/** Fill in the fields the engine owns: severity number, `fatal`, `source`, `url`, line and column. */
export function stamp(input: { ruleId: string; severity: RuleSeverity; reason: string; place: Position; messageId?: string; fix?: Fix; suggestions?: Suggestion[]; parseFailure?: boolean }): Diagnostic {
  const { place } = input;
  return {
    ruleId: input.ruleId,
    source: 'qadocs',
    severity: input.severity === 'error' ? 2 : 1,
    fatal: input.severity === 'error',
    ...(input.parseFailure ? { parseFailure: true as const } : {}),
    reason: input.reason,
    message: input.reason,
    ...(input.messageId !== undefined ? { messageId: input.messageId } : {}),
    line: place.start.line,
    column: place.start.column,
    endLine: place.end.line,
    endColumn: place.end.column,
    place,
    url: ruleDocsUrl(input.ruleId),
    ...(input.fix ? { fix: input.fix } : {}),
    ...(input.suggestions ? { suggestions: input.suggestions } : {}),
  };
}

function crashDiagnostic(ruleId: string, error: unknown): Diagnostic {
  const cause = error instanceof Error ? error.message : String(error);
  return stamp({
    ruleId,
    severity: 'error',
    reason: `Unexpected crash in rule \`${ruleId}\`: ${cause}; please report it with this file`,
    place: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
  });
}

function interpolate(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
