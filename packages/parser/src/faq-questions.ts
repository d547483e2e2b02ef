import type { List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Position } from '@qadocs/schema';
import { nodeText, positionOf } from './node-text.js';
import { endsWithQuestionMark } from './question-text.js';

/** A question found inside a block, with the part of its answer that shares the block. */
export interface InlineQuestion {
  question: string;
  position: Position;
  leadingAnswer: { markdown: string; text: string } | null;
  ownAnswer?: RootContent[];
}

/**
 * An FAQ entry written as a paragraph that opens with a bold question, the answer following on the
 * next line (or the same one) of that paragraph, or in the paragraphs after it:
 * `**Can I use an IP address?**⏎No. Kerberos requires a hostname.`
 */
export function readFaqParagraphQuestion(paragraph: Paragraph, source: string): InlineQuestion | null {
  const lead = paragraph.children[0];
  if (!lead || (lead.type !== 'strong' && lead.type !== 'emphasis')) return null;
  const question = nodeText(lead);
  if (!endsWithQuestionMark(question)) return null;
  return { question, position: positionOf(lead, positionOf(paragraph)), leadingAnswer: restOf(paragraph, lead, source) };
}

/**
 * FAQ entries written as list items that open with a link whose text is the question and go on with
 * the answer (a digest of questions asked elsewhere): `- [Why isn't X buried?](…)⏎  Because …`.
 * An item that is only a link is navigation ("see also"), not a question and its answer.
 */
export function readLinkItemQuestions(list: List, source: string): InlineQuestion[] {
  const questions: InlineQuestion[] = [];
  for (const item of list.children) {
    const question = readLinkItemQuestion(item, source);
    if (question) questions.push(question);
  }
  return questions;
}

function readLinkItemQuestion(item: ListItem, source: string): InlineQuestion | null {
  const [first, ...rest] = item.children;
  if (!first || first.type !== 'paragraph') return null;
  const lead = first.children[0];
  if (!lead || (lead.type !== 'link' && lead.type !== 'linkReference')) return null;
  const question = nodeText(lead);
  if (!endsWithQuestionMark(question)) return null;
  const leadingAnswer = restOf(first, lead, source);
  if (!leadingAnswer && rest.every((node) => nodeText(node as Nodes) === '')) return null;
  return { question, position: positionOf(lead, positionOf(first)), leadingAnswer, ownAnswer: rest as RootContent[] };
}

/** What a paragraph says after its leading node, as written and as text; null when nothing. */
function restOf(paragraph: Paragraph, lead: PhrasingContent, source: string): { markdown: string; text: string } | null {
  const after = positionOf(lead).end.offset;
  const markdown = source.slice(after, positionOf(paragraph).end.offset).trim();
  const text = nodeText({ type: 'paragraph', children: paragraph.children.slice(1) });
  return markdown === '' || text === '' ? null : { markdown, text };
}
