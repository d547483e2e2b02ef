import { isImperativeHeading } from '@qadocs/parser';
import { countMatches, firstMatch, percent, ramp, titleMatch, topMatches, type AddSignal, type PageReading } from './signal-measures.js';
import { GERUND_TITLE, HOW_TO_TITLE, INTERFACE_WORDS, LEAD_DEFINITION, SUBJECT_GERUND, TUTORIAL_TITLE } from './signal-patterns.js';

/**
 * The shape of the page, whatever its words: what its body is made of (steps, tables, code, prose),
 * how much of it is procedure, how long it is, how it opens and how it addresses the reader.
 */
export function readPageShapeSignals(page: PageReading, add: AddSignal): void {
  const { features, titles, titleActions, headingTexts, sentences, tableRows, listItems, orderedItems } = page;

  const title = titles[0] ?? '';
  const namesAnAction = titleMatch(page, HOW_TO_TITLE) !== null || titleMatch(page, TUTORIAL_TITLE) !== null || titleActions.some((text) => isImperativeHeading(text) || (GERUND_TITLE.test(text) && !SUBJECT_GERUND.test(text)));
  if (title !== '' && !titles.some((text) => text.endsWith('?')) && !namesAnAction) add('nounTitle', 1, `title names a thing \`${title}\``);
  const definition = firstMatch(features.openingSentence, LEAD_DEFINITION);
  if (definition) add('leadDefinition', 1, `opens with a definition \`${definition}\``);
  const questionHeadings = headingTexts.filter((text) => text.trim().endsWith('?'));
  if (questionHeadings.length > 0) add('questionHeadings', ramp(questionHeadings.length / headingTexts.length, 0, 0.5) * ramp(questionHeadings.length, 0, 2), `${questionHeadings.length} question headings`);

  // What the body is made of: shares of steps, table rows, code and prose among its blocks.
  const blocks = features.paragraphs + listItems + features.codeBlocks + tableRows;
  if (blocks >= 5) {
    add('orderedShare', ramp(orderedItems / blocks, 0.05, 0.4), `ordered steps are ${percent(orderedItems / blocks)} of the blocks`);
    add('tableShare', ramp(tableRows / blocks, 0.1, 0.6), `table rows are ${percent(tableRows / blocks)} of the blocks`);
    add('codeShare', ramp(features.codeBlocks / blocks, 0.05, 0.35), `code blocks are ${percent(features.codeBlocks / blocks)} of the blocks`);
    add('proseShare', ramp(features.paragraphs / blocks, 0.4, 0.9), `prose paragraphs are ${percent(features.paragraphs / blocks)} of the blocks`);
  }
  add('longPage', ramp(features.words, 800, 3000), `much prose (${features.words} words)`);
  add('shortPage', 1 - ramp(features.words, 80, 300), `little prose (${features.words} words)`);

  // How much of the page is procedure: a how-to is steps from end to end, an explanation may hold one.
  const { bodySections, proceduralSections } = page;
  const discursive = bodySections.filter((part) => part.sentences >= 3 && part.orderedItems < 2 && part.codeBlocks === 0 && part.imperativeSentences / part.sentences < 0.15);
  if (bodySections.length >= 2) {
    add('proceduralSections', ramp(proceduralSections.length / bodySections.length, 0.2, 0.8), `${proceduralSections.length} of ${bodySections.length} sections are procedures`);
    add('discursiveSections', ramp(discursive.length / bodySections.length, 0.2, 0.8), `${discursive.length} of ${bodySections.length} sections are discussion`);
  }
  const bodyWords = bodySections.reduce((total, part) => total + part.words, 0);
  const proceduralWords = proceduralSections.reduce((total, part) => total + part.words, 0);
  if (bodyWords >= 100) add('proceduralWeight', ramp(proceduralWords / bodyWords, 0.2, 0.8), `${percent(proceduralWords / bodyWords)} of the prose is in procedure sections`);

  // Voice and vocabulary: a discussion hedges and links out, a procedure names the controls it uses.
  if (features.sentences >= 3) add('modalVoice', ramp(features.modalSentences / sentences, 0.1, 0.4), `hedged sentences (can, may, might) ${percent(features.modalSentences / sentences)}`);
  add('linkDensity', ramp(features.links / sentences, 0.2, 1), `${features.links} links in ${features.sentences} sentences`);
  const interfaceWords = countMatches(features.prose, INTERFACE_WORDS);
  add('interfaceVocabulary', ramp((100 * interfaceWords) / Math.max(50, features.words), 0.5, 4), `interface vocabulary (${topMatches(features.prose, INTERFACE_WORDS)})`);
}
