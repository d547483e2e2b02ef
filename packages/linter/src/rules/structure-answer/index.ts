import { z } from 'zod';
import { defineRule } from '../../rule.js';

/** Long questions are cut in the message; the position shows the whole of it. */
const QUESTION_SHOWN = 80;

export default defineRule({
  id: 'structure/answer',
  description: 'Require an answer after every question',
  severity: 'error',
  fixable: false,
  messages: {
    missing: 'Unexpected question `{{question}}` with no answer, expected the answer after it',
  },
  options: z.object({}).strict(),
  check(document, context) {
    for (const entry of document.record.entries) {
      if (entry.answer.text.trim() !== '') continue;
      const question = entry.question.length > QUESTION_SHOWN ? `${entry.question.slice(0, QUESTION_SHOWN - 1).trimEnd()}…` : entry.question;
      context.report({ messageId: 'missing', data: { question }, place: entry.position });
    }
  },
});
