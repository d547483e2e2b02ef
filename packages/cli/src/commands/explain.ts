import { explainRule, rules } from '@qadocs/linter';
import type { CliIo } from '../cli-io.js';
import { EXIT, UsageError } from '../usage-error.js';

/** `qadocs explain <rule-id>`: the rule's generated docs page. */
export async function explainCommand(ruleId: string, io: CliIo): Promise<number> {
  const known = rules.map((rule) => rule.id);
  if (!known.includes(ruleId)) {
    const closest = known.find((id) => id.endsWith(`/${ruleId}`) || id.split('/')[1] === ruleId.split('/').pop());
    throw new UsageError(`Unexpected rule "${ruleId}", expected a rule id such as ${closest ? `"${closest}"` : '"citation/undefined"'} (\`qadocs explain --list\` lists them)`);
  }
  io.stdout.write(explainRule(ruleId));
  return EXIT.ok;
}

/** `qadocs explain --list`: every rule with its default severity and fixability. */
export function listRules(io: CliIo): number {
  for (const rule of rules) io.stdout.write(`${rule.id.padEnd(36)} ${rule.severity.padEnd(8)} ${rule.fixable ? 'fixable ' : '        '} ${rule.description}\n`);
  return EXIT.ok;
}
