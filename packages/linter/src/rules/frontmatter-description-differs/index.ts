import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { frontMatterOpener } from '../../document-places.js';

/** Words that add nothing to a title: "Questions about X", "An overview of X", "Learn about X". */
const FILLER_WORDS = new Set([
  'a', 'an', 'the', 'about', 'on', 'of', 'for', 'to', 'and', 'this', 'page', 'article', 'document', 'faq', 'faqs',
  'question', 'questions', 'answer', 'answers', 'overview', 'learn', 'more', 'all', 'info', 'information',
]);

export default defineRule({
  id: 'frontmatter/description-differs',
  description: 'Require a description that says more than the title',
  severity: 'warning',
  fixable: false,
  messages: {
    restatesTitle: 'Unexpected description `{{description}}` that restates the title `{{title}}`, expected a sentence that says what the answer covers',
    tooShort: 'Unexpected description `{{description}}` of {{length}} characters, expected at least {{minLength}} that say what the answer covers',
  },
  options: z.object({ minLength: z.number().int().min(0).default(20) }).strict(),
  check(document, context) {
    const { description, title } = document.record;
    if (description === null || description.trim() === '') return;
    const place = document.frontMatterFields.get('description')?.position ?? frontMatterOpener(document);
    const shown = description.trim();
    if (title !== null && restatesTitle(title, description)) {
      context.report({ messageId: 'restatesTitle', data: { description: shown, title: title.trim() }, place });
      return;
    }
    const length = [...shown].length;
    if (length < context.options.minLength) {
      context.report({ messageId: 'tooShort', data: { description: shown, length, minLength: context.options.minLength }, place });
    }
  },
});

/** Case, punctuation, symbols and spacing do not make a description differ from its title. */
function normalizeWords(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** The description is the title, or the title wrapped in filler words only. */
function restatesTitle(title: string, description: string): boolean {
  const normalizedTitle = normalizeWords(title);
  const normalizedDescription = normalizeWords(description);
  if (normalizedTitle === '') return false;
  if (normalizedDescription === normalizedTitle) return true;
  const padded = ` ${normalizedDescription} `;
  if (!padded.includes(` ${normalizedTitle} `)) return false;
  const rest = padded.split(` ${normalizedTitle} `).join(' ').split(' ');
  return rest.every((word) => word === '' || FILLER_WORDS.has(word));
}
