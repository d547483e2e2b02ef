import { z } from 'zod';
import { defineRule } from '../../rule.js';

export default defineRule({
  id: 'provenance/ai-review',
  description: 'Require a human review marker on AI-assisted answers',
  severity: 'error',
  fixable: false,
  messages: {
    unreviewed: 'Unexpected AI-assisted answer{{tool}} without a human review, expected front-matter `{{key}}` naming the reviewer',
  },
  options: z.object({}).strict(),
  check(document, context) {
    const provenance = document.record.provenance;
    if (provenance?.kind !== 'ai-assistant') return;
    const key = context.settings.provenance.reviewKey;
    if (isReviewMarker(document.record.frontmatter[key])) return;
    context.report({
      messageId: 'unreviewed',
      data: { tool: provenance.tool ? ` from \`${provenance.tool}\`` : '', key },
      place: provenance.position,
    });
  },
});

/** `reviewed_by: Jane Doe`, a list of reviewers or `true` count; blank, empty, `false` and `null` do not. */
function isReviewMarker(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some((reviewer) => isReviewMarker(reviewer));
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
