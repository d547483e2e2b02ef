import type { Rule, RuleSeverity } from '../rule.js';
import { ConfigError, formatKeyPath, quoteValue } from './config-error.js';
import { configErrorFromIssues, suggestion } from './config-issue.js';

/** A rule's setting in one layer of the config (preset, `rules`, an override): options only when given. */
export interface RuleSetting {
  severity: RuleSeverity | 'off';
  /** Validated, defaults applied; absent when the entry gave only a severity (earlier options are kept). */
  options?: unknown;
}

/** Where the rules object being read sits, for messages. */
export interface RulesLocation {
  keyPrefix: ReadonlyArray<PropertyKey>;
  /** `in qadocs.config.json` */
  where: string;
  file: string | null;
}

const SEVERITY_BY_VALUE = new Map<unknown, RuleSeverity | 'off'>([
  ['off', 'off'],
  [0, 'off'],
  ['warn', 'warning'],
  [1, 'warning'],
  ['error', 'error'],
  [2, 'error'],
]);

/** ` (did you mean "citation/order"?)` for a typo or for the name without its group (`order`). */
export function ruleIdSuggestion(ruleId: string, knownIds: readonly string[]): string {
  const sameName = knownIds.filter((id) => id.endsWith(`/${ruleId}`));
  return sameName.length === 1 ? ` (did you mean "${sameName[0]}"?)` : suggestion(ruleId, knownIds);
}

/**
 * Read a `rules` object: known ids only (a typo gets the closest id suggested), a valid severity, and
 * options checked by the rule's own schema, so a bad config fails when it loads, not halfway through a run.
 */
export function readRuleSettings(value: Record<string, unknown>, ruleById: ReadonlyMap<string, Rule<any>>, location: RulesLocation): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  const inOverride = location.keyPrefix.length > 1 ? ` in ${formatKeyPath(location.keyPrefix.slice(0, -1))}` : '';
  for (const [ruleId, entry] of Object.entries(value)) {
    const key = [...location.keyPrefix, ruleId];
    const rule = ruleById.get(ruleId);
    if (!rule) {
      const hint = ruleIdSuggestion(ruleId, [...ruleById.keys()]) || ` (the rule ids are listed in docs/rules/README.md of @qadocs/linter)`;
      throw new ConfigError(`Unexpected rule "${ruleId}"${inOverride} ${location.where}, expected a known rule id${hint}`, { key: formatKeyPath(key), value: ruleId, file: location.file });
    }
    const tuple = Array.isArray(entry);
    if (tuple && (entry.length < 1 || entry.length > 2)) {
      throw new ConfigError(`Unexpected value ${quoteValue(entry)} for rule "${ruleId}"${inOverride} ${location.where}, expected a severity or [severity, options]`, { key: formatKeyPath(key), value: entry, file: location.file });
    }
    const written: unknown = tuple ? entry[0] : entry;
    const severity = SEVERITY_BY_VALUE.get(written);
    if (severity === undefined) {
      const what = typeof written === 'string' || typeof written === 'number' ? 'severity' : 'value';
      throw new ConfigError(`Unexpected ${what} ${quoteValue(written)} for rule "${ruleId}"${inOverride} ${location.where}, expected "off", "warn" or "error"`, {
        key: formatKeyPath(tuple ? [...key, 0] : key),
        value: written,
        file: location.file,
      });
    }
    if (!tuple || entry.length === 1) {
      settings.set(ruleId, { severity });
      continue;
    }
    const options: unknown = entry[1];
    const parsed = rule.options.safeParse(options);
    if (!parsed.success) {
      throw configErrorFromIssues(parsed.error.issues, {
        root: options,
        schema: rule.options,
        keyPrefix: [...key, 1],
        where: `${inOverride}${inOverride ? ' ' : ''}${location.where}`.trimStart(),
        file: location.file,
        noKeys: 'no options (this rule takes none)',
        subject: (relative) => (relative.length === 0 ? `for the options of rule "${ruleId}"` : `for option "${formatKeyPath(relative)}" of rule "${ruleId}"`),
        container: (relative) => (relative.length === 0 ? ` in the options of rule "${ruleId}"` : ` in option "${formatKeyPath(relative)}" of rule "${ruleId}"`),
      });
    }
    settings.set(ruleId, { severity, options: parsed.data });
  }
  return settings;
}
