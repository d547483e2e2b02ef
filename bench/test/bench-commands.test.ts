import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchCommands } from '../src/bench-commands.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'qadocs-bench-commands-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function tinyCorpus() {
  const dir = join(workDir, 'corpus');
  mkdirSync(join(dir, 'docs'), { recursive: true });
  const files = ['doc-00000.md', 'doc-00001.md'].map((name) => join(dir, 'docs', name));
  for (const file of files) writeFileSync(file, '---\ntitle: A page\n---\n\n# Why?\n\nBecause.\n');
  return { dir, docs: 2, files, brokenIndexes: new Set<number>() };
}

describe('benchCommands', () => {
  const commands = benchCommands(tinyCorpus(), workDir) as Array<{ id: string; args: string[] }>;

  it('times builds that write their output: every rule at "warn", so the lint gate passes', () => {
    const builds = commands.filter((command) => command.id.startsWith('qadocs-build'));
    expect(builds.map((command) => command.id)).toEqual(['qadocs-build', 'qadocs-build-low-memory']);
    for (const build of builds) {
      const configFile = build.args[build.args.indexOf('--config') + 1]!;
      const { rules } = JSON.parse(readFileSync(configFile, 'utf8')) as { rules: Record<string, string> };
      // Every rule id, from the linter's generated config schema: one per rule folder.
      const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../packages/linter/generated/qadocs.config.schema.json'), 'utf8')) as { properties: { rules: { properties: Record<string, unknown> } } };
      expect(Object.keys(rules).sort()).toEqual(Object.keys(schema.properties.rules.properties).sort());
      const ruleFolders = readdirSync(join(import.meta.dirname, '../../packages/linter/src/rules'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
      expect(Object.keys(rules)).toHaveLength(ruleFolders.length);
      expect(new Set(Object.values(rules))).toEqual(new Set(['warn']));
    }
  });

  it('lints with the default configuration (no --config) in every qadocs lint run', () => {
    for (const command of commands.filter((candidate) => candidate.id.startsWith('qadocs-lint'))) expect(command.args, command.id).not.toContain('--config');
  });
});

describe('the import row', () => {
  const command = benchCommands(tinyCorpus(), workDir).find((candidate: { id: string }) => candidate.id === 'qadocs-import-reference') as {
    args: string[];
    cwd: string;
    okExitCodes: number[];
    outputs: string[];
    validate: () => string | null;
  };

  it('imports the reference document in a project of its own, outside the corpus, with a fresh content folder each run', () => {
    expect(command.args[0]).toBe('import');
    expect(command.args[1]).toMatch(/test-support\/reference-document\/000_3668c700682cea6a\.txt$/);
    expect(command.cwd.startsWith(workDir)).toBe(true);
    expect(command.cwd).not.toContain('corpus');
    expect(command.outputs).toEqual([join(command.cwd, 'content')]);
    // A fresh import is not reviewed yet: lint's exit code 1 is the finished run.
    expect(command.okExitCodes).toEqual([1]);
    expect(command.validate()).toMatch(/^no imported document at /);
  });
});
