import type { Heading, List, ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import type { Answer, Claim, Item, Position, QaEntry, Section } from '@qadocs/schema';
import { claimsForUncoveredReferences } from './cited-blocks.js';
import { footnoteLabels, nodeText, positionOf, spanOf } from './node-text.js';
import { endsWithQuestionMark, headingText } from './question-text.js';
import { readFaqParagraphQuestion, readLinkItemQuestions } from './faq-questions.js';
import { isClaimItem, listItemsByStart } from './claim-statements.js';

/** A paragraph that opens with a question label: `**Question:** …`, `Q: …`. */
const QUESTION_LABEL = /^\s*(?:[*_]{1,2})?(?:question|q)(?:[*_]{1,2})?\s*[:：.](?:[*_]{1,2})?\s*/i;
const ANSWER_LABEL = /^\s*(?:[*_]{1,2})?(?:answer|a)(?:[*_]{1,2})?\s*[:：.](?:[*_]{1,2})?\s*/i;
const SUMMARY_START = /^(?:in summary|in short|to summarize|to summarise|to sum up|in conclusion|in a nutshell|summary:|overall,|tl;?dr)/i;

/** The question entries of a body, given the top-level nodes that make up the Q&A part of it. */
export function readEntries(nodes: RootContent[], source: string, fallbackQuestion: { text: string; position: Position } | null): QaEntry[] {
  const starts = findQuestionStarts(nodes, source);
  if (starts.length === 0) {
    if (!fallbackQuestion) return [];
    return [{ question: fallbackQuestion.text, position: fallbackQuestion.position, answer: readAnswer(nodes, source), citations: citedLabels(nodes) }];
  }
  return starts.map((start, index) => {
    if (start.ownAnswer) return { question: start.question, position: start.position, answer: readAnswer(start.ownAnswer, source, start.leadingAnswer), citations: citedLabels(start.ownAnswer) };
    const next = starts.slice(index + 1).find((later) => later.index > start.index)?.index ?? nodes.length;
    const answerNodes: RootContent[] = [];
    for (let cursor = start.index + 1; cursor < next; cursor++) {
      const node = nodes[cursor]!;
      if (node.type === 'heading' && node.depth <= start.depth) break;
      answerNodes.push(node);
    }
    return { question: start.question, position: start.position, answer: readAnswer(answerNodes, source, start.leadingAnswer), citations: citedLabels([nodes[start.index]!, ...answerNodes]) };
  });
}

/** Footnote labels referenced anywhere in the nodes, in order of first reference. */
function citedLabels(nodes: RootContent[]): string[] {
  return [...new Set(nodes.flatMap((node) => footnoteLabels(node)))];
}

export interface QuestionStart {
  index: number;
  question: string;
  position: Position;
  /** A heading of this depth or higher ends the answer: the question heading's depth, 6 for a bold question, 0 for other paragraphs. */
  depth: number;
  /** Lines of a `Q: … / A: …` paragraph after the question line. */
  leadingAnswer: { markdown: string; text: string } | null;
  /** The answer's nodes when it is not the run of nodes up to the next question (a link-item question: the rest of its item). */
  ownAnswer?: RootContent[];
}

function findQuestionStarts(nodes: RootContent[], source: string): QuestionStart[] {
  const starts: QuestionStart[] = [];
  let firstQuestionParagraph: QuestionStart | null = null;
  nodes.forEach((node, index) => {
    if (node.type === 'heading') {
      const text = headingText(node);
      if (endsWithQuestionMark(text)) starts.push({ index, question: text, position: positionOf(node), depth: node.depth, leadingAnswer: null });
    } else if (node.type === 'list') {
      for (const question of readLinkItemQuestions(node, source)) starts.push({ index, ...question, depth: 0 });
    } else if (node.type === 'paragraph') {
      const labelled = readLabelledQuestion(node);
      const faq = labelled ? null : readFaqParagraphQuestion(node, source);
      if (labelled) starts.push({ index, ...labelled, depth: 0 });
      else if (faq) starts.push({ index, ...faq, depth: 6 });
      else if (!firstQuestionParagraph) {
        const text = nodeText(node);
        if (endsWithQuestionMark(text)) firstQuestionParagraph = { index, question: text, position: positionOf(node), depth: 0, leadingAnswer: null };
      }
    }
  });
  const paragraph = firstQuestionParagraph as QuestionStart | null;
  if (paragraph && (starts.length === 0 || paragraph.index < starts[0]!.index)) starts.unshift(paragraph);
  return starts;
}

function readLabelledQuestion(paragraph: Paragraph): Omit<QuestionStart, 'index' | 'depth'> | null {
  const full = nodeText(paragraph);
  if (!QUESTION_LABEL.test(full)) return null;
  const lines = paragraphLines(paragraph);
  const questionLine = lines[0]!.replace(QUESTION_LABEL, '').replace(/[*_]+$/, '').trim();
  if (questionLine === '') return null;
  const rest = lines.slice(1).join('\n').trim();
  const position = positionOf(paragraph);
  return {
    question: questionLine,
    position: { start: position.start, end: lines.length > 1 ? { ...position.start, line: position.start.line, column: position.start.column + lines[0]!.length, offset: position.start.offset + lines[0]!.length } : position.end },
    leadingAnswer: rest === '' ? null : { markdown: rest, text: rest.replace(ANSWER_LABEL, '').replace(/[*_]{2}/g, '').replace(/\s+/g, ' ').trim() },
  };
}

/** The text lines of a paragraph as written (soft line breaks kept). */
function paragraphLines(paragraph: Paragraph): string[] {
  return paragraph.children
    .map((child) => ('value' in child ? child.value : nodeText(child)))
    .join('')
    .split(/\r\n|\r|\n/);
}

/** Answer: markdown and text of the nodes, sections with their list items, claims and the summary. */
export function readAnswer(nodes: RootContent[], source: string, leading: { markdown: string; text: string } | null = null): Answer {
  const body = nodes.filter((node) => node.type !== 'footnoteDefinition' && node.type !== 'definition');
  const markdownParts: string[] = leading ? [leading.markdown] : [];
  if (body.length > 0) markdownParts.push(source.slice(positionOf(body[0]!).start.offset, positionOf(body[body.length - 1]!).end.offset));
  const textParts = leading ? [leading.text] : [];
  for (const node of body) {
    const text = nodeText(node);
    if (text !== '') textParts.push(text);
  }
  let summary: string | null = null;
  for (const node of body) if (node.type === 'paragraph' && SUMMARY_START.test(nodeText(node))) summary = nodeText(node);
  const sections = readSections(body);
  return { markdown: markdownParts.join('\n'), text: textParts.join('\n\n'), sections, summary, claims: readClaims(body, sections) };
}

function readSections(nodes: RootContent[]): Section[] {
  const groups: Array<{ heading: Heading | null; nodes: RootContent[] }> = [{ heading: null, nodes: [] }];
  for (const node of nodes) {
    if (node.type === 'heading') groups.push({ heading: node, nodes: [node] });
    else groups[groups.length - 1]!.nodes.push(node);
  }
  const sections: Section[] = [];
  for (const group of groups) {
    const items = group.nodes.filter((node): node is List => node.type === 'list').flatMap((list) => readItems(list));
    if (group.nodes.length === 0 || (!group.heading && items.length === 0)) continue;
    sections.push({
      heading: group.heading ? headingText(group.heading) : null,
      depth: group.heading?.depth ?? 0,
      items,
      citations: citedLabels(group.nodes),
      position: spanOf(group.nodes[0]!, group.nodes[group.nodes.length - 1]!),
    });
  }
  return sections;
}

const isList = (node: Nodes) => node.type === 'list';

function readItems(list: List): Item[] {
  return list.children.map((listItem) => readItem(listItem));
}

function readItem(listItem: ListItem): Item {
  const { label, text } = splitLabel(listItem);
  return {
    label,
    text,
    citations: footnoteLabels(listItem, isList),
    children: listItem.children.filter((child): child is List => child.type === 'list').flatMap((list) => readItems(list)),
    position: positionOf(listItem),
  };
}

/** `**Purpose**: It helps …` (or `**Purpose:** …`) -> label `Purpose`, text `It helps …`. */
export function splitLabel(listItem: ListItem): { label: string | null; text: string } {
  const text = nodeText(listItem, isList);
  const first = listItem.children[0];
  const lead = first?.type === 'paragraph' ? first.children[0] : undefined;
  if (lead && (lead.type === 'strong' || lead.type === 'emphasis')) {
    const labelText = nodeText(lead);
    const after = text.slice(labelText.length);
    if (labelText.endsWith(':') || /^\s*[:：]/.test(after)) {
      const label = labelText.replace(/\s*[:：]\s*$/, '').trim();
      if (label !== '') return { label, text: after.replace(/^\s*[:：]\s*/, '').trim() };
    }
  }
  return { label: null, text };
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/**
 * Claims are statements of fact (`isClaimItem`: not a question, an instruction, a task, a fragment or
 * a citation itself): labelled items with a statement, unlabelled items that read as a sentence, and
 * sentences of paragraphs that carry a citation. Ordered-list items are steps, not claims.
 */
function readClaims(nodes: RootContent[], sections: Section[]): Claim[] {
  const claims: Claim[] = [];
  const orderedItemStarts = new Set<number>();
  for (const node of nodes) collectOrderedItems(node, orderedItemStarts);
  const listItems = listItemsByStart(nodes);
  const visitItem = (item: Item) => {
    const isStep = orderedItemStarts.has(item.position.start.offset);
    const words = countWords(item.text);
    const listItem = listItems.get(item.position.start.offset);
    const statement = listItem ? isClaimItem(listItem, item.text) : true;
    if (!isStep && statement && (item.label !== null ? words >= 2 : words >= 4)) claims.push({ text: item.text, citations: item.citations, position: item.position });
    if (!isStep) item.children.forEach(visitItem);
  };
  for (const section of sections) section.items.forEach(visitItem);
  for (const node of nodes) {
    if (node.type !== 'paragraph') continue;
    const citations = footnoteLabels(node);
    if (citations.length > 0) claims.push({ text: nodeText(node), citations, position: positionOf(node) });
  }
  claims.push(...claimsForUncoveredReferences(nodes, claims));
  return claims.sort((a, b) => a.position.start.offset - b.position.start.offset);
}

function collectOrderedItems(node: Nodes, starts: Set<number>): void {
  if (node.type === 'list' && node.ordered) for (const item of node.children) starts.add(positionOf(item).start.offset);
  if ('children' in node) for (const child of node.children as Nodes[]) collectOrderedItems(child, starts);
}

export { countWords };
