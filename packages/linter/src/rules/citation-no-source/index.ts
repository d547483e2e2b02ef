import { z } from 'zod';
import { defineRule } from '../../rule.js';

export default defineRule({
  id: 'citation/no-source',
  description: 'Require a URL in every footnote definition',
  severity: 'error',
  fixable: false,
  messages: {
    noSource: 'Unexpected footnote `[^{{label}}]` with no URL, expected its source as a link: `[^{{label}}]: [Title](https://…)`',
  },
  options: z.object({}).strict(),
  check(document, context) {
    for (const citation of document.record.citations) {
      if (citation.url === null) context.report({ messageId: 'noSource', data: { label: citation.label }, place: citation.position });
    }
  },
});
