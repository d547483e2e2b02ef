import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { normalizeLabel } from '../../lint-document.js';

export default defineRule({
  id: 'citation/duplicate',
  description: 'Forbid defining a footnote label more than once',
  severity: 'error',
  fixable: false,
  messages: {
    duplicate: 'Unexpected second definition of `[^{{label}}]` (first defined on line {{firstLine}}), expected one definition per label',
  },
  options: z.object({}).strict(),
  check(document, context) {
    for (const duplicate of document.parsed.duplicateDefinitions) {
      // Only the first definition counts (micromark's choice), so it is the one the citation records.
      const first = document.citationByIdentifier.get(normalizeLabel(duplicate.label));
      context.report({ messageId: 'duplicate', data: { label: duplicate.label, firstLine: first?.position.start.line ?? '?' }, place: duplicate.position });
    }
  },
});
