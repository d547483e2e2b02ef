import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@qadocs/parser';
import type { Category } from '@qadocs/schema';
import { importAnswer, ImportError, type ImportedDocument, type ImportOptions } from '../src/authoring/import/import-answer.js';
import { removeTrackingParameters } from '../src/authoring/import/tracking-parameters.js';
import { readListedSource } from '../src/authoring/import/source-lists.js';
import { asksNearlyTheSame } from '../src/authoring/question-similarity.js';
import { loadConfig } from '../src/config/load-config.js';
import { lintSource } from '../src/lint-source.js';
import { REFERENCE_DOCUMENT } from '../../../test-support/project-paths.mjs';
import { importedWords, pasteWords } from './import-fixture-words.js';

const FIXTURES = path.join(import.meta.dirname, 'import-fixtures');
const SHAPES = readdirSync(FIXTURES).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort();
const ROOT = path.resolve('/repository/content');

interface Expected {
  args: string[];
  title: string;
  category: Category;
  tool: string | null;
  date: string;
  citationUrls: Array<string | null>;
  noSource: string[];
  movedLines: string[];
}

const config = await loadConfig({ cwd: '/repository' });

/** The fixture's command-line arguments as `importAnswer` options (`--date 2025-01-09` -> `{ date }`). */
function optionsOf(args: readonly string[]): Omit<ImportOptions, 'config'> {
  const options: Record<string, string> = {};
  for (let index = 0; index < args.length; index += 2) options[args[index]!.replace(/^--/, '')] = args[index + 1]!;
  return options as Omit<ImportOptions, 'config'>;
}

function imported(paste: string, options: Omit<ImportOptions, 'config'> = {}): ImportedDocument {
  const result = importAnswer(paste, { config, ...options });
  if (result.kind !== 'document') throw new Error(`unclear category: ${JSON.stringify(result.candidates)}`);
  return result;
}

describe('importAnswer on one fixture per assistant shape', () => {
  it('has the shapes the issue names', () => {
    expect(SHAPES).toEqual(['bare', 'chatgpt-markers', 'chatgpt-web', 'claude', 'copilot', 'gemini', 'perplexity']);
  });

  for (const shape of SHAPES) {
    describe(shape, () => {
      const paste = readFileSync(path.join(FIXTURES, `${shape}.md`), 'utf8');
      const expected = JSON.parse(readFileSync(path.join(FIXTURES, `${shape}.expected.json`), 'utf8')) as Expected;
      const document = imported(paste, optionsOf(expected.args));
      const filePath = path.join(ROOT, document.category, `${shape}.md`);

      it('lints with no error but provenance/ai-review, and citation/no-source exactly where the paste gave no source', () => {
        const { result, parsed } = lintSource(document.text, { filePath, root: ROOT, config });
        const errors = result.messages.filter((message) => message.severity === 2);
        expect(errors.filter((message) => message.ruleId !== 'provenance/ai-review' && message.ruleId !== 'citation/no-source'), document.text).toEqual([]);
        expect(errors.filter((message) => message.ruleId === 'provenance/ai-review')).toHaveLength(1);
        const noSourceLines = errors.filter((message) => message.ruleId === 'citation/no-source').map((message) => message.line);
        const definitionLines = expected.noSource.map((label) => parsed.record.citations.find((citation) => citation.label === label)!.position.start.line);
        expect(noSourceLines).toEqual(definitionLines);
        expect(result.messages.filter((message) => message.ruleId === 'structure/heading-emphasis' || message.ruleId === 'citation/malformed' || message.ruleId === 'citation/undefined')).toEqual([]);
      });

      it('gives a record with the expected title, category, citation URLs, provenance tool and ISO date', () => {
        const { record } = parseDocument(document.text, { path: filePath, root: ROOT });
        expect(record.title).toBe(expected.title);
        expect(record.category).toBe(expected.category);
        expect(record.citations.map((citation) => citation.url)).toEqual(expected.citationUrls);
        expect(record.citations.map((citation) => citation.label)).toEqual(expected.citationUrls.map((_, index) => String(index + 1)));
        for (const citation of record.citations) expect(citation.url ?? '').not.toMatch(/[?&](utm_|ref=chatgpt)/);
        expect(record.provenance).toMatchObject({ kind: 'ai-assistant', tool: expected.tool, date: expected.date });
        expect(record.frontmatter).not.toHaveProperty('reviewed_by');
        // The question stays the document's question, as the paste asked it.
        expect(record.entries[0]!.question).toBe(document.question);
        expect(document.description === null || document.description.length <= 160).toBe(true);
      });

      it('keeps every word of the answer, in order (markers and moved lines aside)', () => {
        expect(importedWords(document.text)).toEqual(pasteWords(paste, expected.movedLines));
      });

      it('leaves no provenance line, no transcript label and no emphasis-wrapped heading in the body', () => {
        const body = document.text.replace(/^---\n[\s\S]*?\n---\n/, '');
        for (const line of expected.movedLines) expect(body.split('\n')).not.toContain(line);
        expect(body).not.toMatch(/^#{1,6}\s+[*_]/m);
      });
    });
  }
});

describe('importAnswer on the reference document', () => {
  const document = imported(readFileSync(REFERENCE_DOCUMENT, 'utf8'));

  it('reads it as a Copilot explanation of 2024-10-10 with 3 citations, every reference resolving', () => {
    expect(document).toMatchObject({ category: 'explanation', categorySource: 'classifier', date: '2024-10-10', assistant: { name: 'Copilot' } });
    expect(document.title).toBe("What's the difference between Azure Compute Gallery and Azure Container Registry");
    expect(document.description).toBe('Azure Compute Gallery and Azure Container Registry serve different purposes within the Azure ecosystem.');
    const parsed = parseDocument(document.text);
    expect(parsed.record.citations.map((citation) => citation.url)).toEqual([
      'https://learn.microsoft.com/en-us/azure/virtual-machines/azure-compute-gallery',
      'https://learn.microsoft.com/en-us/azure/container-registry/container-registry-concepts',
      'https://learn.microsoft.com/en-us/azure/container-registry/container-registry-best-practices',
    ]);
    const labels = new Set(parsed.record.citations.map((citation) => citation.label));
    // Every marker of the paste is a reference: two `[^1]`, two `¹(…)`, three `[^2]`, one `³[^3]`.
    expect(parsed.references.length).toBe(8);
    expect(parsed.references.filter((reference) => !reference.defined || !labels.has(reference.label))).toEqual([]);
    // The pasted front matter's "Questions" title gives way to the question's.
    expect(document.text).not.toContain('title: Questions');
    expect(document.text).toContain('## Further reading');
  });
});

describe('importAnswer decisions', () => {
  it('gives the same document for a paste with CRLF line endings, and takes a front-matter category by its alias', () => {
    const paste = readFileSync(REFERENCE_DOCUMENT, 'utf8');
    expect(imported(paste.replace(/\n/g, '\r\n')).text).toBe(imported(paste).text);
    const aliased = imported(paste.replace('title: Questions\n', 'title: Questions\ncategory: concept\n'));
    expect(aliased).toMatchObject({ category: 'explanation', categorySource: 'front matter' });
  });

  it('makes one footnote of one URL, however its tracking parameters differ, numbered in order of first reference', () => {
    const paste = [
      'Why is the sky blue?',
      '',
      'Sunlight is scattered by the molecules of the air ([en.wikipedia.org](https://en.wikipedia.org/wiki/Rayleigh_scattering?utm_source=chatgpt.com)). Blue light is scattered more than red light ([NASA](https://science.nasa.gov/sky-blue?utm_source=chatgpt.com&gclid=abc)), as Rayleigh showed ([en.wikipedia.org](https://en.wikipedia.org/wiki/Rayleigh_scattering?fbclid=xyz)).',
    ].join('\n');
    const document = imported(paste, { category: 'explanation' });
    expect(document.citations.map((citation) => [citation.number, citation.url, citation.title])).toEqual([
      [1, 'https://en.wikipedia.org/wiki/Rayleigh_scattering', 'en.wikipedia.org'],
      [2, 'https://science.nasa.gov/sky-blue', 'NASA'],
    ]);
    expect(document.text).toContain('air[^1]. Blue light is scattered more than red light[^2], as Rayleigh showed[^1].');
  });

  it("reads ChatGPT's reference-style copy: `([Site][1])` with `[1]: https://…?utm_source=chatgpt.com \"Title\"` below", () => {
    const paste = [
      'What is a Git worktree?',
      '',
      'A worktree is a second working directory attached to the same repository ([Git][1]). Each worktree has its own HEAD and index ([Git][1]), so you can check out two branches at once ([Stack Overflow][2]).',
      '',
      '[1]: https://git-scm.com/docs/git-worktree?utm_source=chatgpt.com "Git - git-worktree Documentation"',
      '[2]: https://stackoverflow.com/questions/31935776?utm_source=chatgpt.com "What would I use git-worktree for?"',
      '',
    ].join('\n');
    const document = imported(paste, { category: 'explanation', date: '2025-01-01' });
    expect(document.assistant?.name).toBe('ChatGPT');
    expect(document.text).toContain('attached to the same repository[^1]. Each worktree has its own HEAD and index[^1], so you can check out two branches at once[^2].');
    expect(document.text).toContain('[^1]: [Git - git-worktree Documentation](https://git-scm.com/docs/git-worktree)\n[^2]: [What would I use git-worktree for?](https://stackoverflow.com/questions/31935776)');
    expect(document.text).not.toContain('[1]:');
  });

  it("keeps a Perplexity marker whose entry the list lacks, as a definition naming it; Copilot's `[1](https://…)` becomes a footnote", () => {
    const paste = 'What is DNS?\n\nDNS translates domain names into IP addresses[1][4]. Resolvers cache answers [2](https://www.cloudflare.com/learning/dns/what-is-dns/).\n\nCitations:\n[1] https://developer.mozilla.org/en-US/docs/Glossary/DNS\n';
    const document = imported(paste, { category: 'explanation', date: '2025-01-01' });
    expect(document.text).toContain('IP addresses[^1][^2]. Resolvers cache answers[^3].');
    expect(document.citations.map((citation) => citation.url)).toEqual(['https://developer.mozilla.org/en-US/docs/Glossary/DNS', null, 'https://www.cloudflare.com/learning/dns/what-is-dns/']);
    expect(document.text).toContain('[^2]: Source not given in the paste for the marker `[4]`');
  });

  it('names a marker without a source in a definition without URL, never dropping or inventing it', () => {
    const paste = 'Is Pluto a planet?\n\nPluto was reclassified as a dwarf planet in 2006 【3†source】, after the discovery of Eris[^7].\n';
    const document = imported(paste, { category: 'explanation', assistant: 'ChatGPT', date: '2025-01-01' });
    expect(document.text).toContain('2006[^1], after the discovery of Eris[^2].');
    expect(document.text).toContain('[^1]: Source not given in the paste for the marker `【3†source】`');
    expect(document.text).toContain('[^2]: Source not given in the paste for the marker `[^7]`');
    expect(parseDocument(document.text).record.citations.map((citation) => citation.url)).toEqual([null, null]);
  });

  it('stops with the two likeliest categories and their evidence when the classifier is not sure enough', () => {
    const result = importAnswer('What about it?\n\nIt depends.\n', { config });
    expect(result.kind).toBe('category-unclear');
    if (result.kind !== 'category-unclear') return;
    expect(result.candidates).toHaveLength(2);
    expect(result.threshold).toBe(0.75);
    expect(result.candidates[0]!.confidence).toBeGreaterThanOrEqual(result.candidates[1]!.confidence);
  });

  it('drops a pasted reviewed_by and keeps the other front-matter keys', () => {
    const paste = '---\ntitle: Questions\nreviewed_by: Someone\ntags: [git]\n---\nWhat is a commit?\n\nA commit is a snapshot of the files of a repository, with a message and its parents.\n';
    const document = imported(paste, { category: 'explanation', assistant: 'copilot', date: '2024-02-29' });
    const { record } = parseDocument(document.text);
    expect(record.frontmatter).not.toHaveProperty('reviewed_by');
    expect(record.frontmatter.tags).toEqual(['git']);
    expect(record.provenance).toMatchObject({ tool: 'Copilot', date: '2024-02-29' });
    expect(document.notes.join('\n')).toContain('reviewed_by');
  });

  it('takes the question from --question when the paste holds only the answer', () => {
    const document = imported('A tag names one commit for good, usually a release.\n', { question: 'what is a git tag', category: 'explanation', date: '2025-01-01', assistant: 'Claude' });
    expect(parseDocument(document.text).record.entries[0]!.question).toBe('what is a git tag?');
    expect(() => importAnswer('A tag names one commit for good, usually a release.\n', { config })).toThrow(/Unexpected paste with no question before its answer/);
  });

  it('refuses an assistant it does not know and a date that is not YYYY-MM-DD, quoting them', () => {
    expect(() => importAnswer('Why?\n\nBecause.\n', { config, assistant: 'Clippy' })).toThrow(ImportError);
    expect(() => importAnswer('Why?\n\nBecause.\n', { config, assistant: 'Clippy' })).toThrow(/Unexpected assistant "Clippy", expected one of "Copilot"/);
    expect(() => importAnswer('Why?\n\nBecause.\n', { config, date: '10/10/2024' })).toThrow(/Unexpected date "10\/10\/2024", expected a calendar date as YYYY-MM-DD/);
    expect(() => importAnswer('Why?\n\nBecause.\n', { config, date: '2024-02-30' })).toThrow(/Unexpected date "2024-02-30"/);
  });

  it('keeps an ambiguous pasted date as written and says how to give it', () => {
    const paste = 'What is a branch?\n\nA branch is a movable pointer to a commit, which moves forward as you commit on it.\n\nSource: Conversation with Copilot, 03/04/2024\n';
    const document = imported(paste, { category: 'explanation' });
    expect(document.date).toBeNull();
    expect(document.text).toContain('source: Copilot, 03/04/2024');
    expect(document.notes.join('\n')).toContain('"03/04/2024" can be read two ways');
  });
});

describe('removeTrackingParameters', () => {
  it.each([
    ['https://learn.microsoft.com/a?utm_source=chatgpt.com', 'https://learn.microsoft.com/a'],
    ['https://example.com/a?x=1&utm_medium=referral&utm_campaign=z#part', 'https://example.com/a?x=1#part'],
    ['https://example.com/a?ref=chatgpt.com', 'https://example.com/a'],
    ['https://example.com/a?fbclid=1&gclid=2&msclkid=3', 'https://example.com/a'],
    ['https://github.com/o/r/blob/main/a.md?ref=main', 'https://github.com/o/r/blob/main/a.md?ref=main'],
    ['https://learn.microsoft.com/a?tabs=azure-portal', 'https://learn.microsoft.com/a?tabs=azure-portal'],
    ['not a url', 'not a url'],
  ])('%s -> %s', (input, output) => {
    expect(removeTrackingParameters(input)).toBe(output);
  });
});

describe('readListedSource', () => {
  it.each([
    ['[1] https://developer.mozilla.org/en-US/docs/Glossary/TCP', { number: 1, url: 'https://developer.mozilla.org/en-US/docs/Glossary/TCP', title: null }],
    ['[2]: https://example.com/a "Title"', { number: 2, url: 'https://example.com/a', title: 'Title' }],
    ['- [Git - git-rebase Documentation](https://git-scm.com/docs/git-rebase)', { number: null, url: 'https://git-scm.com/docs/git-rebase', title: 'Git - git-rebase Documentation' }],
    ['1. What is HTTPS? - https://www.cloudflare.com/learning/ssl/what-is-https/', { number: 1, url: 'https://www.cloudflare.com/learning/ssl/what-is-https/', title: 'What is HTTPS?' }],
    ['3. microsoft.com', { number: 3, url: null, title: 'microsoft.com' }],
  ])('%s', (line, entry) => {
    expect(readListedSource(line)).toEqual(entry);
  });
});

describe('asksNearlyTheSame', () => {
  it('matches the same question in other words of no weight, and not a different one', () => {
    expect(asksNearlyTheSame("What's the difference between Azure Compute Gallery and Azure Container Registry?", 'What is the difference between Azure Compute Gallery and Azure Container Registry?')).toBe(true);
    expect(asksNearlyTheSame('How do I enable soft delete for blobs?', 'How can I enable soft delete for blobs')).toBe(true);
    expect(asksNearlyTheSame('How do I enable soft delete for blobs?', 'How do I disable soft delete for containers?')).toBe(false);
  });
});
