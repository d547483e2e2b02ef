import type { Emphasis, Strong } from 'mdast';
import { z } from 'zod';
import { positionOf } from '@qadocs/parser';
import { defineRule } from '../../rule.js';

export default defineRule({
  id: 'structure/heading-emphasis',
  description: 'Disallow headings wholly wrapped in emphasis',
  severity: 'warning',
  fixable: true,
  fixes: 'removes the emphasis markers around the heading text',
  messages: {
    wrapped: 'Unexpected heading wholly wrapped in `{{marker}}`, expected the heading text alone: {{text}}',
  },
  options: z.object({}).strict(),
  check(document, context) {
    for (const heading of document.headings) {
      // `### ***Title***` is emphasis inside strong: unwrap every layer at once.
      const layers: Array<Emphasis | Strong> = [];
      let parent: { children: readonly unknown[] } = heading;
      for (let only = parent.children[0]; parent.children.length === 1 && isEmphasis(only); only = parent.children[0]) {
        layers.push(only);
        parent = only;
      }
      const outer = layers[0];
      const inner = layers[layers.length - 1];
      if (!outer || !inner || inner.children.length === 0) continue;
      const outerRange = positionOf(outer);
      const contentStart = positionOf(inner.children[0]!).start.offset;
      const contentEnd = positionOf(inner.children[inner.children.length - 1]!).end.offset;
      const text = document.source.slice(contentStart, contentEnd);
      context.report({
        messageId: 'wrapped',
        data: { marker: document.source.slice(outerRange.start.offset, contentStart), text: inlineCode(text) },
        place: positionOf(heading),
        fix: { range: [outerRange.start.offset, outerRange.end.offset], text },
      });
    }
  },
});

/** Backticks around a value, doubled when the value holds one (as Markdown code spans do). */
function inlineCode(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function isEmphasis(node: unknown): node is Emphasis | Strong {
  const type = (node as { type?: string } | undefined)?.type;
  return type === 'emphasis' || type === 'strong';
}
