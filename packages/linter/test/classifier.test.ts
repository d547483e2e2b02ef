import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@qadocs/parser';
import { REFERENCE_DOCUMENT } from '../../../test-support/project-paths.mjs';
import { createLintDocument } from '../src/lint-document.js';
import { CATEGORIES } from '@qadocs/schema';
import {
  calibrateConfidence,
  CONFIDENCE_CALIBRATION,
  interpolateCalibration,
  classificationReport,
  classifyDocument,
  isImperativeSentence,
  readDocumentSignals,
  SIGNAL_CATEGORIES,
  SIGNAL_FLOORS,
  SIGNAL_IDS,
  SIGNAL_WEIGHTS,
} from '../src/classifier/index.js';

const parse = (text: string, path = 'page.md') => parseDocument(text, { path, root: '.' });

const HOW_TO = `---
title: How do I add a footnote to an answer?
description: Cite a source for one claim.
---

How do I add a footnote to an answer?

1. Open the Markdown file of the answer.
2. Type a reference such as \`[^1]\` right after the claim.
3. Add the definition \`[^1]: [Title](https://example.com)\` after the answer.
4. Run \`qadocs lint\` and fix what it reports.
`;

const TUTORIAL = `---
title: Your first qadocs site
description: A lesson from an empty folder to a published page.
---

# Tutorial: your first qadocs site

In this tutorial, you'll build a small Q&A site and publish it. By the end, you will have three
pages in \`dist/html\`. Let's start with an empty folder; we'll add one page at a time.

## Prerequisites

- Node.js 20 or later.

## Create the project

1. Create an empty folder and open a terminal in it.
2. Run the init command:

   \`\`\`sh
   npx qadocs init
   \`\`\`

3. Write your first page in \`content/tutorial/first.md\`.

## Publish it

Now that you have a page, run the build:

\`\`\`sh
npx qadocs build
\`\`\`

Congratulations, you've published your first page! In the next step, you add a second one.
`;

const REFERENCE = `---
title: Configuration reference
description: Every key of qadocs.config.json.
---

# Configuration reference

## Options

| Option | Type | Default | Description |
| --- | --- | --- | --- |
| \`contentRoot\` | string | \`content\` | Folder of the pages. |
| \`extends\` | string | \`recommended\` | Preset to start from. |
| \`classifier.threshold\` | number | \`0.75\` | Minimum confidence of \`diataxis/content-fit\`. |
| \`citations.allowlist\` | string[] | \`[]\` | Allowed citation domains. |

## \`lintFile(path, options)\`

\`\`\`ts
function lintFile(path: string, options?: LintOptions): Promise<LintResult>
\`\`\`

## Flags

- \`--fix\`: apply the fixes.
- \`--format\`: the report format, \`stylish\` by default.
- \`--max-warnings\`: the most warnings allowed before exit code 1.
`;

const EXPLANATION = `---
title: Why does qadocs separate the four categories?
description: The reasoning behind Diátaxis.
---

Why does qadocs separate tutorials, how-to guides, reference and explanation?

Readers come to documentation with different needs. A newcomer wants to learn, so a tutorial guides
them; a practitioner wants to get something done, so a how-to guide gives the steps. However, the
same practitioner also needs facts to look up, which is why reference pages exist, and a deeper
understanding of the design, because decisions make sense only in context.

When a page mixes these purposes, it serves none of them well. The trade-off is that authors must
decide what each page is for, rather than writing whatever comes to mind. In practice this decision
usually makes pages shorter and easier to maintain, although it can feel restrictive at first.
`;

describe('classifyDocument', () => {
  it('reads a "How do I…?" question answered with ordered steps as a how-to guide', () => {
    const result = classifyDocument(parse(HOW_TO));
    expect(result.predicted).toBe('how-to');
    expect(result.evidence).toContain('question form `How do I add a footnote to an answer?`');
    expect(result.evidence.some((line) => /ordered (?:steps|items)/.test(line))).toBe(true);
  });

  it('reads a lesson with a stated outcome, guide voice and steps as a tutorial', () => {
    const result = classifyDocument(parse(TUTORIAL));
    expect(result.predicted).toBe('tutorial');
    expect(result.evidence.some((line) => line.includes('in this tutorial'))).toBe(true);
  });

  it('reads option tables, flags and signatures as reference', () => {
    const result = classifyDocument(parse(REFERENCE));
    expect(result.predicted).toBe('reference');
    expect(result.evidence.some((line) => /table/.test(line))).toBe(true);
  });

  it('reads why/because discussion in prose as an explanation', () => {
    const result = classifyDocument(parse(EXPLANATION));
    expect(result.predicted).toBe('explanation');
    expect(result.evidence.some((line) => line.startsWith('why/because discussion'))).toBe(true);
  });

  it('reads the reference document (a comparison question) as an explanation', () => {
    const seed = readFileSync(REFERENCE_DOCUMENT, 'utf8');
    const result = classifyDocument(parse(seed));
    expect(result.predicted).toBe('explanation');
    expect(result.evidence.some((line) => line.includes("What's the difference between"))).toBe(true);
  });

  it('ignores category labels in front matter, the file name and the folder', () => {
    const body = HOW_TO.replace('---\n\n', '---\n\n');
    const labelled = body.replace('description: Cite a source for one claim.', 'description: Cite a source for one claim.\ncategory: reference\nms.topic: reference\ndiataxis_content_type: reference\ncontent_type: reference\ntype: reference');
    const plain = classifyDocument(parse(body, 'page.md'));
    const disguised = classifyDocument(parse(labelled, 'reference/api-reference.md'));
    expect(disguised).toEqual(plain);
  });

  it('is deterministic and gives probabilities that add up to 1', () => {
    const first = classifyDocument(parse(REFERENCE));
    const second = classifyDocument(parse(REFERENCE));
    expect(second).toEqual(first);
    const total = Object.values(first.scores).reduce((sum, value) => sum + value, 0);
    expect(total).toBeCloseTo(1, 2);
    expect(first.confidence).toBeGreaterThan(0);
    expect(first.confidence).toBeLessThanOrEqual(1);
    // The confidence is the top probability through the fitted calibration (exactly, to 3 decimals).
    expect(first.confidence).toBe(Math.round(calibrateConfidence(first.scores.reference) * 1000) / 1000);
  });

  it('predicts null with no evidence and a null confidence when there is nothing to read', () => {
    const result = classifyDocument(parse('---\ntitle: Notes\n---\n\nTBD.\n'));
    expect(result.predicted).toBeNull();
    expect(result.evidence).toEqual([]);
    // No prediction, nothing to be confident about; the model's probabilities are still given.
    expect(result.confidence).toBeNull();
    expect(Object.values(result.scores).reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 2);
    expect(classificationReport('notes.md', parse('---\ntitle: Notes\n---\n\nTBD.\n'))).toEqual({ filePath: 'notes.md', declared: null, predicted: null, confidence: null, evidence: [] });
  });

  it('gives the same answer for a LintDocument as for the ParsedDocument it wraps', () => {
    const parsed = parse(TUTORIAL);
    expect(classifyDocument(createLintDocument(parsed))).toEqual(classifyDocument(parsed));
  });
});

const TUTORIAL_QUESTION = `---
title: Publish your first Q&A page
description: From one Markdown answer to a page in a browser.
---

Can you teach me to publish a Q&A answer as a web page?

In this tutorial, you'll write one answer, build the site and open it. By the end, you will have
\`dist/html/index.html\` on your machine.

1. Create a folder \`content/how-to\` and open a terminal in the project.
2. Write the answer in \`content/how-to/first.md\`.
3. Run the build:

   \`\`\`sh
   npx qadocs build
   \`\`\`

4. Open \`dist/html/index.html\` in your browser.

Well done: you have published your first page. Next, add a citation to it.
`;

const SYNTAX_QUESTION = `---
title: What is the exact syntax of a GFM footnote?
description: The parts of a footnote reference and definition.
---

What is the exact syntax of a GFM footnote?

| Part | Syntax | Example |
| --- | --- | --- |
| Reference | \`[^label]\` after the claim | \`claim[^1]\` |
| Definition | \`[^label]:\` at the start of a line | \`[^1]: [Title](https://example.com)\` |
| Continuation | indented by four spaces | \`    more text\` |
`;

describe('question forms of Q&A pages', () => {
  it('reads "Can you teach me to …?" with a guided path as a tutorial', () => {
    const result = classifyDocument(parse(TUTORIAL_QUESTION));
    expect(result.predicted).toBe('tutorial');
    expect(result.evidence).toContain('question form `Can you teach me to publish a Q&A answer as a web page?`');
  });

  it('reads "What is the syntax of …?" as a lookup, not as a topic to understand', () => {
    const result = classifyDocument(parse(SYNTAX_QUESTION));
    expect(result.predicted).toBe('reference');
    expect(result.evidence).toContain('lookup question `What is the exact syntax of a GFM footnote?`');
    expect(readDocumentSignals(parse(SYNTAX_QUESTION)).map((signal) => signal.id)).not.toContain('conceptQuestion');
  });
});

describe('what the signals read', () => {
  it('leaves out what a "Next steps" section says about other pages', () => {
    const withLinks = `${HOW_TO}\n## Next steps\n\n- Learn about footnotes in [Why cite](why.md).\n- Read the conceptual overview of citations.\n\n| Page | Topic |\n| --- | --- |\n| [Why](why.md) | reasons |\n`;
    expect(readDocumentSignals(parse(withLinks))).toEqual(readDocumentSignals(parse(HOW_TO)));
  });

  it('gives as evidence only signals that speak more for the prediction than for the runner-up', () => {
    for (const text of [HOW_TO, TUTORIAL, REFERENCE, EXPLANATION, TUTORIAL_QUESTION, SYNTAX_QUESTION]) {
      const parsed = parse(text);
      const { predicted, scores, evidence } = classifyDocument(parsed);
      expect(predicted).not.toBeNull();
      const runnerUp = CATEGORIES.filter((category) => category !== predicted).sort((a, b) => scores[b] - scores[a])[0]!;
      const byEvidence = new Map(readDocumentSignals(parsed).map((signal) => [signal.evidence, signal]));
      for (const line of evidence) {
        const weights = SIGNAL_WEIGHTS[byEvidence.get(line)!.id];
        expect(weights[predicted!] ?? 0, line).toBeGreaterThan(weights[runnerUp] ?? 0);
      }
    }
  });
});

describe('signal weights', () => {
  it('are never negative, speak only for the categories each signal is about, and keep their floors', () => {
    for (const id of SIGNAL_IDS) {
      for (const category of CATEGORIES) {
        const weight = SIGNAL_WEIGHTS[id][category] ?? 0;
        expect(weight, `${id} for ${category}`).toBeGreaterThanOrEqual(SIGNAL_FLOORS[id]?.[category] ?? 0);
        if (!SIGNAL_CATEGORIES[id].includes(category)) expect(weight, `${id} for ${category}`).toBe(0);
      }
    }
  });
});

describe('confidence calibration', () => {
  it('is fitted, monotone in both columns and within 0..1', () => {
    expect(CONFIDENCE_CALIBRATION.length).toBeGreaterThan(2);
    for (let index = 1; index < CONFIDENCE_CALIBRATION.length; index++) {
      expect(CONFIDENCE_CALIBRATION[index]![0]).toBeGreaterThanOrEqual(CONFIDENCE_CALIBRATION[index - 1]![0]);
      expect(CONFIDENCE_CALIBRATION[index]![1]).toBeGreaterThanOrEqual(CONFIDENCE_CALIBRATION[index - 1]![1]);
    }
    for (const [probability, confidence] of CONFIDENCE_CALIBRATION) {
      expect(probability).toBeGreaterThanOrEqual(0.25);
      expect(probability).toBeLessThanOrEqual(1);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });

  it('interpolates linearly between points and stays flat beyond the ends', () => {
    const points = [[0.4, 0.2], [0.6, 0.6], [0.9, 0.9]] as const;
    expect(interpolateCalibration(points, 0.3)).toBe(0.2);
    expect(interpolateCalibration(points, 0.5)).toBeCloseTo(0.4, 10);
    expect(interpolateCalibration(points, 0.75)).toBeCloseTo(0.75, 10);
    expect(interpolateCalibration(points, 0.99)).toBe(0.9);
    expect(interpolateCalibration([], 0.7)).toBe(0.7);
  });

  it('never reorders two predictions: a higher top probability never gets a lower confidence', () => {
    let previous = -1;
    for (let probability = 0.25; probability <= 1; probability += 0.005) {
      const confidence = calibrateConfidence(probability);
      expect(confidence).toBeGreaterThanOrEqual(previous);
      previous = confidence;
    }
  });
});

describe('classificationReport', () => {
  it('puts the declared category beside the prediction', () => {
    const report = classificationReport('content/reference/config.md', parse(EXPLANATION.replace('description:', 'category: reference\ndescription:')));
    expect(report).toEqual({
      filePath: 'content/reference/config.md',
      declared: 'reference',
      predicted: 'explanation',
      confidence: expect.any(Number),
      evidence: expect.arrayContaining([expect.stringMatching(/^why\/because discussion/)]),
    });
  });

  it('reports a null declared category when the front matter has none or an alias', () => {
    expect(classificationReport('a.md', parse(HOW_TO)).declared).toBeNull();
    expect(classificationReport('a.md', parse(HOW_TO.replace('description:', 'category: howto\ndescription:'))).declared).toBeNull();
  });
});

describe('isImperativeSentence', () => {
  it.each([
    ['Select **Save**.', true],
    ['Run `qadocs lint` on the folder.', true],
    ['Then, open the settings file.', true],
    ['To enable logging, set `debug` to true.', true],
    ["Don't edit the generated files.", true],
    ['The default value is `stylish`.', false],
    ['You can run the linter in CI.', false],
    ['Run time is measured per file.', false],
  ])('%s -> %s', (sentence, expected) => {
    expect(isImperativeSentence(sentence)).toBe(expected);
  });
});
