import { z } from 'zod';
import type { Position } from '@qadocs/schema';
import { defineRule } from '../../rule.js';
import type { LintDocument } from '../../lint-document.js';

export default defineRule({
  id: 'frontmatter/required',
  description: 'Require the configured front-matter keys to be present and not empty',
  severity: 'error',
  fixable: false,
  messages: {
    missing: 'Unexpected front matter without `{{key}}`, expected a `{{key}}: …` line',
    noFrontMatter: 'Unexpected document without front matter, expected a `---` block at the top with a `{{key}}: …` line',
    empty: 'Unexpected empty `{{key}}` in front matter, expected a value',
  },
  options: z.object({ keys: z.array(z.string().min(1)).optional() }).strict(),
  check(document, context) {
    // A refused block (`---js`) was never read: its keys are unknown, not missing.
    if (document.parseDiagnostics.some((diagnostic) => diagnostic.ruleId === 'frontmatter/unsafe-engine')) return;
    const data = document.record.frontmatter;
    const hasFrontMatter = document.parsed.frontMatter.range !== null;
    for (const key of context.options.keys ?? context.settings.frontmatter.required) {
      if (!Object.hasOwn(data, key)) {
        context.report({ messageId: hasFrontMatter ? 'missing' : 'noFrontMatter', data: { key }, place: frontMatterOpener(document) });
      } else if (isEmptyValue(data[key])) {
        context.report({ messageId: 'empty', data: { key }, place: document.frontMatterFields.get(key)?.position ?? frontMatterOpener(document) });
      }
    }
  },
});

/** The `---` line that opens the front matter, or the start of line 1 when there is none. */
export function frontMatterOpener(document: LintDocument): Position {
  const range = document.parsed.frontMatter.range;
  if (!range) return document.location.position(0, 0);
  const lineEnd = document.source.slice(range[0]).search(/\r|\n/);
  return document.location.position(range[0], lineEnd === -1 ? document.source.length : range[0] + lineEnd);
}

function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}
