import type { Rule, RuleSeverity } from '../rule.js';
import type { PresetName } from './config-schema.js';

/** A rule's severity in a preset: `recommended` keeps the rule's default, `strict` makes every rule an error. */
export function presetSeverity(rule: Rule<any>, preset: PresetName): RuleSeverity {
  return preset === 'strict' ? 'error' : rule.severity;
}
