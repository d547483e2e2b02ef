import { describe, expect, it } from 'vitest';
import { parseDocument } from '@qadocs/parser';
import { extractDocumentFeatures, readContentSignals, type SignalId } from '../src/classifier/index.js';

/** The value of one signal of a Markdown page (0 when the signal is absent). */
function signal(markdown: string, id: SignalId): number {
  const parsed = parseDocument(markdown, { path: 'page.md', root: '.' });
  const features = extractDocumentFeatures(parsed.tree, parsed.frontMatter.data);
  return readContentSignals(features).find((candidate) => candidate.id === id)?.value ?? 0;
}

function features(markdown: string) {
  const parsed = parseDocument(markdown, { path: 'page.md', root: '.' });
  return extractDocumentFeatures(parsed.tree, parsed.frontMatter.data);
}

describe('introducedSteps: a sentence ending in a colon, then the command or the steps it announces', () => {
  const page = (body: string) => `# Page\n\n${body}\n`;

  it('counts a colon paragraph followed by a code block or an ordered list, anywhere in the page', () => {
    const text = page('Run the following command:\n\n```sh\nnpm install\n```\n\nTo change the mode:\n\n1. Open the settings.\n2. Pick a mode.\n\n## Later\n\n- Inside a list item:\n\n  ```sh\n  npm test\n  ```');
    expect(features(text).introducedSteps).toBe(3);
    // Five introductions make the signal full strength; three make 3/5 of it.
    expect(signal(text, 'introducedSteps')).toBeCloseTo(3 / 5, 5);
  });

  it('does not count a colon before a bullet list, a table or a paragraph, nor one that does not end the paragraph', () => {
    const text = page('The options are:\n\n- fast\n- slow\n\nThe table lists them:\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nNote: read this first.\n\n```sh\nnpm install\n```\n\nThen:\n\nplain prose.');
    expect(features(text).introducedSteps).toBe(0);
    expect(signal(text, 'introducedSteps')).toBe(0);
  });

  it('leaves out what a "Next steps" section announces', () => {
    expect(features(page('## Next steps\n\nRead these next:\n\n1. [Why](why.md)\n2. [How](how.md)')).introducedSteps).toBe(0);
  });
});

describe('leadSecondPerson: the lead (before the first ##) speaks to the reader', () => {
  it('is the share of the lead paragraph sentences with "you"/"your", from 20 % (0) to 80 % (1)', () => {
    const allYou = '# Page\n\nYou connect the agent to your cluster. Then you check that it reports.\n\n## Details\n\nThe agent is a service. It runs on each node.\n';
    expect(signal(allYou, 'leadSecondPerson')).toBe(1);
    const half = '# Page\n\nYou connect the agent. The agent reports every minute.\n';
    expect(signal(half, 'leadSecondPerson')).toBeCloseTo((0.5 - 0.2) / 0.6, 5);
  });

  it('reads only the lead: sentences after the first ## and list items in the lead do not count', () => {
    const text = '# Page\n\nThe agent is a service. It runs on each node.\n\n- You install it once.\n- You update it later.\n\n## Use\n\nYou connect it to your cluster. You check your logs.\n';
    expect(features(text).leadSentences).toBe(2);
    expect(features(text).leadSecondPersonSentences).toBe(0);
    expect(signal(text, 'leadSecondPerson')).toBe(0);
  });

  it('needs at least two lead sentences to judge', () => {
    expect(signal('# Page\n\nYou connect the agent.\n\n## Next\n\nText here.\n', 'leadSecondPerson')).toBe(0);
  });
});

describe('firstSectionTask: the first section is what to have ready or the first step', () => {
  it('fires on a first section of prerequisites, a numbered step or an action', () => {
    expect(signal('# Page\n\nIntro.\n\n## Prerequisites\n\n- An account.\n', 'firstSectionTask')).toBe(1);
    expect(signal('# Page\n\nIntro.\n\n## Step 1: create the project\n\nText.\n', 'firstSectionTask')).toBe(1);
    expect(signal('# Page\n\nIntro.\n\n### Install the agent\n\nText.\n', 'firstSectionTask')).toBe(1);
    expect(signal('# Page\n\n## Before you begin {#before}\n\nText.\n', 'firstSectionTask')).toBe(1);
  });

  it('reads only the first section: an overview first, then prerequisites, does not fire', () => {
    expect(signal('# Page\n\nIntro.\n\n## Overview\n\nText.\n\n## Prerequisites\n\n- An account.\n', 'firstSectionTask')).toBe(0);
    expect(features('# Page\n\nIntro.\n\n## Overview\n\nText.\n\n## Prerequisites\n\nText.\n').firstSectionHeading).toBe('Overview');
  });

  it('does not fire on a page without sections', () => {
    expect(signal('# Install the agent\n\nRun the installer and follow the prompts.\n', 'firstSectionTask')).toBe(0);
  });
});
