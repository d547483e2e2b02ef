import { z } from 'zod';
import { defineRule, type Rule, type RuleSeverity } from '../rule.js';

/**
 * Rules whose problems the parser finds (decoding, limits, front matter): the rule re-reports the
 * parser's diagnostics under its id, so severity, `off`, directives and docs work as for any rule.
 */
export function defineParserReportedRule(meta: { id: string; description: string; severity: RuleSeverity }): Rule<Record<string, never>> {
  return defineRule({
    ...meta,
    fixable: false,
    reportsParseFailures: true,
    messages: {},
    options: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
    check(document, context) {
      for (const diagnostic of document.parseDiagnostics) {
        if (diagnostic.ruleId === meta.id) context.report({ message: diagnostic.reason, place: diagnostic.place });
      }
    },
  });
}
