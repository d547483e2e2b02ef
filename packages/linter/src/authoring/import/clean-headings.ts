import { parseDocument } from '@qadocs/parser';
import type { ResolvedConfig } from '../../config/resolve-config.js';
import { fixSource } from '../../engine/fix-source.js';
import { lintParsed } from '../../engine/lint-parsed.js';
import headingEmphasis from '../../rules/structure-heading-emphasis/index.js';

/**
 * `## **Title**` -> `## Title`: the `structure/heading-emphasis` rule's own fix, applied in passes, so
 * import and `lint --fix` unwrap headings the same way.
 */
export function cleanHeadings(text: string, config: ResolvedConfig): string {
  const rules = [{ rule: headingEmphasis, severity: 'warning' as const, options: {} }];
  return fixSource(text, (current) => {
    const parsed = parseDocument(current, { ...config.parseOptions });
    return { parsed, diagnostics: lintParsed(parsed, rules, config.settings) };
  }).output;
}
