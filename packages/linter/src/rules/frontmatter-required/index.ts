import { z } from 'zod';
import { frontMatterOpener } from '../../document-places.js';
import { defineRule } from '../../rule.js';

const CATEGORY_KEY = 'category';

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
      // `diataxis/category` reports a missing or empty category, with the four values it may take: one
      // problem, one report (a project without categories turns that rule off).
      if (key === CATEGORY_KEY) continue;
      if (!Object.hasOwn(data, key)) {
        context.report({ messageId: hasFrontMatter ? 'missing' : 'noFrontMatter', data: { key }, place: frontMatterOpener(document) });
      } else if (isEmptyValue(data[key])) {
        context.report({ messageId: 'empty', data: { key }, place: document.frontMatterFields.get(key)?.position ?? frontMatterOpener(document) });
      }
    }
  },
});


function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}
