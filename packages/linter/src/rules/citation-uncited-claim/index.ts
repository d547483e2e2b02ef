import { z } from 'zod';
import type { Claim } from '@qadocs/schema';
import { defineRule } from '../../rule.js';

/** Characters of a claim quoted in the message. */
const EXCERPT_LENGTH = 48;

export default defineRule({
  id: 'citation/uncited-claim',
  description: 'Require a citation on the claims an answer makes',
  severity: 'warning',
  fixable: false,
  messages: {
    uncited: 'Unexpected claim `{{excerpt}}` with no citation, expected a footnote reference `[^n]` to its source',
    belowCoverage: 'Unexpected claim `{{excerpt}}` with no citation, expected at least {{required}} % of claims cited (found {{found}} %)',
  },
  options: z.object({}).strict(),
  check(document, context) {
    const claims = document.record.entries.flatMap((entry) => entry.answer.claims);
    if (claims.length === 0) return;
    // A claim carrying a pseudo-citation (`¹(https://…)`, `【8†source】`) is cited, badly: citation/malformed says so.
    const markerOffsets = document.pseudoCitations.map((pseudo) => pseudo.range[0]);
    const carriesMarker = (claim: Claim) => markerOffsets.some((offset) => offset >= claim.position.start.offset && offset < claim.position.end.offset);
    const uncited = claims.filter((claim) => claim.citations.length === 0 && !carriesMarker(claim));
    const required = Math.min(1, Math.max(0, context.settings.citations.claimCoverage));
    const share = (claims.length - uncited.length) / claims.length;
    if (required < 1 && share >= required) return;
    for (const claim of uncited) {
      const data = { excerpt: excerpt(claim.text), required: percent(required), found: percent(share) };
      context.report({ messageId: required < 1 ? 'belowCoverage' : 'uncited', data, place: claim.position });
    }
  },
});

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim().replace(/`/g, "'");
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

/** Whole percents, rounded down, so "found 66 %" never reads as reaching a required 67 %. */
function percent(share: number): number {
  return Math.floor(share * 100 + 1e-9);
}
