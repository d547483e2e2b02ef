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
