import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { REPOSITORY_ROOT } from '../../test-support/project-paths.mjs';

// Linting before each commit (issue 14): the pre-commit framework's hooks and the lint-staged entry the
// README documents, each run the way its tool runs it, on a temporary repository with a staged file.

const require = createRequire(import.meta.url);
const CLEAN = readFileSync(path.join(REPOSITORY_ROOT, 'content', 'how-to', 'configure-rules.md'), 'utf8');
const BROKEN = `${CLEAN}\nA reference with no definition[^missing].\n`;
const base = mkdtempSync(path.join(tmpdir(), 'qadocs-hooks-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  types: string[];
}

/** A git repository whose node_modules holds this qadocs, as a project with qadocs in its devDependencies. */
function project(name: string): { cwd: string; git: (...args: string[]) => string } {
  const cwd = path.join(base, name);
  mkdirSync(path.join(cwd, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(path.join(REPOSITORY_ROOT, 'packages', 'cli'), path.join(cwd, 'node_modules', 'qadocs'));
  symlinkSync(path.join(REPOSITORY_ROOT, 'packages', 'cli', 'bin', 'qadocs.js'), path.join(cwd, 'node_modules', '.bin', 'qadocs'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=qadocs test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', '-c', 'core.hooksPath=/dev/null', ...args], { cwd, encoding: 'utf8' });
  git('init', '--quiet');
  writeFileSync(path.join(cwd, '.gitignore'), 'node_modules/\n');
  return { cwd, git };
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parseYaml(readFileSync(path.join(REPOSITORY_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  let cwd: string;

  beforeAll(() => {
    ({ cwd } = project('pre-commit'));
    mkdirSync(path.join(cwd, 'content', 'how-to'), { recursive: true });
    writeFileSync(path.join(cwd, 'content/how-to/clean.md'), CLEAN);
    writeFileSync(path.join(cwd, 'content/how-to/broken.md'), BROKEN);
  });

  it("declares the hooks with the manifest's required keys, for Markdown files", () => {
    expect(hooks.map((hook) => hook.id)).toEqual(['qadocs', 'qadocs-fix']);
    for (const hook of hooks) {
      for (const key of ['id', 'name', 'entry', 'language'] as const) expect(typeof hook[key]).toBe('string');
      expect(hook.language).toBe('system');
      const files = new RegExp(hook.files);
      expect(['a.md', 'docs/b.markdown'].every((file) => files.test(file))).toBe(true);
      expect(files.test('notes.txt')).toBe(false);
    }
  });

  /** Run a hook as pre-commit does: its `entry` split into words, then the matching file names. */
  const runHook = (hook: Hook, files: string[]) => {
    const [command, ...args] = hook.entry.split(/\s+/);
    return spawnSync(command!, [...args, ...files.filter((file) => new RegExp(hook.files).test(file))], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  };

  it('qadocs fails the commit on a staged file with errors and passes a clean one', () => {
    const hook = hooks.find((candidate) => candidate.id === 'qadocs')!;
    const broken = runHook(hook, ['content/how-to/broken.md', 'notes.txt']);
    expect(broken.status, broken.stderr).toBe(1);
    expect(broken.stdout).toContain('citation/undefined');
    const clean = runHook(hook, ['content/how-to/clean.md']);
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
  });

  it('qadocs-fix writes the fixes, then fails only on what it could not fix', () => {
    const hook = hooks.find((candidate) => candidate.id === 'qadocs-fix')!;
    const fixable = path.join(cwd, 'content/how-to/fixable.md');
    writeFileSync(fixable, CLEAN.replace(/^# (.*)$/m, '# **$1**'));
    const run = runHook(hook, ['content/how-to/fixable.md']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(readFileSync(fixable, 'utf8')).toBe(CLEAN);
  });
});

describe('the lint-staged entry of the README', () => {
  const readme = readFileSync(path.join(REPOSITORY_ROOT, 'README.md'), 'utf8');
  const entry = JSON.parse(/```json\n(\{\n  "lint-staged"[^]*?)```/.exec(readme)![1]!) as { 'lint-staged': Record<string, string> };
  const lintStaged = path.join(path.dirname(require.resolve('lint-staged/package.json')), 'bin', 'lint-staged.js');

  it('stops a commit whose staged Markdown has errors, and lets a clean one through', () => {
    expect(entry['lint-staged']).toEqual({ '*.{md,markdown}': 'qadocs lint --no-progress' });
    const { cwd, git } = project('lint-staged');
    writeFileSync(path.join(cwd, 'package.json'), JSON.stringify({ name: 'docs', private: true, ...entry }, null, 2));
    mkdirSync(path.join(cwd, 'content', 'how-to'), { recursive: true });
    writeFileSync(path.join(cwd, 'content/how-to/answer.md'), CLEAN);
    git('add', '.');
    git('commit', '--quiet', '-m', 'base');
    writeFileSync(path.join(cwd, 'content/how-to/answer.md'), BROKEN);
    git('add', 'content/how-to/answer.md');
    const failing = spawnSync(process.execPath, [lintStaged], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    expect(failing.status, failing.stdout + failing.stderr).toBe(1);
    expect(failing.stdout + failing.stderr).toContain('citation/undefined');
    writeFileSync(path.join(cwd, 'content/how-to/answer.md'), `${CLEAN}\nOne more clean line.\n`);
    git('add', 'content/how-to/answer.md');
    const passing = spawnSync(process.execPath, [lintStaged], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    expect(passing.status, passing.stdout + passing.stderr).toBe(0);
  });
});
