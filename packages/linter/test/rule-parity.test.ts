import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../src/config/config-schema.js';
import { ruleFolderName } from '../src/rule.js';
import { ruleById, rules } from '../src/rules/index.js';
// @ts-expect-error -- a plain ESM script without type declarations
import { packageDir, REGISTRY_FILE, renderDerivedFiles, renderRegistry, RULE_DOCS_DIR, ruleFolders, rulesDir } from '../scripts/generate-rules.mjs';

/** SPEC §3.2, row by row: id, default severity, fix (`true`: `--fix` fixes it; `'suggestion'`: offered, never applied). */
const SPEC_RULES: ReadonlyArray<[id: string, severity: 'error' | 'warning', fix: boolean | 'suggestion']> = [
  ['frontmatter/parse-error', 'error', false],
  ['frontmatter/unsafe-engine', 'error', false],
  ['frontmatter/required', 'error', false],
  ['frontmatter/description-differs', 'warning', false],
  ['frontmatter/schema', 'error', false],
  ['diataxis/category', 'error', true],
  ['diataxis/folder-match', 'error', false],
  ['diataxis/content-fit', 'warning', false],
  ['diataxis/how-to-steps', 'warning', false],
  ['diataxis/tutorial-steps', 'warning', false],
  ['diataxis/explanation-no-steps', 'warning', false],
  ['diataxis/reference-no-instructions', 'warning', false],
  ['citation/undefined', 'error', false],
  ['citation/unused', 'warning', 'suggestion'],
  ['citation/duplicate', 'error', false],
  ['citation/malformed', 'error', true],
  ['citation/no-source', 'error', false],
  ['citation/insecure-url', 'warning', false],
  ['citation/domain', 'error', false],
  ['citation/uncited-claim', 'warning', false],
  ['citation/order', 'warning', true],
  ['citation/dead-link', 'error', false],
  ['provenance/ai-review', 'error', false],
  ['provenance/date-format', 'warning', true],
  ['structure/question', 'error', false],
  ['structure/answer', 'error', false],
  ['structure/heading-emphasis', 'warning', true],
  ['frontmatter/id', 'error', false],
  ['content/hidden-characters', 'warning', false],
  ['content/placeholder', 'warning', false],
  ['input/encoding', 'error', false],
  ['input/too-large', 'error', false],
  ['input/timeout', 'error', false],
  ['input/too-complex', 'error', false],
];

const DOCS_SECTIONS = ['## Rationale', '## How to fix', '## Options', '## When not to use it'];

/** The lines of a Markdown text outside fenced code blocks (an example may hold `## …` lines). */
function linesOutsideCode(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && marker) fence = marker;
    else if (fence !== null && marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
    else if (fence === null) lines.push(line);
  }
  return lines;
}
const folders: string[] = ruleFolders();

describe('every rule of SPEC §3.2', () => {
  it('lists 34 distinct rule ids', () => {
    expect(new Set(SPEC_RULES.map(([id]) => id)).size).toBe(SPEC_RULES.length);
  });

  for (const [id, severity, fix] of SPEC_RULES) {
    it(`${id} exists with default ${severity}${fix === true ? ', fixable' : fix ? ', with suggestions' : ''}`, () => {
      const rule = ruleById(id);
      expect(rule, `no rule \`${id}\` in the registry (folder src/rules/${ruleFolderName(id)}/)`).toBeDefined();
      expect({ severity: rule!.severity, fixable: rule!.fixable, hasSuggestions: rule!.hasSuggestions ?? false }).toEqual({ severity, fixable: fix === true, hasSuggestions: fix === 'suggestion' });
    });
  }
});

describe('rule folders', () => {
  it('the registry holds one rule per folder, sorted by id', () => {
    expect(rules.map((rule) => ruleFolderName(rule.id))).toEqual(folders);
    expect(rules.map((rule) => rule.id)).toEqual([...rules.map((rule) => rule.id)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  for (const folder of folders) {
    describe(folder, () => {
      const dir = path.join(rulesDir, folder);
      const rule = rules.find((candidate) => ruleFolderName(candidate.id) === folder);

      it('exports a rule whose id maps to this folder, with well-formed metadata', () => {
        expect(rule, `src/rules/${folder}/index.ts must default-export a rule with id \`${folder.replace('-', '/')}\``).toBeDefined();
        expect(rule!.id).toMatch(/^[a-z]+\/[a-z]+(?:-[a-z]+)*$/);
        expect(rule!.description, 'description: imperative, no final period').toMatch(/^[A-Z][^\n]*[^.\s]$/);
        expect(['error', 'warning']).toContain(rule!.severity);
        for (const messageId of Object.keys(rule!.messages)) expect(messageId, 'message ids are camelCase').toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(rule!.options.safeParse({}).success, 'every option has a default: `{}` must validate').toBe(true);
        // `fixes` is what `qadocs explain` and the docs say --fix does: present exactly when the rule fixes.
        if (rule!.fixable) expect(rule!.fixes, 'a fixable rule says what --fix does in `fixes`').toMatch(/^[a-z`][^\n]*[^.\s]$/);
        else expect(rule!.fixes, 'a rule that does not fix has no `fixes`').toBeUndefined();
      });

      it('has index.ts, index.test.ts and docs.md with the four sections in order', () => {
        for (const file of ['index.ts', 'index.test.ts', 'docs.md']) expect(existsSync(path.join(dir, file)), `missing src/rules/${folder}/${file}`).toBe(true);
        const docs = readFileSync(path.join(dir, 'docs.md'), 'utf8');
        const prose = linesOutsideCode(docs);
        expect(prose.filter((line) => line.startsWith('## '))).toEqual(DOCS_SECTIONS);
        for (const section of docs.split(/^## (?:Rationale|How to fix|Options|When not to use it)$/m).slice(1)) expect(section.trim(), 'no empty docs section').not.toBe('');
        expect(readFileSync(path.join(dir, 'index.test.ts'), 'utf8')).toContain('testRuleFixtures(rule, import.meta.dirname)');
      });

      it('has valid and invalid fixtures, an .expected.txt per invalid case and no stray files', () => {
        const list = (kind: string) => (existsSync(path.join(dir, 'fixtures', kind)) ? readdirSync(path.join(dir, 'fixtures', kind)) : []);
        const cases = (names: string[]) => names.filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md')).map((name) => name.slice(0, -3));
        const valid = list('valid');
        const invalid = list('invalid');
        expect(cases(valid).length, 'at least one fixtures/valid/*.md').toBeGreaterThan(0);
        expect(cases(invalid).length, 'at least one fixtures/invalid/*.md').toBeGreaterThan(0);
        for (const name of cases(invalid)) expect(invalid, `fixtures/invalid/${name}.expected.txt`).toContain(`${name}.expected.txt`);
        for (const [kind, names] of [['valid', valid], ['invalid', invalid]] as const) {
          const known = new Set(cases(names));
          const allowed = kind === 'valid' ? ['.md', '.config.json'] : ['.md', '.expected.txt', '.fixed.md', '.suggestions.json', '.config.json'];
          for (const name of names) {
            const suffix = allowed.filter((candidate) => name.endsWith(candidate)).sort((a, b) => b.length - a.length)[0];
            expect(suffix && known.has(name.slice(0, -suffix.length)), `stray fixture file fixtures/${kind}/${name}`).toBeTruthy();
          }
        }
        if (!rule?.fixable) expect(invalid.filter((name) => name.endsWith('.fixed.md')), 'a rule that is not fixable has no .fixed.md').toEqual([]);
        if (!rule?.hasSuggestions) expect(invalid.filter((name) => name.endsWith('.suggestions.json')), 'a rule without suggestions has no .suggestions.json').toEqual([]);
      });
    });
  }
});

describe('generated files are current (run `pnpm --filter @qadocs/linter build`)', () => {
  const onDisk = (relative: string) => {
    const file = path.join(packageDir, relative);
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  };

  it(REGISTRY_FILE, () => {
    expect(onDisk(REGISTRY_FILE)).toBe(renderRegistry(folders));
  });

  const derived: Map<string, string> = renderDerivedFiles(rules, configJsonSchema);
  for (const [relative, content] of derived) {
    it(relative, () => {
      expect(onDisk(relative)).toBe(content);
    });
  }

  it(`${RULE_DOCS_DIR}/ holds no page of a rule that no longer exists`, () => {
    const pages = readdirSync(path.join(packageDir, RULE_DOCS_DIR)).map((name) => `${RULE_DOCS_DIR}/${name}`);
    expect(pages.filter((page) => !derived.has(page))).toEqual([]);
  });
});
