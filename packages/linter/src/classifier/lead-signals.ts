import { isImperativeHeading } from '@qadocs/parser';
import { percent, plainHeading, ramp, type AddSignal, type PageReading } from './signal-measures.js';
import { PREREQUISITES_HEADING, STEP_HEADING } from './signal-patterns.js';

/**
 * Where a page says what it is: its lead (the paragraphs before the first `##`) and its first section.
 * A reader weighs these more than the rest of the page: a how-to or a lesson opens by speaking to the
 * reader about what they will do, and its first section is what to have ready or the first step.
 */
export function readLeadSignals(page: PageReading, add: AddSignal): void {
  const { features } = page;
  if (features.leadSentences >= 2) {
    const secondPerson = features.leadSecondPersonSentences / features.leadSentences;
    add('leadSecondPerson', ramp(secondPerson, 0.2, 0.8), `the lead addresses the reader (${percent(secondPerson)} of its sentences)`);
  }
  const first = plainHeading(features.firstSectionHeading);
  if (first !== '' && (PREREQUISITES_HEADING.test(first) || STEP_HEADING.test(first) || isImperativeHeading(first))) {
    add('firstSectionTask', 1, `the first section is a step or what to have ready \`${first}\``);
  }
}
