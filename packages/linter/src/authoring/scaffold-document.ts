import { stringify } from 'yaml';
import type { Category } from '@qadocs/schema';

/**
 * The marker of text a scaffold asks its author to write. `content/placeholder` reports every one, so a
 * scaffold cannot be published half-written; an author's own "TODO" notes are left alone.
 */
export const PLACEHOLDER_MARKER = 'TODO(qadocs)';

const todo = (what: string) => `${PLACEHOLDER_MARKER}: ${what}`;

/**
 * The body each category starts from, shaped as the Diátaxis rules expect it (a how-to's ordered
 * steps, a tutorial's stated outcome, a reference's table, an explanation's discussion), so a fresh
 * scaffold draws only `content/placeholder` warnings.
 */
const BODIES: Readonly<Record<Category, readonly string[]>> = {
  'how-to': [
    todo('one or two sentences on the goal: what the reader achieves, and when they need to.'),
    ['1. ' + todo('the first step, as an instruction.'), '2. ' + todo('the next step.'), '3. ' + todo('the step that shows it worked.')].join('\n'),
  ],
  tutorial: [
    `In this tutorial, you will build ${todo('what the learner has at the end.')}`,
    '## Steps',
    ['1. ' + todo('the first step, as an instruction.'), '2. ' + todo('the next step, and what the learner sees.'), '3. ' + todo('the step that finishes it.')].join('\n'),
    '## What you built',
    todo('what the learner has now, and where to go next.'),
  ],
  reference: [
    todo('one sentence on what the table describes.'),
    ['| Name | Description |', '| --- | --- |', `| ${todo('name')} | ${todo('what it is, its type and its default')} |`].join('\n'),
  ],
  explanation: [
    todo('the short answer, in a sentence or two.'),
    '## Background',
    todo('the context the reader needs, and why it matters.'),
    '## How it works',
    todo('the reasoning: why it is so, because of what, and the trade-offs.'),
  ],
};

/** Question marks that end a question in the scripts the parser reads (Latin, Greek, Arabic, full-width). */
const QUESTION_END = /[?\u037e\u061f\uff1f]$/u;

/** The question as the document asks it: trimmed, one line, ending with a question mark. */
export function normalizeQuestion(question: string): string {
  const text = question.replace(/\s+/g, ' ').trim();
  return QUESTION_END.test(text) ? text : `${text}?`;
}

/** A sentence-case title from a question: the question mark dropped, the first letter capitalized. */
export function titleOfQuestion(question: string): string {
  const text = normalizeQuestion(question).replace(QUESTION_END, '').trim();
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** A file name for a question: lower-case words of letters and digits joined by hyphens, at most 80 characters. */
export function slugOfQuestion(question: string): string {
  const words = titleOfQuestion(question)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 80) break;
    slug = next;
  }
  return slug || 'question';
}

/** A new Q&A document for `category` asking `question`: valid front matter, the question, the category's body. */
export function scaffoldDocument(category: Category, question: string): string {
  const frontMatter = stringify({ title: titleOfQuestion(question), description: todo('one sentence that says what this page answers.'), category }, { lineWidth: 0 });
  return ['---', frontMatter.trimEnd(), '---', '', `# ${normalizeQuestion(question)}`, '', ...BODIES[category].flatMap((block) => [block, '']).slice(0, -1), ''].join('\n');
}
