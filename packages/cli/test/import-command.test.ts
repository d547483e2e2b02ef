import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EslintResult } from './support/eslint-json-shape.js';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { makeTempFolder, REFERENCE_DOCUMENT } from './support/temp-folder.js';

/** The import fixtures live beside the importer's own tests, one paste per assistant shape. */
const FIXTURES = path.resolve(import.meta.dirname, '../../linter/test/import-fixtures');
const SHAPES = readdirSync(FIXTURES).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort();
const base = makeTempFolder('import');

interface Expected {
  args: string[];
  title: string;
  category: string;
  tool: string | null;
  date: string;
  citationUrls: Array<string | null>;
  noSource: string[];
}

interface Record {
  title: string;
  category: string;
  citations: Array<{ label: string; url: string | null; referencedBy: unknown[] }>;
  provenance: { kind: string; tool: string | null; date: string | null } | null;
  frontmatter: { [key: string]: unknown };
}

function project(name: string): string {
  const dir = path.join(base, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The one Markdown file an import wrote under `content/`. */
function writtenFile(cwd: string): string {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (entry.name.endsWith('.md')) found.push(path.join(dir, entry.name));
    }
  };
  walk(path.join(cwd, 'content'));
  expect(found).toHaveLength(1);
  return found[0]!;
}

async function lintAndParse(file: string, cwd: string): Promise<{ lint: EslintResult; record: Record }> {
  const lint = await runQadocs(['lint', file, '--format', 'json'], { cwd });
  const parse = await runQadocs(['parse', file], { cwd });
  expect(parse.code, describeRun(parse)).toBe(0);
  return { lint: (JSON.parse(lint.stdout) as EslintResult[])[0]!, record: (JSON.parse(parse.stdout) as Record[])[0]! };
}

describe('qadocs import, one fixture per assistant shape', () => {
  for (const shape of SHAPES) {
    it(`${shape}: writes a document that lints with no error but provenance/ai-review (and citation/no-source where the paste gave none), with the expected record`, async () => {
      const expected = JSON.parse(readFileSync(path.join(FIXTURES, `${shape}.expected.json`), 'utf8')) as Expected;
      const cwd = project(shape);
      const run = await runQadocs(['import', path.join(FIXTURES, `${shape}.md`), ...expected.args], { cwd });
      // Exit code as lint's: the AI answer has no human review yet, which is an error.
      expect(run.code, describeRun(run)).toBe(1);
      const file = writtenFile(cwd);
      expect(path.relative(cwd, path.dirname(file))).toBe(path.join('content', expected.category));
      expect(run.stderr).toContain(`Wrote ${path.relative(cwd, file)}`);
      expect(run.stdout).toContain('provenance/ai-review');

      const { lint, record } = await lintAndParse(file, cwd);
      const errors = lint.messages.filter((message) => message.severity === 2);
      expect(errors.filter((message) => message.ruleId !== 'provenance/ai-review' && message.ruleId !== 'citation/no-source'), readFileSync(file, 'utf8')).toEqual([]);
      expect(errors.filter((message) => message.ruleId === 'citation/no-source')).toHaveLength(expected.noSource.length);
      expect(record.title).toBe(expected.title);
      expect(record.category).toBe(expected.category);
      expect(record.citations.map((citation) => citation.url)).toEqual(expected.citationUrls);
      expect(record.provenance).toMatchObject({ kind: 'ai-assistant', tool: expected.tool, date: expected.date });
      expect(record.frontmatter).not.toHaveProperty('reviewed_by');
    });
  }
});

describe('qadocs import of the reference document', () => {
  it('writes an explanation from Copilot of 2024-10-10 with 3 citations, every footnote reference resolving', async () => {
    const cwd = project('reference');
    const run = await runQadocs(['import', REFERENCE_DOCUMENT], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    const file = writtenFile(cwd);
    expect(path.relative(cwd, file)).toBe(path.join('content', 'explanation', 'what-s-the-difference-between-azure-compute-gallery-and-azure-container-registry.md'));
    expect(run.stderr).toContain('explanation by the classifier');
    const { lint, record } = await lintAndParse(file, cwd);
    expect(record.category).toBe('explanation');
    expect(record.citations).toHaveLength(3);
    expect(record.citations.every((citation) => citation.url !== null && citation.referencedBy.length > 0)).toBe(true);
    expect(record.provenance).toMatchObject({ tool: 'Copilot', date: '2024-10-10' });
    expect(lint.messages.filter((message) => ['citation/undefined', 'citation/unused', 'citation/malformed', 'citation/no-source'].includes(message.ruleId!))).toEqual([]);
    expect(lint.messages.filter((message) => message.severity === 2).map((message) => message.ruleId)).toEqual(['provenance/ai-review']);
  });
});

describe('qadocs import: input and output', () => {
  const paste = readFileSync(REFERENCE_DOCUMENT, 'utf8');

  it('reads standard input for - and for no file; --stdout prints the document and writes nothing', async () => {
    const cwd = project('stdout');
    for (const args of [['import', '-', '--stdout'], ['import', '--stdout']]) {
      const run = await runQadocs(args, { cwd, input: paste });
      expect(run.code, describeRun(run)).toBe(0);
      expect(run.stdout).toMatch(/^---\ntitle: What's the difference between Azure Compute Gallery and Azure Container Registry\n/);
      expect(run.stdout).toContain('source: Copilot, 2024-10-10');
      expect(run.stdout).not.toContain('Source: Conversation with Copilot');
    }
    expect(existsSync(path.join(cwd, 'content'))).toBe(false);
  });

  it('never overwrites a document (exit 2, file unchanged) unless --force', async () => {
    const cwd = project('overwrite');
    const first = await runQadocs(['import', REFERENCE_DOCUMENT], { cwd });
    expect(first.code, describeRun(first)).toBe(1);
    const file = writtenFile(cwd);
    writeFileSync(file, 'the author\'s own words\n');
    const again = await runQadocs(['import', REFERENCE_DOCUMENT], { cwd });
    expect(again.code, describeRun(again)).toBe(2);
    expect(again.stderr).toContain(`Unexpected existing file "${path.relative(cwd, file)}"`);
    expect(readFileSync(file, 'utf8')).toBe('the author\'s own words\n');
    const forced = await runQadocs(['import', REFERENCE_DOCUMENT, '--force'], { cwd });
    expect(forced.code, describeRun(forced)).toBe(1);
    expect(readFileSync(file, 'utf8')).toContain('source: Copilot, 2024-10-10');
  });

  it('says which existing document asks nearly the same question before writing', async () => {
    const cwd = project('similar');
    mkdirSync(path.join(cwd, 'content', 'explanation'), { recursive: true });
    const existing = path.join(cwd, 'content', 'explanation', 'gallery-or-registry.md');
    writeFileSync(existing, '---\ntitle: Gallery or registry\ndescription: Which Azure service holds which images.\ncategory: explanation\n---\n\nWhat is the difference between Azure Compute Gallery and Azure Container Registry?\n\nOne holds virtual machine images, the other container images.\n');
    const run = await runQadocs(['import', REFERENCE_DOCUMENT], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stderr).toContain('note: content/explanation/gallery-or-registry.md already asks nearly the same question: "What is the difference between Azure Compute Gallery and Azure Container Registry?"');
    expect(run.stderr.indexOf('already asks')).toBeLessThan(run.stderr.indexOf('Wrote '));
  });

  it('writes into a configured folder name for the category under the configured content root', async () => {
    const cwd = project('configured');
    writeFileSync(path.join(cwd, 'qadocs.config.json'), JSON.stringify({ contentRoot: 'docs', categories: { folders: { concepts: 'explanation' } } }));
    const run = await runQadocs(['import', REFERENCE_DOCUMENT, '--category', 'concept'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(existsSync(path.join(cwd, 'docs', 'concepts', 'what-s-the-difference-between-azure-compute-gallery-and-azure-container-registry.md'))).toBe(true);
  });
});

describe('qadocs import: usage errors (exit 2, the value quoted)', () => {
  it.each([
    [['--category', 'chapter'], 'Unexpected --category "chapter", expected one of "tutorial", "how-to", "reference", "explanation"'],
    [['--date', '10/10/2024'], 'Unexpected --date "10/10/2024", expected a calendar date as YYYY-MM-DD'],
    [['--assistant', 'Clippy'], 'Unexpected --assistant "Clippy", expected one of "Copilot"'],
  ])('%j', async (flags, message) => {
    const cwd = project(`bad-${flags[0]!.slice(2)}`);
    const run = await runQadocs(['import', REFERENCE_DOCUMENT, ...flags], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain(message);
    expect(existsSync(path.join(cwd, 'content'))).toBe(false);
  });

  it('refuses a missing file and a paste without a question', async () => {
    const cwd = project('missing');
    const missing = await runQadocs(['import', 'nowhere.md'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Unexpected file "nowhere.md": no such file');
    const noQuestion = await runQadocs(['import', '-'], { cwd, input: 'Just an answer, with no question above it.\n' });
    expect(noQuestion.code).toBe(2);
    expect(noQuestion.stderr).toContain('expected the question as its first line (ending with "?"), or --question');
  });

  it('stops on an unclear category with the two candidates, their evidence and the flag to choose', async () => {
    const cwd = project('unclear');
    const run = await runQadocs(['import', '-'], { cwd, input: 'What about it?\n\nIt depends.\n' });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toMatch(/Unexpected unclear category for "What about it\?": the classifier is \d+ % sure, below the threshold of 75 %/);
    const candidates = [...run.stderr.matchAll(/^ {2}(tutorial|how-to|reference|explanation) \(\d+ %\)$/gm)].map((match) => match[1]);
    expect(candidates).toHaveLength(2);
    expect(run.stderr).toContain(`Run again with --category ${candidates[0]} or --category ${candidates[1]}.`);
    expect(existsSync(path.join(cwd, 'content'))).toBe(false);
  });
});
