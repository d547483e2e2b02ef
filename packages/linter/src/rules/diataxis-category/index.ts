import { z } from 'zod';
import { CATEGORIES, type Category } from '@qadocs/schema';
import { defineRule } from '../../rule.js';
import { frontMatterOpener } from '../../document-places.js';

const EXPECTED = '`tutorial`, `how-to`, `reference` or `explanation`';

export default defineRule({
  id: 'diataxis/category',
  description: 'Require a front-matter `category` that is one of the four Diátaxis categories',
  severity: 'error',
  fixable: true,
  fixes: 'rewrites a known alias to its category (`howto` → `how-to`, `concept` → `explanation`, or one from `categories.aliases`); a missing or unknown category is reported, not fixed',
  messages: {
    missing: `Unexpected document without a front-matter \`category\`, expected one of ${EXPECTED}`,
    alias: 'Unexpected category `{{value}}`, expected `{{category}}`',
    unknown: `Unexpected category \`{{value}}\`, expected ${EXPECTED}`,
  },
  options: z.object({}).strict(),
  check(document, context) {
    // A refused or broken block (`---js`, bad YAML) was never read: its keys are unknown, not missing.
    if (document.parseDiagnostics.some((diagnostic) => diagnostic.ruleId === 'frontmatter/unsafe-engine' || diagnostic.ruleId === 'frontmatter/parse-error')) return;
    const data = document.record.frontmatter;
    const field = document.frontMatterFields.get('category');
    const value = data.category;
    if (!Object.hasOwn(data, 'category') || value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      context.report({ messageId: 'missing', place: field?.position ?? frontMatterOpener(document) });
      return;
    }
    if (typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value)) return;
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    const category = typeof value === 'string' ? categoryOfAlias(value, context.settings.categories.aliases) : null;
    const place = field?.position ?? frontMatterOpener(document);
    if (category === null || !field) {
      context.report({ messageId: 'unknown', data: { value: shown }, place });
      return;
    }
    // JSON front matter needs the quotes back; in YAML the bare word is a string.
    const text = document.parsed.frontMatter.language === 'json' ? JSON.stringify(category) : category;
    context.report({ messageId: 'alias', data: { value: shown, category }, place, fix: { range: field.valueRange, text } });
  },
});

/** The category a spelling stands for (`How-To`, `how_to`, `concepts`), by the configured aliases. */
export function categoryOfAlias(value: string, aliases: Readonly<Record<string, Category>>): Category | null {
  const lower = value.trim().toLowerCase();
  const candidates = [lower, lower.replace(/[\s_]+/g, '-'), lower.replace(/[\s_-]+/g, '')];
  for (const candidate of candidates) {
    if ((CATEGORIES as readonly string[]).includes(candidate)) return candidate as Category;
    const aliased = Object.hasOwn(aliases, candidate) ? aliases[candidate] : undefined;
    if (aliased) return aliased;
  }
  return null;
}

