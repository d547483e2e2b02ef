import { z } from 'zod';
import { visit } from 'unist-util-visit';
import { defineRule } from '../../rule.js';
import { PLACEHOLDER_MARKER } from '../../authoring/scaffold-document.js';

/** The marker and the instruction after it, up to the end of its line, table cell or quoted value. */
const PLACEHOLDER = new RegExp(`${PLACEHOLDER_MARKER.replace(/[()]/g, '\\$&')}(?::[^\\n|"]*)?`, 'g');

/** The longest instruction quoted in a message; the rest is cut with an ellipsis. */
const QUOTED_LENGTH = 60;

export default defineRule({
  id: 'content/placeholder',
  description: 'Disallow the placeholders a scaffold leaves for its author',
  severity: 'warning',
  fixable: false,
  messages: {
    placeholder: 'Unexpected placeholder `{{text}}`, expected the text it asks for in its place',
  },
  options: z.object({}).strict(),
  check(document, context) {
    const { source } = document;
    const matches = [...source.matchAll(PLACEHOLDER)];
    // Most documents have no placeholder: they are not walked for code at all.
    if (matches.length === 0) return;
    // Code shows the marker as an example (a page about scaffolds); it asks nothing of the author.
    const code: Array<[number, number]> = [];
    visit(document.tree, (node) => {
      if ((node.type === 'code' || node.type === 'inlineCode') && node.position) code.push([node.position.start.offset!, node.position.end.offset!]);
    });
    for (const match of matches) {
      const start = match.index;
      if (code.some(([from, to]) => start >= from && start < to)) continue;
      const text = match[0].trimEnd();
      context.report({
        messageId: 'placeholder',
        data: { text: text.length > QUOTED_LENGTH ? `${text.slice(0, QUOTED_LENGTH - 1)}…` : text },
        place: document.location.position(start, start + text.length),
      });
    }
  },
});
