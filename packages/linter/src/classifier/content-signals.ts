import type { DocumentFeatures } from './document-features.js';
import { readLessonSignals, readTaskSignals } from './lesson-and-task-signals.js';
import { readDiscussionSignals, readLookupSignals } from './lookup-and-discussion-signals.js';
import { readLeadSignals } from './lead-signals.js';
import { readPageShapeSignals } from './page-shape-signals.js';
import { clamp01, readPage } from './signal-measures.js';

/**
 * One measured signal: `value` is its strength (0 when absent, about 1 when clearly present) and
 * `evidence` says in plain words what was seen, for the report.
 */
export interface ContentSignal {
  id: SignalId;
  value: number;
  evidence: string;
}

/** Every signal the classifier reads, in a fixed order (weights are keyed by these ids). */
export const SIGNAL_IDS = [
  // A lesson (lesson-and-task-signals.ts).
  'tutorialTitle',
  'tutorialIntro',
  'tutorialQuestion',
  'learningOutcome',
  'firstPersonPlural',
  'encouragement',
  'stepProgression',
  'cleanUpSection',
  'summarySection',
  // A task.
  'howToTitle',
  'howToQuestion',
  'actionTitle',
  'gerundTitle',
  'methodTitle',
  'taskNounTitle',
  'leadHowTo',
  'secondPerson',
  'codeExamples',
  'shellCommands',
  'prerequisites',
  'orderedSteps',
  'imperativeSteps',
  'introducedSteps',
  'imperativeBullets',
  'imperativeProse',
  'imperativeHeadings',
  'boldLabels',
  'configCode',
  // Facts to look up (lookup-and-discussion-signals.ts).
  'referenceIntro',
  'leadReference',
  'referenceQuestion',
  'referenceTitle',
  'optionTables',
  'tables',
  'definitionLists',
  'codeHeadings',
  'apiSignatures',
  'referenceHeadings',
  'inlineCodeDensity',
  'terseText',
  'descriptive',
  'dataTypeVocabulary',
  // A discussion.
  'explanationTitle',
  'conceptQuestion',
  'explanationSelf',
  'explanationIntro',
  'reasoning',
  'comparison',
  'conceptVocabulary',
  'conceptHeadings',
  'longProse',
  'noProcedure',
  // The page's shape (page-shape-signals.ts).
  'nounTitle',
  'leadDefinition',
  'questionHeadings',
  'orderedShare',
  'tableShare',
  'codeShare',
  'proseShare',
  'longPage',
  'shortPage',
  'proceduralSections',
  'discursiveSections',
  'proceduralWeight',
  'modalVoice',
  'linkDensity',
  'interfaceVocabulary',
  // Where the page says what it is: its lead and its first section (lead-signals.ts).
  'leadSecondPerson',
  'firstSectionTask',
] as const;

export type SignalId = (typeof SIGNAL_IDS)[number];

/** Measure every signal of a document; signals that are absent are left out. */
export function readContentSignals(features: DocumentFeatures): ContentSignal[] {
  const signals: ContentSignal[] = [];
  const add = (id: SignalId, value: number, evidence: string) => {
    if (value > 0) signals.push({ id, value: clamp01(value), evidence });
  };
  const page = readPage(features);
  readLessonSignals(page, add);
  readTaskSignals(page, add);
  readLookupSignals(page, add);
  readDiscussionSignals(page, add);
  readPageShapeSignals(page, add);
  readLeadSignals(page, add);
  return signals;
}
