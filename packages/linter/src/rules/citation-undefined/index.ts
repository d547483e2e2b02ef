import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { normalizeLabel } from '../../lint-document.js';

export default defineRule({
  id: 'citation/undefined',
  description: 'Require a definition for every footnote reference',
  severity: 'error',
  fixable: false,
  messages: {
    missing: 'Unexpected reference `[^{{label}}]` with no definition, expected a line `[^{{label}}]: [Title](https://…)`',
  },
  options: z.object({}).strict(),
  check(document, context) {
    for (const reference of document.references) {
      if (!document.citationByIdentifier.has(normalizeLabel(reference.label))) {
        context.report({ messageId: 'missing', data: { label: reference.label }, place: reference.position });
      }
    }
  },
});
