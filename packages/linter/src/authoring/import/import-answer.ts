import { stringify } from 'yaml';
import { DEFAULT_ASSISTANTS, isFurtherReadingHeading, isoDate, parseDocument, type ParsedDocument } from '@qadocs/parser';
import type { Category } from '@qadocs/schema';
import type { ResolvedConfig } from '../../config/resolve-config.js';
import { classifyDocument, rankCategories, type CategoryCandidate } from '../../classifier/classify-document.js';
import { categoryOfName } from '../document-location.js';
import { normalizeQuestion } from '../scaffold-document.js';
import { descriptionOfAnswer, titleOfAnswer } from './answer-title.js';
import { cleanHeadings } from './clean-headings.js';
import { footnoteTitle, planCitations, type PlannedSource } from './plan-citations.js';
import { recogniseAssistant, TRANSCRIPT_LABEL, type RecognisedAssistant } from './recognise-assistant.js';
import { findSourceLists } from './source-lists.js';

/** What `importAnswer` is told beyond the paste (the CLI's flags), all optional but the config. */
export interface ImportOptions {
  config: ResolvedConfig;
  /** The category chosen by the author; else the paste's front-matter category, else the classifier's. */
  category?: Category;
  /** The assistant that wrote the answer (a name of the configured assistants); else recognised from the paste. */
  assistant?: string;
  /** `YYYY-MM-DD`; else the date of the paste's provenance line. */
  date?: string;
  /** The question, for a paste that holds only the answer. */
  question?: string;
}

/** One footnote of the imported document. */
export interface ImportedCitation {
  number: number;
  url: string | null;
  title: string;
}

/** The imported document and what was decided on the way, for the command to report. */
export interface ImportedDocument {
  kind: 'document';
  text: string;
  question: string;
  title: string;
  description: string | null;
  category: Category;
  /** Where the category came from; `confidence` is the classifier's for it. */
  categorySource: 'option' | 'front matter' | 'classifier';
  confidence: number;
  assistant: RecognisedAssistant | null;
  /** ISO 8601, or null when neither `date` nor the paste gives one that is certain. */
  date: string | null;
  citations: ImportedCitation[];
  /** Things the author should know: a date that could not be read, an assistant that was not recognised. */
  notes: string[];
}

/** The classifier was not confident enough: the author chooses between these. */
export interface UnclearCategory {
  kind: 'category-unclear';
  question: string;
  threshold: number;
  candidates: CategoryCandidate[];
}

/** A paste that cannot be imported, or an option that cannot be used: the message quotes what was wrong. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/**
 * Turn a pasted AI answer (plain text or Markdown, with or without front matter) into a Q&A document:
 * citations as numbered footnotes (one per URL, tracking parameters removed, markers without a source
 * kept as references to a definition that says so), the provenance in front matter, headings
 * unwrapped, title and description from the question and answer, and a category. Every word of the
 * answer is kept. Never writes `reviewed_by`: a person reviews.
 */
export function importAnswer(paste: string, options: ImportOptions): ImportedDocument | UnclearCategory {
  const { config } = options;
  const assistantOption = options.assistant === undefined ? undefined : assistantByName(options.assistant, config);
  if (options.date !== undefined && !isIsoDate(options.date)) throw new ImportError(`Unexpected date "${options.date}", expected a calendar date as YYYY-MM-DD, such as 2024-10-10`);

  // `You said:` / `ChatGPT said:` lines of a copied turn: a blank line each, so question and answer stay apart.
  const transcriptLabels: string[] = [];
  // Pastes come with any line endings; the document is written with \n.
  const text = paste.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(TRANSCRIPT_LABEL, (label) => {
    transcriptLabels.push(label);
    return '';
  });
  const parsed = parseDocument(text, { ...config.parseOptions });
  const fatal = parsed.diagnostics.find((diagnostic) => diagnostic.fatal);
  if (fatal) throw new ImportError(`Unexpected paste that cannot be read (${fatal.reason}), expected Markdown or plain text`);

  const bodyStart = parsed.frontMatter.range?.[1] ?? 0;
  const question = questionOf(parsed, bodyStart, options.question);
  const lists = findSourceLists(parsed);
  const plan = planCitations(parsed, lists);
  const recognised = assistantOption ? { name: assistantOption, evidence: 'the --assistant option' } : recogniseAssistant(parsed, lists, transcriptLabels);

  const edits: Array<{ range: [number, number]; text: string }> = [];
  for (const range of mergeRanges([...plan.removals, ...provenanceLine(parsed, bodyStart)])) edits.push({ range: wholeLines(text, range), text: '' });
  const numberByKey = new Map(plan.sources.map(({ key }, index) => [key, index + 1]));
  for (const marker of plan.markers) edits.push({ range: marker.range, text: `[^${numberByKey.get(marker.key)}]` });
  const definitions = plan.sources.map(({ source }, index) => `[^${index + 1}]: ${definitionText(source)}`);
  if (definitions.length > 0) {
    const furtherReading = parsed.index.headings.find((heading) => isFurtherReadingHeading(heading) && heading.position!.start.offset! >= bodyStart);
    const at = furtherReading?.position!.start.offset ?? text.length;
    edits.push({ range: [at, at], text: `\n\n${definitions.join('\n')}\n\n` });
  }
  const questionBlock = options.question !== undefined && question.fromOption ? `${question.text}\n\n` : '';
  const body = cleanHeadings(questionBlock + tidyBlankLines(applyEdits(text, edits).slice(bodyStart)), config);

  const bodyParsed = parseDocument(body, { ...config.parseOptions });
  const answerText = bodyParsed.record.entries[0]?.answer.text ?? '';
  const title = titleOfAnswer(question.text, answerText);
  const description = descriptionOfAnswer(answerText);

  const declared = typeof parsed.frontMatter.data.category === 'string' ? categoryOfName(parsed.frontMatter.data.category, config) : null;
  const classification = classifyDocument(bodyParsed);
  let category: Category;
  let categorySource: ImportedDocument['categorySource'];
  if (options.category) [category, categorySource] = [options.category, 'option'];
  else if (declared) [category, categorySource] = [declared, 'front matter'];
  else if (classification.predicted && classification.confidence !== null && classification.confidence >= config.settings.classifier.threshold) [category, categorySource] = [classification.predicted, 'classifier'];
  else return { kind: 'category-unclear', question: question.text, threshold: config.settings.classifier.threshold, candidates: rankCategories(bodyParsed, 2) };

  const notes: string[] = [];
  const date = options.date ?? parsed.record.provenance?.date ?? null;
  const rawDate = parsed.record.provenance && !parsed.record.provenance.date ? /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/.exec(parsed.record.provenance.raw)?.[0] : undefined;
  if (!date && rawDate) notes.push(`the paste's date "${rawDate}" can be read two ways: give --date YYYY-MM-DD (or set provenance.dateOrder in the config)`);
  else if (!date) notes.push('the paste gives no date: give --date YYYY-MM-DD for the day the answer was written');
  if (!recognised) notes.push('could not tell which assistant wrote the answer: give --assistant NAME');
  const source = [recognised?.name ?? 'AI assistant', date ?? rawDate].filter(Boolean).join(', ');

  const reviewKey = config.settings.provenance.reviewKey;
  const kept = Object.fromEntries(Object.entries(parsed.frontMatter.data).filter(([key]) => !['title', 'description', 'category', 'source', reviewKey].includes(key)));
  if (parsed.frontMatter.data[reviewKey] !== undefined) notes.push(`the paste's \`${reviewKey}\` was not kept: a person reviews the imported answer and adds it`);
  const frontMatter = stringify({ title, ...(description ? { description } : {}), category, source, ...kept }, { lineWidth: 0 });
  return {
    kind: 'document',
    text: `---\n${frontMatter}---\n\n${body}`,
    question: question.text,
    title,
    description,
    category,
    categorySource,
    confidence: classification.scores[category],
    assistant: recognised,
    date,
    citations: plan.sources.map(({ source: planned }, index) => ({ number: index + 1, url: planned.url, title: planned.url ? footnoteTitle(planned) : planned.note ?? '' })),
    notes,
  };
}

/** The question: the `question` option, else the paste's first block when it asks one (or a front-matter `question`). */
function questionOf(parsed: ParsedDocument, bodyStart: number, option: string | undefined): { text: string; fromOption: boolean } {
  const entry = parsed.record.entries[0];
  const firstBlock = parsed.tree.children[0]?.position?.start.offset;
  const asksFirst = entry && (entry.position.start.offset < bodyStart || entry.position.start.offset === firstBlock);
  if (option !== undefined) {
    if (option.trim() === '') throw new ImportError(`Unexpected empty question "${option}", expected the question the answer answers`);
    if (asksFirst && normalizeQuestion(entry.question) === normalizeQuestion(option)) return { text: entry.question, fromOption: false };
    return { text: normalizeQuestion(option), fromOption: true };
  }
  if (!asksFirst) throw new ImportError('Unexpected paste with no question before its answer, expected the question as its first line (ending with "?"), or --question "…"');
  return { text: entry.question, fromOption: false };
}

/** The assistant's name as the config spells it (the parser recognises only those), or an error naming them. */
function assistantByName(name: string, config: ResolvedConfig): string {
  const known = config.settings.provenance.assistants.length > 0 ? config.settings.provenance.assistants : DEFAULT_ASSISTANTS;
  const found = known.find((candidate) => candidate.toLowerCase() === name.trim().toLowerCase());
  if (found) return found;
  throw new ImportError(`Unexpected assistant "${name}", expected one of ${known.map((candidate) => `"${candidate}"`).join(', ')} (or add it to provenance.assistants in the config)`);
}

function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && isoDate(+match[1]!, +match[2]!, +match[3]!) === value;
}

/** The provenance line of the body (`Source: Conversation with Copilot, 10/10/2024`): it moves into front matter. */
function provenanceLine(parsed: ParsedDocument, bodyStart: number): Array<[number, number]> {
  const provenance = parsed.record.provenance;
  if (!provenance || provenance.position.start.offset < bodyStart) return [];
  return [[provenance.position.start.offset, provenance.position.end.offset]];
}

function definitionText(source: PlannedSource): string {
  if (!source.url) return source.note ?? '';
  const title = footnoteTitle(source).replace(/([\\[\]])/g, '\\$1');
  return `[${title}](${source.url.replace(/([()\s])/g, (character) => (character === ' ' ? '%20' : `\\${character}`))})`;
}

/** A removed range grown to whole lines when it takes a line's whole text, so no empty line is left behind. */
function wholeLines(text: string, [start, end]: [number, number]): [number, number] {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const beforeIsBlank = text.slice(lineStart, start).trim() === '';
  let lineEnd = end;
  while (lineEnd < text.length && (text[lineEnd] === ' ' || text[lineEnd] === '\t' || text[lineEnd] === '\r')) lineEnd++;
  const afterIsBlank = lineEnd >= text.length || text[lineEnd] === '\n';
  if (!beforeIsBlank || !afterIsBlank) return [start, end];
  return [lineStart, Math.min(text.length, lineEnd + 1)];
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** Apply edits from the end; an edit inside an earlier-applied (later) removal is dropped. */
function applyEdits(text: string, edits: Array<{ range: [number, number]; text: string }>): string {
  const sorted = [...edits].sort((a, b) => b.range[0] - a.range[0] || b.range[1] - a.range[1]);
  let output = text;
  let floor = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    if (edit.range[1] > floor) continue;
    output = output.slice(0, edit.range[0]) + edit.text + output.slice(edit.range[1]);
    floor = edit.range[0];
  }
  return output;
}

/** At most one blank line between blocks, none at the start, one newline at the end. */
function tidyBlankLines(text: string): string {
  return `${text.replace(/\r\n?/g, '\n').replace(/^[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
