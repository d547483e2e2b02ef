import { domainToASCII } from 'node:url';
import { z } from 'zod';
import { defineRule } from '../../rule.js';

/** How many allowed domains a message lists before it says "…". */
const LISTED_DOMAINS = 5;

export default defineRule({
  id: 'citation/domain',
  description: 'Require citation domains to be on the configured allowlist',
  severity: 'error',
  fixable: false,
  messages: {
    notAllowed: 'Unexpected citation domain `{{domain}}` in footnote `[^{{label}}]`, expected one on the allowlist: {{allowed}}',
  },
  options: z.object({}).strict(),
  check(document, context) {
    const allowlist = context.settings.citations.allowlist.map(asciiDomain).filter((domain) => domain !== '');
    if (allowlist.length === 0) return;
    const allowed = allowlist.slice(0, LISTED_DOMAINS).map((domain) => `\`${domain}\``).join(', ') + (allowlist.length > LISTED_DOMAINS ? ', …' : '');
    for (const citation of document.record.citations) {
      // No domain: a relative link into this site, or no URL at all (citation/no-source reports that).
      if (citation.domain === null) continue;
      const domain = citation.domain.replace(/\.$/, '');
      if (allowlist.some((entry) => domain === entry || domain.endsWith(`.${entry}`))) continue;
      context.report({ messageId: 'notAllowed', data: { domain, label: citation.label, allowed }, place: citation.position });
    }
  },
});

/** Allowlist entries as URL host names are written: lower case, punycode, no `*.` or trailing dot. */
function asciiDomain(entry: string): string {
  const bare = entry.trim().toLowerCase().replace(/^\*?\./, '').replace(/\.$/, '');
  return domainToASCII(bare) || bare;
}
