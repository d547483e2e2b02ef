import { z } from 'zod';
import type { Nodes } from 'mdast';
import { nodeText } from '@qadocs/parser';
import { defineRule } from '../../rule.js';
import { isImperativeSentence, splitSentences } from '../../classifier/index.js';
import { categoryPlace } from '../../document-places.js';

export default defineRule({
  id: 'diataxis/reference-no-instructions',
  description: 'Warn when a reference page is mostly imperative instructions',
  severity: 'warning',
  fixable: false,
  messages: {
    instructions: 'Unexpected instructions in a reference page ({{imperative}} of {{sentences}} sentences are imperative, {{share}} %), expected at most {{maxShare}} %: describe what is, and move the steps to a how-to guide',
  },
  options: z
    .object({
      /** Share (0..1) of imperative sentences and list items above which the page reads as instructions. */
      maxImperativeShare: z.number().min(0).max(1).default(0.5),
      /** Pages with fewer sentences than this are too short to judge. */
      minSentences: z.number().int().min(1).default(4),
    })
    .strict(),
  check(document, context) {
    if (document.record.category !== 'reference') return;
    let sentences = 0;
    let imperative = 0;
    const count = (text: string) => {
      for (const sentence of splitSentences(text)) {
        sentences++;
        if (isImperativeSentence(sentence)) imperative++;
      }
    };
    // Paragraphs (list items included) are what a reader reads as sentences; code, tables and headings are not.
    const visit = (node: Nodes) => {
      if (node.type === 'paragraph') count(nodeText(node));
      else if (node.type !== 'code' && node.type !== 'table' && node.type !== 'heading' && node.type !== 'footnoteDefinition' && 'children' in node) for (const child of node.children as Nodes[]) visit(child);
    };
    visit(document.tree);
    const { maxImperativeShare, minSentences } = context.options;
    if (sentences < minSentences || imperative / sentences <= maxImperativeShare) return;
    context.report({
      messageId: 'instructions',
      data: { imperative, sentences, share: Math.round((100 * imperative) / sentences), maxShare: Math.round(100 * maxImperativeShare) },
      place: categoryPlace(document),
    });
  },
});
