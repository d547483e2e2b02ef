import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '@qadocs/schema';
import { parseDocument } from '@qadocs/parser';
import { lintSource } from '../src/lint-source.js';
import { loadConfig } from '../src/config/load-config.js';
import { normalizeQuestion, scaffoldDocument, slugOfQuestion, titleOfQuestion } from '../src/authoring/scaffold-document.js';

const QUESTIONS = {
  tutorial: 'how do I publish my first cited answer',
  'how-to': 'How do I rotate the signing key?',
  reference: 'What options does the exporter take?',
  explanation: 'Why does qadocs require a human review of AI answers?',
} as const;

describe('scaffoldDocument', () => {
  for (const category of CATEGORIES) {
    it(`gives the ${category} scaffold that only content/placeholder reports, under the default config`, async () => {
      const root = path.resolve('/repository/content');
      const filePath = path.join(root, category, `${slugOfQuestion(QUESTIONS[category])}.md`);
      const text = scaffoldDocument(category, QUESTIONS[category]);
      const config = await loadConfig({ cwd: '/repository' });
      const { result, parsed } = lintSource(new TextEncoder().encode(text), { filePath, root, config });
      const others = result.messages.filter((message) => message.ruleId !== 'content/placeholder');
      expect(others, text).toEqual([]);
      expect(result.messages.length).toBeGreaterThan(1);
      expect(parsed.record.category).toBe(category);
      expect(parsed.record.entries.map((entry) => entry.question)).toEqual([normalizeQuestion(QUESTIONS[category])]);
      expect(parsed.record.title).toBe(titleOfQuestion(QUESTIONS[category]));
    });
  }

  it('keeps front matter valid YAML whatever the question holds', () => {
    const text = scaffoldDocument('how-to', 'What does "key: value" mean in #YAML --- front matter?');
    const { record, diagnostics } = parseDocument(new TextEncoder().encode(text), { path: '/r/a.md', root: '/r' });
    expect(diagnostics).toEqual([]);
    expect(record.title).toBe('What does "key: value" mean in #YAML --- front matter');
  });
});

describe('questions, titles and slugs', () => {
  it('ends a question with a question mark unless it has one of any script', () => {
    expect(normalizeQuestion('  how do I  add a footnote ')).toBe('how do I add a footnote?');
    expect(normalizeQuestion('Τι είναι το Markdown\u037e')).toBe('Τι είναι το Markdown\u037e');
    expect(normalizeQuestion('ما هو ماركداون؟')).toBe('ما هو ماركداون؟');
  });

  it('makes a sentence-case title without the question mark', () => {
    expect(titleOfQuestion('how do I add a footnote?')).toBe('How do I add a footnote');
  });

  it('makes a file name of lower-case words, accents folded, at most 80 characters', () => {
    expect(slugOfQuestion('What’s the difference between Azure Compute Gallery and ACR?')).toBe('what-s-the-difference-between-azure-compute-gallery-and-acr');
    expect(slugOfQuestion('Où est la configuration ?')).toBe('ou-est-la-configuration');
    expect(slugOfQuestion('word '.repeat(40)).length).toBeLessThanOrEqual(80);
    expect(slugOfQuestion('???')).toBe('question');
  });
});
