import { z } from 'zod';
import { nodeText } from '@qadocs/parser';
import { defineRule } from '../../rule.js';
import { categoryPlace } from '../../document-places.js';

/**
 * A tutorial says what the learner will have at the end: "In this tutorial, you will…", "By the end…",
 * "you'll build/create/learn…", or a "What you'll build" heading.
 */
const STATED_OUTCOME = /\b(?:in this (?:tutorial|lesson|quickstart),? (?:you|we)\b|by the end\b|at the end of this\b|you(?:'ll| will) (?:build|create|learn|make|deploy|write|set up|have|get|know|be able to)\b|you learn (?:how|to)\b|what you(?:'ll| will) (?:build|learn|create|make|need)\b|learning (?:objectives|goals|outcomes)\b)/i;

export default defineRule({
  id: 'diataxis/tutorial-steps',
  description: 'Require a tutorial to state its outcome and lead through ordered steps',
  severity: 'warning',
  fixable: false,
  messages: {
    noSteps: 'Unexpected tutorial without ordered steps, expected an ordered list (`1. …`) of at least {{minSteps}} steps',
    noOutcome: 'Unexpected tutorial without a stated outcome, expected a sentence such as `In this tutorial, you will build …` or `By the end, you will …`',
  },
  options: z.object({ minSteps: z.number().int().min(1).default(2) }).strict(),
  check(document, context) {
    if (document.record.category !== 'tutorial') return;
    const place = categoryPlace(document);
    if (!document.lists.some((list) => list.ordered === true && list.children.length >= context.options.minSteps)) {
      context.report({ messageId: 'noSteps', data: { minSteps: context.options.minSteps }, place });
    }
    const description = document.record.description ?? '';
    if (!STATED_OUTCOME.test(`${description}\n${nodeText(document.tree)}`)) context.report({ messageId: 'noOutcome', place });
  },
});
