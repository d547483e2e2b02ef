import { z } from 'zod';
import { defineRule } from '../../rule.js';
import type { LinkCheck } from '../../links/check-links.js';

export default defineRule({
  id: 'citation/dead-link',
  description: 'Require citation URLs to answer (opt-in: `--check-links`)',
  severity: 'error',
  fixable: false,
  messages: {
    status: 'Unexpected dead link `{{url}}` in footnote `[^{{label}}]` (HTTP {{status}}), expected a URL that answers with a page',
    rateLimited: 'Unexpected HTTP 429 from `{{url}}` in footnote `[^{{label}}]` even after waiting as asked, expected an answer: check it again later or raise the per-host interval',
    noAnswer: 'Unexpected dead link `{{url}}` in footnote `[^{{label}}]` ({{error}}), expected a URL that answers',
    notChecked: 'Unexpected unreachable host for `{{url}}` in footnote `[^{{label}}]` ({{error}}): the link could not be checked, expected a host that answers (offline? check again online)',
  },
  options: z.object({}).strict(),
  check(document, context) {
    const links = linkResults(context.settings.links);
    if (links === null) return;
    for (const citation of document.record.citations) {
      if (citation.url === null) continue;
      const check = links.get(citation.url);
      // Not checked (not http(s), or left out by the caller) is not evidence of anything.
      if (!check || check.ok) continue;
      const data = { url: citation.url, label: citation.label, status: check.status ?? '', error: check.error ?? 'no answer' };
      // An unreachable host says nothing of the page (most often the machine is offline): a warning.
      if (check.unreachable) {
        context.report({ messageId: 'notChecked', data, place: citation.position, severity: 'warning' });
        continue;
      }
      const messageId = check.status === null ? 'noAnswer' : check.status === 429 ? 'rateLimited' : 'status';
      context.report({ messageId, data, place: citation.position });
    }
  },
});

/**
 * The link results in settings. The CLI passes the Map `checkLinks` returns; a config or fixture
 * written as JSON can only hold a plain object `{url: {ok, status, error}}`, which is read the same way.
 */
function linkResults(links: unknown): ReadonlyMap<string, LinkCheck> | null {
  if (links === null || links === undefined) return null;
  if (links instanceof Map) return links as ReadonlyMap<string, LinkCheck>;
  if (typeof links === 'object') return new Map(Object.entries(links as Record<string, LinkCheck>));
  return null;
}
