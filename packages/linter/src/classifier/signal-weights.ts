import type { Category } from '@qadocs/schema';
import type { SignalId } from './content-signals.js';

/**
 * How much each signal counts for each category (never negative: a signal only ever speaks FOR a
 * category, so the evidence of a prediction is simply its largest contributions).
 *
 * Fitted by regularized multinomial logistic regression, with weights constrained to be ≥ 0 and to
 * the categories each signal is about, on the half of the labelled corpus whose path hash is even
 * (`scripts/eval-classifier.mjs` reports the other half separately). Signals that are central to
 * Diátaxis but rare in that corpus (the question forms of Q&A pages, option tables, why/because
 * discussion, lookup questions) then get a floor, so they still count on documents unlike the corpus:
 * `apiSignatures`, `conceptQuestion`, `howToQuestion`, `imperativeProse`, `imperativeSteps`, `noProcedure`,
 * `optionTables`, `orderedSteps`, `reasoning`, `referenceQuestion` (no corpus page asks one), `tables`, `taskNounTitle`.
 */
export const SIGNAL_WEIGHTS: Readonly<Record<SignalId, Partial<Record<Category, number>>>> = {
  tutorialTitle: { tutorial: 2.08 },
  tutorialIntro: { tutorial: 2.34 },
  learningOutcome: { tutorial: 0.71 },
  firstPersonPlural: { tutorial: 0.97 },
  encouragement: { tutorial: 0.69 },
  stepProgression: { tutorial: 0.43 },
  cleanUpSection: { tutorial: 0.39, 'how-to': 0.01 },
  howToTitle: { 'how-to': 1.46 },
  howToQuestion: { 'how-to': 1.50 },
  actionTitle: { 'how-to': 1.50 },
  gerundTitle: { 'how-to': 1.23 },
  taskNounTitle: { 'how-to': 0.50 },
  purposeClauses: { 'how-to': 0.07 },
  imperativeCount: {  },
  secondPerson: { tutorial: 0.46, 'how-to': 0.75 },
  codeExamples: { tutorial: 2.01, 'how-to': 0.34, reference: 1.07 },
  howToIntro: { 'how-to': 0.76 },
  orderedSteps: { tutorial: 0.54, 'how-to': 0.30 },
  imperativeSteps: { 'how-to': 0.50 },
  imperativeProse: { 'how-to': 0.50 },
  imperativeHeadings: { tutorial: 1.02, 'how-to': 0.59 },
  prerequisites: { tutorial: 1.00, 'how-to': 0.68 },
  shellCommands: { tutorial: 1.07, 'how-to': 0.89 },
  referenceTitle: { reference: 1.15 },
  referenceQuestion: { reference: 1.2 },
  referenceIntro: { reference: 0.83 },
  optionTables: { reference: 0.60 },
  tables: { reference: 0.30 },
  definitionLists: { reference: 0.36 },
  codeHeadings: { reference: 0.60 },
  apiSignatures: { reference: 0.50 },
  referenceHeadings: { reference: 1.42 },
  inlineCodeDensity: { reference: 0.75 },
  terseText: { reference: 0.55 },
  explanationTitle: { explanation: 0.67 },
  conceptQuestion: { explanation: 1.20 },
  explanationIntro: { explanation: 1.02 },
  explanationSelf: { explanation: 0.67 },
  reasoning: { explanation: 0.50 },
  longProse: { explanation: 0.66 },
  comparison: { explanation: 0.33 },
  noProcedure: { reference: 0.30, explanation: 0.30 },
  proceduralSections: { tutorial: 0.22, 'how-to': 0.29 },
  discursiveSections: { explanation: 0.67 },
  descriptive: { reference: 0.54 },
  interfaceVocabulary: { tutorial: 0.12, 'how-to': 0.46 },
  dataTypeVocabulary: { reference: 0.37 },
  conceptVocabulary: { explanation: 1.28 },
};

/** Prior score of each category before any signal: tutorials are rarer than the others. */
export const CATEGORY_BIAS: Readonly<Record<Category, number>> = { tutorial: -1.47, 'how-to': 0.49, reference: 0.36, explanation: 0.63 };
