import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { QaDocument, QaEntry } from '@qadocs/schema';
import { isFurtherReadingHeading, nodeText } from '@qadocs/parser';

/** One question of the page and the Markdown nodes that answer it. */
export interface EntryRegion {
  entry: QaEntry;
  /** The question as written (inline Markdown kept); null when it came from front matter or a label. */
  questionContent: PhrasingContent[] | null;
  answer: RootContent[];
}

/** The parts of a document body a page is built from, all taken from the parser's tree. */
export interface DocumentRegions {
  /** Content before the first question. */
  preamble: RootContent[];
  entries: EntryRegion[];
  /** Content after the answers that is neither the provenance line nor further reading. */
  trailing: RootContent[];
  /** The nodes under the "Further reading" heading (the heading itself is rendered by the page). */
  furtherReading: RootContent[] | null;
  /** Footnote and link definitions: rendered nowhere themselves, but references resolve through them. */
  definitions: RootContent[];
}

// The parser reads these headings and labels the same way (its patterns are internal to it, so they are
// repeated here); a page that disagrees with the record would only misplace content, never drop it.
const QUESTION_LABEL = /^\s*(?:question|q)\s*[:：.]?\s*$/i;
const ANSWER_LABEL = /^\s*(?:answer|a)\s*[:：.]?\s*$/i;
const INLINE_QUESTION_LABEL = /^\s*(?:question|q)\s*[:：.]\s*/i;

/** Split the body into preamble, one region per question, trailer and definitions, by the record's positions. */
export function readDocumentRegions(tree: Root, record: QaDocument): DocumentRegions {
  const nodes = tree.children;
  const startOf = (node: RootContent) => node.position?.start.offset ?? -1;
  const endOf = (node: RootContent) => node.position?.end.offset ?? -1;

  const questionIndexes = record.entries.map((entry) => nodes.findIndex((node) => (node.type === 'paragraph' || node.type === 'heading') && startOf(node) === entry.position.start.offset));
  const provenanceOffset = record.provenance?.position.start.offset ?? -1;
  const provenanceIndex = nodes.findIndex((node) => node.type === 'paragraph' && startOf(node) <= provenanceOffset && provenanceOffset < endOf(node));
  const furtherIndex = nodes.findIndex((node) => node.type === 'heading' && isFurtherReadingHeading(node));
  const furtherEnd = furtherIndex < 0 ? -1 : sectionEnd(nodes, furtherIndex);

  const trailerStart = Math.min(...[provenanceIndex, furtherIndex, nodes.length].filter((index) => index >= 0));
  const located = questionIndexes.filter((index) => index >= 0 && index < trailerStart);
  const firstQuestion = located.length > 0 ? Math.min(...located) : trailerStart;

  const isDefinition = (node: RootContent) => node.type === 'footnoteDefinition' || node.type === 'definition';
  const take = (from: number, to: number) => nodes.slice(from, to).filter((node) => !isDefinition(node));

  const entries: EntryRegion[] = record.entries.map((entry, index) => {
    const questionIndex = questionIndexes[index]!;
    if (questionIndex < 0 || questionIndex >= trailerStart) {
      // A front-matter question: the body before the first question in the text is its answer.
      return { entry, questionContent: null, answer: located.length === 0 && index === 0 ? take(0, trailerStart) : [] };
    }
    const next = Math.min(...located.filter((other) => other > questionIndex), trailerStart);
    const question = nodes[questionIndex] as Paragraph | Heading;
    const labelled = question.type === 'paragraph' ? splitLabelledQuestion(question) : null;
    const answer = take(questionIndex + 1, next);
    if (labelled?.answer) answer.unshift(labelled.answer);
    return { entry, questionContent: labelled ? null : question.children, answer };
  });

  const trailing: RootContent[] = [];
  for (let index = trailerStart; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (index === provenanceIndex) {
      const rest = linesAfterFirst(node as Paragraph);
      if (rest) trailing.push(rest);
    } else if (furtherIndex >= 0 && index >= furtherIndex && index < furtherEnd) continue;
    else if (!isDefinition(node)) trailing.push(node);
  }

  return {
    preamble: located.length > 0 || record.entries.length === 0 ? take(0, firstQuestion) : [],
    entries,
    trailing,
    furtherReading: furtherIndex < 0 ? null : nodes.slice(furtherIndex + 1, furtherEnd).filter((node) => !isDefinition(node)),
    definitions: nodes.filter(isDefinition),
  };
}

function sectionEnd(nodes: RootContent[], headingIndex: number): number {
  const depth = (nodes[headingIndex] as Heading).depth;
  for (let index = headingIndex + 1; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (node.type === 'heading' && node.depth <= depth) return index;
  }
  return nodes.length;
}

/**
 * A `**Question:** … / **Answer:** …` paragraph: the record already holds the question line as text;
 * what follows the first line break becomes the first paragraph of the answer, its label dropped.
 */
function splitLabelledQuestion(paragraph: Paragraph): { answer: Paragraph | null } | null {
  const first = paragraph.children[0];
  const leadText = first && (first.type === 'strong' || first.type === 'emphasis') ? nodeText(first) : null;
  const labelled = leadText !== null ? QUESTION_LABEL.test(leadText) || INLINE_QUESTION_LABEL.test(leadText) : first?.type === 'text' && INLINE_QUESTION_LABEL.test(first.value);
  if (!labelled) return null;
  return { answer: linesAfterFirst(paragraph, true) };
}

/** The part of a paragraph after its first line, as a paragraph of its own (null when there is none). */
function linesAfterFirst(paragraph: Paragraph, dropAnswerLabel = false): Paragraph | null {
  const rest: PhrasingContent[] = [];
  let found = false;
  for (const child of paragraph.children) {
    if (found) rest.push(child);
    else if (child.type === 'text' && /\r\n|\r|\n/.test(child.value)) {
      found = true;
      const after = child.value.split(/\r\n|\r|\n/).slice(1).join('\n');
      if (after !== '') rest.push({ ...child, value: after } satisfies Text);
    } else if (child.type === 'break') found = true;
  }
  if (dropAnswerLabel) dropLeadingAnswerLabel(rest);
  if (rest.length === 0 || rest.every((child) => child.type === 'text' && child.value.trim() === '')) return null;
  return { type: 'paragraph', children: rest, position: paragraph.position };
}

function dropLeadingAnswerLabel(children: PhrasingContent[]): void {
  const first = children[0];
  if (first && (first.type === 'strong' || first.type === 'emphasis') && ANSWER_LABEL.test(nodeText(first))) {
    children.shift();
    const next = children[0];
    if (next?.type === 'text') children[0] = { ...next, value: next.value.replace(/^\s*[:：.]?\s*/, '') };
  } else if (first?.type === 'text' && /^\s*(?:answer|a)\s*[:：.]\s*/i.test(first.value)) {
    children[0] = { ...first, value: first.value.replace(/^\s*(?:answer|a)\s*[:：.]\s*/i, '') };
  }
}
