import { z } from 'zod';
import { defineRule } from '../../rule.js';

export default defineRule({
  id: 'citation/insecure-url',
  description: 'Require citation URLs to use https',
  severity: 'warning',
  fixable: false,
  messages: {
    insecure: 'Unexpected `{{scheme}}` URL `{{url}}` in footnote `[^{{label}}]`, expected an `https:` URL',
  },
  options: z.object({}).strict(),
  check(document, context) {
    for (const citation of document.record.citations) {
      const scheme = absoluteScheme(citation.url);
      // Relative URLs point into this site and share its scheme; `mailto:` and the like are not web sources.
      if (scheme === null || scheme === 'https:') continue;
      context.report({ messageId: 'insecure', data: { scheme, url: citation.url!, label: citation.label }, place: citation.position });
    }
  },
});

/** `http:` or `ftp:` for URLs fetched over the network; null for relative and non-network URLs. */
function absoluteScheme(url: string | null): string | null {
  if (url === null) return null;
  try {
    const { protocol } = new URL(url);
    return ['http:', 'https:', 'ftp:', 'ws:', 'wss:'].includes(protocol) ? protocol : null;
  } catch {
    return null;
  }
}
