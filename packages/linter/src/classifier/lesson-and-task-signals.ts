import { isImperativeHeading, isImperativeSentence } from '@qadocs/parser';
import { countMatches, firstMatch, percent, ramp, titleMatch, topMatches, type AddSignal, type PageReading } from './signal-measures.js';
import {
  CLEAN_UP_HEADING,
  ENCOURAGEMENT,
  FIRST_PERSON_PLURAL,
  GERUND_TITLE,
  HOW_IT_WORKS_QUESTION,
  HOW_TO_TITLE,
  LEAD_HOW_TO,
  LEARNING_OUTCOME,
  METHOD_TITLE,
  OUTCOME_HEADING,
  PREREQUISITES_HEADING,
  STEP_HEADING,
  STEP_PROGRESSION,
  SUBJECT_GERUND,
  SUMMARY_HEADING,
  TASK_NOUN_TITLE,
  TUTORIAL_INTRO,
  TUTORIAL_QUESTION,
  TUTORIAL_TITLE,
} from './signal-patterns.js';

/** Tutorial: a lesson with a stated outcome, a guiding voice, and a path of steps. */
export function readLessonSignals(page: PageReading, add: AddSignal): void {
  const { features, headingTexts, sentences } = page;
  const { prose } = features;
  const tutorialTitle = titleMatch(page, TUTORIAL_TITLE);
  if (tutorialTitle) add('tutorialTitle', 1, `title names a lesson \`${tutorialTitle}\``);
  const tutorialQuestion = [...page.titles, ...features.questions].find((text) => TUTORIAL_QUESTION.test(text));
  if (tutorialQuestion) add('tutorialQuestion', 1, `question form \`${tutorialQuestion}\``);
  const tutorialIntro = firstMatch(prose, TUTORIAL_INTRO);
  if (tutorialIntro) add('tutorialIntro', 1, `\`${tutorialIntro}\``);
  const outcome = firstMatch(prose, LEARNING_OUTCOME) ?? headingTexts.find((text) => OUTCOME_HEADING.test(text)) ?? null;
  if (outcome) add('learningOutcome', 1, `stated outcome \`${outcome}\``);
  const plural = countMatches(prose, FIRST_PERSON_PLURAL);
  add('firstPersonPlural', ramp(plural / sentences, 0.03, 0.2), `first-person plural guide voice (${topMatches(prose, FIRST_PERSON_PLURAL)})`);
  const encouragement = firstMatch(prose, ENCOURAGEMENT);
  if (encouragement) add('encouragement', 1, `encouragement \`${encouragement}\``);
  const progression = countMatches(prose, STEP_PROGRESSION);
  add('stepProgression', ramp(progression, 0, 4), `step-to-step transitions (${topMatches(prose, STEP_PROGRESSION)})`);
  const cleanUp = headingTexts.find((text) => CLEAN_UP_HEADING.test(text));
  if (cleanUp) add('cleanUpSection', 1, `closing section \`${cleanUp}\``);
  const summary = headingTexts.find((text) => SUMMARY_HEADING.test(text));
  if (summary) add('summarySection', 1, `closing section \`${summary}\``);
}

/** How-to: a goal in the title or the question, then actions in order. */
export function readTaskSignals(page: PageReading, add: AddSignal): void {
  const { features, titles, titleActions, headingTexts, sentences } = page;
  const howToTitle = titleMatch(page, HOW_TO_TITLE);
  if (howToTitle && !titles.some((text) => text.endsWith('?'))) add('howToTitle', 1, `title \`${howToTitle}…\``);
  // The question a Q&A page answers says what the reader wants: to do something, or to understand it.
  const isHowToQuestion = (text: string) => text.endsWith('?') && HOW_TO_TITLE.test(text) && !HOW_IT_WORKS_QUESTION.test(text) && !TUTORIAL_QUESTION.test(text);
  const leadQuestion = [...titles, ...features.questions].find(isHowToQuestion);
  const headingQuestion = headingTexts.find(isHowToQuestion);
  if (leadQuestion ?? headingQuestion) add('howToQuestion', leadQuestion ? 1 : 0.6, `question form \`${leadQuestion ?? headingQuestion}\``);
  const actionTitle = titleActions.find((text) => isImperativeHeading(text));
  if (!howToTitle && actionTitle) add('actionTitle', 1, `title names an action \`${actionTitle}\``);
  const gerundTitle = titleActions.find((text) => GERUND_TITLE.test(text) && !SUBJECT_GERUND.test(text));
  if (gerundTitle) add('gerundTitle', 1, `title names an activity \`${gerundTitle.split(/\s/)[0]}\``);
  const methodTitle = titleMatch(page, METHOD_TITLE);
  if (methodTitle) add('methodTitle', 1, `title names the means of a task \`${methodTitle.trim()}\``);
  const taskNoun = titleMatch(page, TASK_NOUN_TITLE);
  if (taskNoun) add('taskNounTitle', 1, `title names a task \`${taskNoun}\``);
  const leadTask = firstMatch(features.lead, LEAD_HOW_TO);
  if (leadTask) add('leadHowTo', 1, `introduced as a task \`${leadTask}\``);

  const secondPerson = features.secondPersonSentences / sentences;
  if (features.sentences >= 3) add('secondPerson', ramp(secondPerson, 0.1, 0.5), `addresses the reader in ${percent(secondPerson)} of sentences`);
  add('codeExamples', ramp(features.codeBlocks / sentences, 0.02, 0.25), `${features.codeBlocks} code blocks`);
  add('shellCommands', ramp(features.shellBlocks, 0, 4), `${features.shellBlocks} command-line blocks`);
  const prerequisites = headingTexts.find((text) => PREREQUISITES_HEADING.test(text));
  if (prerequisites) add('prerequisites', 1, `\`${prerequisites}\` section`);

  const numberedHeadings = headingTexts.filter((text) => STEP_HEADING.test(text)).length;
  const stepCount = Math.max(page.longestOrderedList, numberedHeadings);
  if (stepCount >= 2) add('orderedSteps', ramp(stepCount, 1, 6), numberedHeadings > page.longestOrderedList ? `${numberedHeadings} numbered step headings` : `${page.longestOrderedList} ordered steps`);
  const imperativeOrdered = features.orderedLists.reduce((total, list) => total + list.imperativeItems, 0);
  if (imperativeOrdered >= 2) add('imperativeSteps', ramp(imperativeOrdered, 1, 8), `${imperativeOrdered} of ${page.orderedItems} ordered items are instructions`);
  // "Run the following command:" then the command: a step announced, then given.
  add('introducedSteps', ramp(features.introducedSteps, 0, 5), `${features.introducedSteps} commands or steps introduced by a sentence ending in a colon`);
  if (features.imperativeBullets >= 2) add('imperativeBullets', ramp(features.imperativeBullets / Math.max(1, features.unorderedItems), 0.15, 0.6), `${features.imperativeBullets} of ${features.unorderedItems} bullet items are instructions`);
  if (features.sentences >= 3) add('imperativeProse', ramp(page.imperativeShare, 0.1, 0.45), `imperative sentences ${percent(page.imperativeShare)}`);
  const actionHeadings = headingTexts.filter((text) => isImperativeHeading(text) || (isImperativeSentence(text) && text.split(/\s+/).length > 1)).length;
  if (headingTexts.length > 0) add('imperativeHeadings', ramp(actionHeadings / headingTexts.length, 0.15, 0.6) * ramp(actionHeadings, 0, 2), `${actionHeadings} of ${headingTexts.length} headings name actions`);
  add('boldLabels', ramp(features.boldLabels / sentences, 0.1, 0.6), `${features.boldLabels} bold interface labels`);
  if (features.configBlocks >= 1) add('configCode', ramp(features.configBlocks / Math.max(1, features.codeBlocks), 0.2, 0.8) * ramp(features.configBlocks, 0, 2), `${features.configBlocks} configuration blocks (YAML, JSON …)`);
}
