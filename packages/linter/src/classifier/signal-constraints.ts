import type { Category } from '@qadocs/schema';
import type { SignalId } from './content-signals.js';

/**
 * The least each of these signals counts for its category, whatever the fit says: the lower bounds
 * `scripts/fit-classifier.mjs` holds the weights to (every other weight is bounded by 0).
 *
 * They are what Diátaxis itself says a category looks like, for signals that are rare in the labelled
 * corpus (the question forms of Q&A pages, lookup questions) or that the corpus's own conventions
 * blur (a Microsoft Learn how-to may hold a table of options), so they keep their meaning on
 * documents unlike the corpus. The fit may raise them, never lower them.
 */
export const SIGNAL_FLOORS: Readonly<Partial<Record<SignalId, Partial<Record<Category, number>>>>> = {
  tutorialTitle: { tutorial: 1 },
  tutorialIntro: { tutorial: 1 },
  tutorialQuestion: { tutorial: 1.5 },
  howToTitle: { 'how-to': 1 },
  howToQuestion: { 'how-to': 1.5 },
  orderedSteps: { 'how-to': 0.3 },
  imperativeSteps: { 'how-to': 0.5 },
  imperativeProse: { 'how-to': 0.3 },
  referenceQuestion: { reference: 1.5 },
  optionTables: { reference: 1 },
  apiSignatures: { reference: 0.5 },
  codeHeadings: { reference: 0.5 },
  conceptQuestion: { explanation: 1.2 },
  reasoning: { explanation: 0.5 },
};

/**
 * The categories each signal may speak for: its fitted weight for any other category is held at 0,
 * so a signal about instructions never counts as evidence for an explanation, and a page's shape
 * (its length, its share of prose) only ever speaks for the categories Diátaxis gives that shape.
 * Every signal is listed: a new signal must say what it is about.
 */
export const SIGNAL_CATEGORIES: Readonly<Record<SignalId, readonly Category[]>> = {
  tutorialTitle: ['tutorial'],
  tutorialIntro: ['tutorial'],
  tutorialQuestion: ['tutorial'],
  learningOutcome: ['tutorial'],
  firstPersonPlural: ['tutorial', 'explanation'],
  encouragement: ['tutorial'],
  stepProgression: ['tutorial', 'how-to'],
  cleanUpSection: ['tutorial', 'how-to'],
  summarySection: ['tutorial', 'explanation'],
  howToTitle: ['how-to'],
  howToQuestion: ['how-to'],
  actionTitle: ['tutorial', 'how-to'],
  gerundTitle: ['tutorial', 'how-to'],
  methodTitle: ['tutorial', 'how-to'],
  taskNounTitle: ['how-to', 'reference'],
  leadHowTo: ['how-to'],
  secondPerson: ['tutorial', 'how-to'],
  codeExamples: ['tutorial', 'how-to', 'reference'],
  shellCommands: ['tutorial', 'how-to'],
  prerequisites: ['tutorial', 'how-to'],
  orderedSteps: ['tutorial', 'how-to'],
  imperativeSteps: ['tutorial', 'how-to'],
  introducedSteps: ['tutorial', 'how-to'],
  imperativeBullets: ['tutorial', 'how-to'],
  imperativeProse: ['tutorial', 'how-to'],
  imperativeHeadings: ['tutorial', 'how-to'],
  boldLabels: ['tutorial', 'how-to'],
  configCode: ['how-to', 'reference'],
  referenceIntro: ['reference'],
  leadReference: ['reference'],
  referenceQuestion: ['reference'],
  referenceTitle: ['reference'],
  optionTables: ['reference'],
  tables: ['reference', 'explanation'],
  definitionLists: ['reference'],
  codeHeadings: ['reference'],
  apiSignatures: ['reference'],
  referenceHeadings: ['reference'],
  inlineCodeDensity: ['how-to', 'reference'],
  terseText: ['reference'],
  descriptive: ['reference', 'explanation'],
  dataTypeVocabulary: ['reference'],
  explanationTitle: ['explanation'],
  conceptQuestion: ['explanation'],
  explanationSelf: ['explanation'],
  explanationIntro: ['explanation'],
  reasoning: ['explanation'],
  comparison: ['explanation'],
  conceptVocabulary: ['explanation'],
  conceptHeadings: ['explanation'],
  longProse: ['explanation'],
  noProcedure: ['reference', 'explanation'],
  nounTitle: ['reference', 'explanation'],
  leadDefinition: ['reference', 'explanation'],
  questionHeadings: ['explanation', 'reference'],
  orderedShare: ['tutorial', 'how-to'],
  tableShare: ['reference', 'explanation'],
  codeShare: ['tutorial', 'how-to', 'reference'],
  proseShare: ['explanation'],
  longPage: ['tutorial', 'reference', 'explanation'],
  shortPage: ['how-to', 'reference'],
  proceduralSections: ['tutorial', 'how-to'],
  discursiveSections: ['explanation'],
  proceduralWeight: ['tutorial', 'how-to'],
  modalVoice: ['explanation'],
  linkDensity: ['reference', 'explanation'],
  interfaceVocabulary: ['tutorial', 'how-to'],
  leadSecondPerson: ['tutorial', 'how-to'],
  firstSectionTask: ['tutorial', 'how-to'],
};
