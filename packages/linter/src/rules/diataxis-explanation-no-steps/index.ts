import { z } from 'zod';
import type { Position } from '@qadocs/schema';
import { defineRule } from '../../rule.js';

export default defineRule({
  id: 'diataxis/explanation-no-steps',
  description: 'Disallow procedures (ordered lists of steps) in an explanation',
  severity: 'warning',
  fixable: false,
  messages: {
    procedure: 'Unexpected procedure of {{count}} ordered steps in an explanation, expected at most {{maxSteps}} (move the steps to a how-to guide and link to it)',
  },
  options: z.object({ maxSteps: z.number().int().min(0).default(2) }).strict(),
  check(document, context) {
    if (document.record.category !== 'explanation') return;
    for (const list of document.lists) {
      if (list.ordered !== true || list.children.length <= context.options.maxSteps || !list.position) continue;
      const { start, end } = list.position;
      const place: Position = { start: { line: start.line, column: start.column, offset: start.offset ?? 0 }, end: { line: end.line, column: end.column, offset: end.offset ?? 0 } };
      context.report({ messageId: 'procedure', data: { count: list.children.length, maxSteps: context.options.maxSteps }, place });
    }
  },
});
