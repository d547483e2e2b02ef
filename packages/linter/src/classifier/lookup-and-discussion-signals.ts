import { countMatches, firstMatch, percent, plainHeading, quoted, ramp, titleMatch, topMatches, type AddSignal, type PageReading } from './signal-measures.js';
import {
  COMPARISON,
  CONCEPT_HEADING,
  CONCEPT_QUESTION,
  CONCEPT_WORDS,
  DATA_TYPE_WORDS,
  EXPLANATION_INTRO,
  EXPLANATION_SELF,
  EXPLANATION_TITLE,
  HOW_IT_WORKS_QUESTION,
  OPTION_HEADER,
  REASONING,
  REFERENCE_HEADING,
  REFERENCE_INTRO,
  REFERENCE_QUESTION,
  REFERENCE_TITLE,
} from './signal-patterns.js';

/** Reference: described facts to look up — tables, term lists, signatures, little narrative. */
export function readLookupSignals(page: PageReading, add: AddSignal): void {
  const { features, titles, headingTexts, sentences, tableRows, listItems } = page;
  const referenceIntro = firstMatch(features.prose, REFERENCE_INTRO);
  if (referenceIntro) add('referenceIntro', 1, `\`${referenceIntro.trim()}\``);
  const leadReference = firstMatch(features.lead, REFERENCE_INTRO);
  if (leadReference) add('leadReference', 1, `introduced as a lookup \`${leadReference.trim()}\``);
  const referenceQuestion = [...titles, ...features.questions].find((text) => REFERENCE_QUESTION.test(text));
  if (referenceQuestion) add('referenceQuestion', 1, `lookup question \`${referenceQuestion}\``);
  const referenceTitle = titleMatch(page, REFERENCE_TITLE);
  if (referenceTitle) add('referenceTitle', 1, `title names a lookup \`${referenceTitle}\``);

  const optionTables = features.tables.filter((table) => table.header.filter((cell) => OPTION_HEADER.test(cell.replace(/[`*_]/g, '').trim())).length >= 2);
  const optionRows = optionTables.reduce((total, table) => total + table.rows, 0);
  if (optionTables.length > 0) add('optionTables', ramp(optionRows, 0, 4), optionTables.length === 1 ? `a table of ${quoted(optionTables[0]!.header)} with ${optionRows} rows` : `${optionTables.length} parameter/option tables (${optionRows} rows)`);
  if (features.tables.length > 0) add('tables', ramp(tableRows / sentences, 0.05, 0.6), `${features.tables.length} tables with ${tableRows} rows`);
  if (features.definitionItems >= 2) add('definitionLists', ramp(features.definitionItems / Math.max(1, listItems), 0.1, 0.5) * ramp(features.definitionItems, 1, 5), `${features.definitionItems} term–definition list items`);
  if (features.codeHeadings >= 1) add('codeHeadings', ramp(features.codeHeadings / Math.max(1, headingTexts.length), 0, 0.3), `${features.codeHeadings} headings name code identifiers`);
  add('apiSignatures', ramp(features.signatureBlocks, 0, 3), `${features.signatureBlocks} code blocks with API signatures`);
  const referenceHeadings = headingTexts.filter((text) => REFERENCE_HEADING.test(plainHeading(text)));
  if (referenceHeadings.length > 0) add('referenceHeadings', ramp(referenceHeadings.length / Math.max(1, headingTexts.length), 0, 0.4), `lookup headings ${quoted(referenceHeadings)}`);
  const inlineDensity = features.inlineCode / Math.max(20, features.words);
  add('inlineCodeDensity', ramp(inlineDensity, 0.02, 0.08), `inline code every ${inlineDensity > 0 ? Math.round(1 / inlineDensity) : 0} words`);
  const structured = features.tables.length + tableRows + listItems + features.codeBlocks;
  if (structured >= 4) {
    const paragraphsPerStructure = features.paragraphSentences / structured;
    add('terseText', ramp(1 - paragraphsPerStructure, 0.2, 0.9), `mostly tables, lists and code (${features.paragraphSentences} prose sentences for ${structured} items)`);
  }
  const descriptive = features.descriptiveSentences / sentences;
  if (features.sentences >= 3) add('descriptive', ramp(descriptive, 0.1, 0.5), `describing sentences ${percent(descriptive)} (“X is …”, “X provides …”)`);
  const dataTypeWords = countMatches(features.prose, DATA_TYPE_WORDS);
  add('dataTypeVocabulary', ramp(per100Words(page, dataTypeWords), 0.5, 5), `data and type vocabulary (${topMatches(features.prose, DATA_TYPE_WORDS)})`);
}

/** Explanation: understanding — why, how things relate, discussed in prose. */
export function readDiscussionSignals(page: PageReading, add: AddSignal): void {
  const { features, titles, headingTexts, sentences, tableRows, listItems } = page;
  const { prose } = features;
  // "What is the syntax of X?" asks for a fact to look up, not for an explanation.
  const explanationTitle = titles.some((text) => REFERENCE_QUESTION.test(text)) ? null : titleMatch(page, EXPLANATION_TITLE);
  if (explanationTitle) add('explanationTitle', 1, `title names a topic to understand \`${explanationTitle}\``);
  const conceptQuestion = [...titles, ...features.questions].find((text) => (CONCEPT_QUESTION.test(text) || HOW_IT_WORKS_QUESTION.test(text)) && !REFERENCE_QUESTION.test(text));
  const conceptHeading = conceptQuestion ? undefined : headingTexts.find((text) => CONCEPT_QUESTION.test(text));
  if (conceptQuestion ?? conceptHeading) add('conceptQuestion', conceptQuestion ? 1 : 0.5, `question form \`${conceptQuestion ?? conceptHeading}\``);
  const explanationSelf = firstMatch(prose, EXPLANATION_SELF);
  if (explanationSelf) add('explanationSelf', 1, `\`${explanationSelf}\``);
  const explanationIntro = countMatches(prose, EXPLANATION_INTRO);
  add('explanationIntro', ramp(explanationIntro / sentences, 0, 0.1), `explaining phrases (${topMatches(prose, EXPLANATION_INTRO)})`);
  const reasoning = countMatches(prose, REASONING);
  add('reasoning', ramp(reasoning / sentences, 0.03, 0.3), `why/because discussion (${topMatches(prose, REASONING)})`);
  const comparison = countMatches(prose, COMPARISON);
  add('comparison', ramp(comparison, 0, 3), `comparisons (${topMatches(prose, COMPARISON)})`);
  const conceptWords = countMatches(prose, CONCEPT_WORDS);
  add('conceptVocabulary', ramp(per100Words(page, conceptWords), 0.5, 5), `concept vocabulary (${topMatches(prose, CONCEPT_WORDS)})`);
  const conceptHeadings = headingTexts.filter((text) => CONCEPT_HEADING.test(plainHeading(text)));
  if (conceptHeadings.length > 0) add('conceptHeadings', ramp(conceptHeadings.length / headingTexts.length, 0, 0.4) * ramp(conceptHeadings.length, 0, 2), `headings about ideas ${quoted(conceptHeadings)}`);

  const structured = features.tables.length + tableRows + listItems + features.codeBlocks;
  const paragraphsPerStructure = features.paragraphSentences / Math.max(1, structured);
  const wordsPerSentence = features.words / Math.max(1, features.paragraphSentences);
  if (features.paragraphSentences >= 5) add('longProse', ramp(paragraphsPerStructure, 0.5, 3) * ramp(wordsPerSentence, 10, 20), `${features.paragraphSentences} prose sentences, few procedures or tables`);
  if (features.sentences >= 5 && page.longestOrderedList < 3 && features.shellBlocks === 0 && page.imperativeShare < 0.1) add('noProcedure', 1, `no procedure: ${percent(page.imperativeShare)} imperative, no ordered steps, no commands`);
}

/** Matches per 100 words of prose (pages under 50 words count as 50). */
function per100Words(page: PageReading, count: number): number {
  return (100 * count) / Math.max(50, page.features.words);
}
