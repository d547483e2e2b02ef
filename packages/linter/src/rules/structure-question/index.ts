import { z } from 'zod';
import { positionOf } from '@qadocs/parser';
import type { Position } from '@qadocs/schema';
import { defineRule } from '../../rule.js';
import type { LintDocument } from '../../lint-document.js';

export default defineRule({
  id: 'structure/question',
  description: 'Require a question in every document',
  severity: 'error',
  fixable: false,
  messages: {
    missing: 'Unexpected document with no question, expected a paragraph or heading that ends with `?` (or front-matter `question`)',
  },
  options: z.object({}).strict(),
  check(document, context) {
    if (document.record.entries.length > 0) return;
    context.report({ messageId: 'missing', place: bodyStart(document) });
  },
});

/** The first line of the body, where a reader expects the question; the end of the front matter when there is no body. */
function bodyStart(document: LintDocument): Position {
  const first = document.tree.children[0];
  if (!first) {
    const end = document.parsed.frontMatter.range?.[1] ?? 0;
    return document.location.position(end, end);
  }
  const { start, end } = positionOf(first);
  const lineBreak = document.source.slice(start.offset, end.offset).search(/\r|\n/);
  return document.location.position(start.offset, lineBreak === -1 ? end.offset : start.offset + lineBreak);
}
