import { existsSync, readFileSync } from 'node:fs';
import { ruleIdSuggestion } from './config/rule-entry.js';
import { linterPackageFile } from './package-files.js';
import { ruleFolderName } from './rule.js';
import { ruleById, rules } from './rules/index.js';

/** `qadocs explain` named a rule that does not exist (the CLI exits with 2). */
export class UnknownRuleError extends Error {
  override readonly name = 'UnknownRuleError';
  readonly ruleId: string;

  constructor(ruleId: string) {
    super(`Unexpected rule "${ruleId}", expected a known rule id${ruleIdSuggestion(ruleId, rules.map((rule) => rule.id)) || ` (${rules.length} rules are listed in docs/rules/README.md)`}`);
    this.ruleId = ruleId;
  }
}

/** Where the generated rule pages are shipped: `docs/rules/` beside `dist/` (and beside `src/`). */
export const RULE_DOCS_DIRECTORY = linterPackageFile('docs/rules/');

/** A rule's generated docs page (Markdown), for `qadocs explain <rule-id>`. Throws `UnknownRuleError`. */
export function explainRule(ruleId: string): string {
  if (!ruleById(ruleId)) throw new UnknownRuleError(ruleId);
  const file = linterPackageFile(`docs/rules/${ruleFolderName(ruleId)}.md`);
  if (!existsSync(file)) throw new Error(`Unexpected missing docs page ${file}, expected \`pnpm --filter @qadocs/linter build\` to have generated it`);
  return readFileSync(file, 'utf8');
}

/**
 * A rule's docs page without its generated head (the note, title, description and the table of
 * severity, fixability and options): the prose, options, messages and examples, from the first `## `
 * section on. For a caller that prints the head from the rule's metadata itself, as `qadocs explain` does.
 */
export function explainRuleSections(ruleId: string): string {
  const page = explainRule(ruleId);
  const firstSection = page.search(/^## /m);
  return firstSection === -1 ? '' : page.slice(firstSection);
}
