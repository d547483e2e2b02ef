import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { categoryPlace } from '../../document-places.js';

export default defineRule({
  id: 'diataxis/how-to-steps',
  description: 'Require a how-to guide to give its steps as an ordered list',
  severity: 'warning',
  fixable: false,
  messages: {
    noSteps: 'Unexpected how-to guide without ordered steps, expected an ordered list (`1. …`) of at least {{minSteps}} steps',
  },
  options: z.object({ minSteps: z.number().int().min(1).default(2) }).strict(),
  check(document, context) {
    if (document.record.category !== 'how-to') return;
    if (document.lists.some((list) => list.ordered === true && list.children.length >= context.options.minSteps)) return;
    context.report({ messageId: 'noSteps', data: { minSteps: context.options.minSteps }, place: categoryPlace(document) });
  },
});
