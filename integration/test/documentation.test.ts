import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../test-support/project-paths.mjs';
import { readMarkdown } from './support/read-markdown.js';

// The README and docs/ are what a user and a contributor read first: every link in them must lead
// somewhere in the repository, and the reference pages must keep up with the code they describe.

const DOCS = path.join(REPOSITORY_ROOT, 'docs');
const QADOCS_BIN = path.join(REPOSITORY_ROOT, 'packages', 'cli', 'bin', 'qadocs.js');

/** The pages whose links are checked: the README, every page of docs/, and the README of each workspace folder. */
function documentationPages(): string[] {
  const docs = readdirSync(DOCS, { recursive: true }) as string[];
  const readmes = ['packages', 'bench', 'integration'].flatMap((group) => {
    const base = path.join(REPOSITORY_ROOT, group);
    const folders = group === 'packages' ? readdirSync(base).map((name) => path.join(base, name)) : [base];
    return folders.map((folder) => path.join(folder, 'README.md')).filter((file) => existsSync(file));
  });
  return [path.join(REPOSITORY_ROOT, 'README.md'), ...docs.filter((name) => name.endsWith('.md')).map((name) => path.join(DOCS, name)), ...readmes];
}

const relative = (file: string) => path.relative(REPOSITORY_ROOT, file).split(path.sep).join('/');

/** `file:line: url (why)` for every relative link of `file` that does not resolve inside the repository. */
function brokenLinks(file: string): string[] {
  const broken: string[] = [];
  for (const { url, line } of readMarkdown(file).links) {
    // Web and mail links are not the repository's to check here.
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) continue;
    const [target = '', fragment] = url.split('#');
    const where = `${relative(file)}:${line}: ${url}`;
    const resolved = target === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(target));
    if (resolved !== REPOSITORY_ROOT && !resolved.startsWith(REPOSITORY_ROOT + path.sep)) {
      broken.push(`${where} (leads outside the repository)`);
      continue;
    }
    if (!existsSync(resolved)) {
      broken.push(`${where} (no such file or folder)`);
      continue;
    }
    if (fragment && statSync(resolved).isFile() && resolved.endsWith('.md') && !readMarkdown(resolved).anchors.has(fragment)) {
      broken.push(`${where} (no heading with the anchor #${fragment})`);
    }
  }
  return broken;
}

function helpOf(...args: string[]): string {
  return execFileSync(process.execPath, [QADOCS_BIN, ...args, '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

/** The property names of a JSON Schema object, one level. */
function propertiesOf(schema: { properties?: Record<string, unknown> }): string[] {
  return Object.keys(schema.properties ?? {});
}

describe('the documentation links', () => {
  const pages = documentationPages();

  it('checks the README, every page of docs/ and the package READMEs', () => {
    const names = pages.map(relative);
    for (const page of ['README.md', 'docs/README.md', 'docs/architecture.md', 'docs/record.md', 'docs/rules.md', 'docs/configuration.md', 'docs/cli.md', 'docs/export.md', 'docs/performance.md', 'docs/security.md']) {
      expect(names).toContain(page);
    }
    expect(names).toContain('packages/cli/README.md');
  });

  it('every relative link resolves to a file or folder in the repository, and every #anchor to a heading', () => {
    const links = pages.flatMap((page) => readMarkdown(page).links);
    expect(links.length).toBeGreaterThan(50);
    expect(pages.flatMap(brokenLinks)).toEqual([]);
  });

  it('the README leads into docs/, and docs/README.md leads to every page of docs/', () => {
    const readmeTargets = readMarkdown(path.join(REPOSITORY_ROOT, 'README.md')).links.map((link) => link.url);
    expect(readmeTargets).toContain('docs/README.md');
    const indexTargets = new Set(readMarkdown(path.join(DOCS, 'README.md')).links.map((link) => link.url));
    const pagesOfDocs = (readdirSync(DOCS) as string[]).filter((name) => name.endsWith('.md') && name !== 'README.md');
    expect(pagesOfDocs.length).toBeGreaterThanOrEqual(8);
    expect(pagesOfDocs.filter((name) => !indexTargets.has(name))).toEqual([]);
  });

  it('the rule catalogue is linked, not copied: docs/rules.md points at the generated pages', () => {
    const rules = readMarkdown(path.join(DOCS, 'rules.md'));
    expect(rules.links.map((link) => link.url)).toContain('../packages/linter/docs/rules/README.md');
    // A hand-made table of rule ids would drift from the generated one.
    const text = readFileSync(path.join(DOCS, 'rules.md'), 'utf8');
    const catalogue = readFileSync(path.join(REPOSITORY_ROOT, 'packages', 'linter', 'docs', 'rules', 'README.md'), 'utf8');
    const ruleIds = [...catalogue.matchAll(/\[`([a-z]+\/[a-z-]+)`\]/g)].map((match) => match[1]!);
    expect(ruleIds.length).toBeGreaterThan(20);
    expect(ruleIds.filter((id) => text.includes(id)).length).toBeLessThan(5);
  });

  it('the README tells a user how to run qadocs in their own repository, with the commands the pack test runs', () => {
    const readme = readFileSync(path.join(REPOSITORY_ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('\n## Use qadocs in your repository\n');
    expect(start).toBeGreaterThan(0);
    const end = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, end === -1 ? undefined : end);
    for (const command of ['npm i -D qadocs', 'npx qadocs init', 'npx qadocs lint', 'npx qadocs build']) expect(section).toContain(command);
  });

  it('the README writes report files only where git ignores them', () => {
    const outputs = readMarkdown(path.join(REPOSITORY_ROOT, 'README.md'))
      .codeBlocks.flatMap((block) => [...block.matchAll(/(?:^|\s)(?:-o|--output-file)[ =](\S+)/g)].map((match) => match[1]!));
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      // `git check-ignore` exits 0 when the path is ignored and 1 when it is not.
      expect(() => execFileSync('git', ['check-ignore', '--quiet', '--no-index', output], { cwd: REPOSITORY_ROOT }), `${output} is not git-ignored`).not.toThrow();
    }
  });
});

describe('the reference pages keep up with the code', () => {
  it('docs/cli.md names every command and every option the built qadocs accepts', () => {
    const text = readFileSync(path.join(DOCS, 'cli.md'), 'utf8');
    const top = helpOf();
    const commands = [...top.slice(top.indexOf('Commands:')).matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((match) => match[1]!).filter((name) => name !== 'help');
    expect(commands).toContain('lint');
    const missing: string[] = [];
    for (const command of commands) {
      if (!text.includes(`qadocs ${command}`)) missing.push(`command \`qadocs ${command}\``);
      const help = helpOf(command);
      const options = new Set([...help.slice(help.indexOf('Options:')).matchAll(/^ {2}(?:-[A-Za-z], )?(--[a-z][a-z-]*)/gm)].map((match) => match[1]!));
      options.delete('--help');
      for (const option of options) if (!text.includes(option)) missing.push(`\`${option}\` of \`qadocs ${command}\``);
    }
    expect(missing, 'document these in docs/cli.md').toEqual([]);
  });

  it('docs/configuration.md names every key of the config schema', () => {
    const text = readFileSync(path.join(DOCS, 'configuration.md'), 'utf8');
    const schema = JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'packages', 'linter', 'generated', 'qadocs.config.schema.json'), 'utf8')) as {
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    const keys = propertiesOf(schema).flatMap((key) => {
      // `rules` holds rule ids, documented by the generated catalogue; `overrides` repeats `rules`.
      const inner = key === 'rules' || key === 'overrides' ? [] : propertiesOf(schema.properties[key]!);
      return inner.length === 0 ? [key] : inner.map((name) => `${key}.${name}`);
    });
    expect(keys).toContain('provenance.dateOrder');
    expect(keys.filter((key) => !text.includes(`\`${key}\``)), 'document these in docs/configuration.md').toEqual([]);
  });

  it('docs/record.md names every field of the QaDocument JSON Schema', () => {
    const text = readFileSync(path.join(DOCS, 'record.md'), 'utf8');
    const schema = JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'packages', 'schema', 'generated', 'qa-document.schema.json'), 'utf8')) as unknown;
    const fields = new Set<string>();
    const walk = (node: unknown, underFrontmatter: boolean) => {
      if (Array.isArray(node)) node.forEach((child) => walk(child, underFrontmatter));
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'properties' && value && typeof value === 'object' && !underFrontmatter) {
            for (const [field, child] of Object.entries(value)) {
              fields.add(field);
              // The front matter is the author's: its keys are not the record's fields.
              walk(child, field === 'frontmatter');
            }
          } else walk(value, underFrontmatter);
        }
      }
    };
    walk(schema, false);
    expect(fields).toContain('referencedBy');
    // A field is named as a whole word; `$schema` starts with a regex character, so the name is escaped
    // and bounded by lookarounds (`\b` finds no boundary between a backtick and `$`).
    const named = (field: string) => new RegExp(`(?<![\\w$])${field.replace(/[$^.*+?()[\]{}|\\]/g, '\\$&')}(?![\\w$])`).test(text);
    expect(fields).toContain('$schema');
    expect([...fields].filter((field) => !named(field)), 'document these in docs/record.md').toEqual([]);
  });
});
