import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../test-support/project-paths.mjs';
import { describeCommand, runCommand, type CommandRun } from './support/run-command.js';
import { packPackage, publishablePackages, type PackedPackage } from './support/workspace-packages.js';

// qadocs as a user meets it: every publishable package packed, the tarballs installed with npm into an
// empty folder outside the workspace (no pnpm, no workspace links), and the `qadocs` command run there.

const INTEGRATION_ROOT = path.resolve(import.meta.dirname, '..');
const MONOREPO_BIN = path.join(REPOSITORY_ROOT, 'packages', 'cli', 'bin', 'qadocs.js');
const ATTW_BIN = path.join(INTEGRATION_ROOT, 'node_modules', '.bin', 'attw');

/**
 * The packages are ESM only (`"type": "module"`, `exports` with `types` and `default`, no `require`
 * condition): their dependencies (unified, remark) are ESM only. attw's `esm-only` profile checks the
 * resolutions such a package serves (node16 from ESM, bundler) and leaves out the two it deliberately
 * does not: `node10` (no `exports` support) and `node16-cjs` (`require()` from CommonJS).
 */
const ATTW_PROFILE = 'esm-only';
const ATTW_IGNORED_RESOLUTIONS = new Set(['node10', 'node16-cjs']);

/**
 * The limit for a test that starts several processes (npx, attw): seconds each on an idle machine, but
 * a CI machine shared with other jobs can be many times slower, and a slow run is not a failure here.
 */
const PROCESS_TEST_TIMEOUT = 240_000;

/** A document with one error: a citation pasted from an assistant (`citation/malformed`). */
const BROKEN_DOCUMENT = `---
title: Broken citation
description: A pasted answer whose citation is not a footnote yet, so lint fails on it.
category: explanation
---

# Why does this answer fail lint?

Because its citation was pasted as a superscript and a bare link¹(https://example.com/source).
`;

let work: string;
let repository: string;
let packed: PackedPackage[];

/**
 * `npx qadocs …` in the user's repository: `--no` so npx never fetches a `qadocs` from the registry,
 * `--` so npm keeps none of the arguments (`--version` would be npm's own).
 */
const npxQadocs = (...args: string[]) => runCommand('npx', ['--no', '--', 'qadocs', ...args], repository);
/** The same command from the monorepo's own build, for comparison. */
const monorepoQadocs = (...args: string[]) => runCommand(process.execPath, [MONOREPO_BIN, ...args], repository);

/** Every file under `dir`, as sorted relative POSIX paths. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => statSync(path.join(dir, name)).isFile())
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'qadocs-install-'));
  const tarballs = path.join(work, 'tarballs');
  packed = publishablePackages().map((workspacePackage) => packPackage(workspacePackage, tarballs));

  // Someone else's documentation repository: a README and a docs/ folder of Markdown, no qadocs yet.
  repository = path.join(work, 'user-docs');
  cpSync(path.join(REPOSITORY_ROOT, 'content'), path.join(repository, 'docs'), { recursive: true });
  writeFileSync(path.join(repository, 'package.json'), `${JSON.stringify({ name: 'user-docs', version: '1.0.0', private: true }, null, 2)}\n`);
  writeFileSync(path.join(repository, 'README.md'), '# User docs\n\nThe documents are in docs/.\n');

  const install = await runCommand('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', ...packed.map((entry) => entry.tarball)], repository);
  expect(install.code, describeCommand(install)).toBe(0);
}, PROCESS_TEST_TIMEOUT);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('every publishable package packs cleanly', () => {
  it('finds the workspace packages, qadocs and its libraries among them', () => {
    const names = packed.map((entry) => entry.name);
    expect(names).toContain('qadocs');
    for (const name of ['@qadocs/schema', '@qadocs/parser', '@qadocs/linter', '@qadocs/exporter']) expect(names).toContain(name);
    for (const entry of packed) expect(existsSync(entry.tarball), entry.tarball).toBe(true);
  });

  it('publint reports nothing for any package (strict: warnings and suggestions count)', async () => {
    const findings: string[] = [];
    for (const entry of packed) {
      const bytes = readFileSync(entry.tarball);
      const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const { messages, pkg } = await publint({ pack: { tarball }, level: 'suggestion', strict: true });
      for (const message of messages) findings.push(`${entry.name}: ${message.type} ${message.code}: ${formatMessage(message, pkg, { color: false })}`);
    }
    console.log(`publint on ${packed.length} tarballs: ${findings.length} findings`);
    expect(findings).toEqual([]);
  });

  it(`are the types wrong (attw --profile ${ATTW_PROFILE}) reports nothing for any package`, async () => {
    const runs = await Promise.all(packed.map((entry) => runCommand(ATTW_BIN, [entry.tarball, '--profile', ATTW_PROFILE, '--format', 'json'], INTEGRATION_ROOT)));
    const findings: string[] = [];
    runs.forEach((run, index) => {
      const report = JSON.parse(run.stdout) as { analysis: { entrypoints: Record<string, unknown> }; problems: Record<string, Array<{ entrypoint?: string; resolutionKind?: string }>> };
      expect(Object.keys(report.analysis.entrypoints).length, describeCommand(run)).toBeGreaterThan(0);
      for (const [kind, problems] of Object.entries(report.problems)) {
        for (const problem of problems) {
          if (!problem.resolutionKind || !ATTW_IGNORED_RESOLUTIONS.has(problem.resolutionKind)) {
            findings.push(`${packed[index]!.name}: ${kind} at ${problem.entrypoint ?? '(package)'} (${problem.resolutionKind ?? 'every resolution'})`);
          }
        }
      }
      expect(run.code, describeCommand(run)).toBe(0);
    });
    console.log(`attw --profile ${ATTW_PROFILE} on ${packed.length} tarballs: ${findings.length} problems`);
    expect(findings).toEqual([]);
  }, PROCESS_TEST_TIMEOUT);

  it('installs every package from its tarball, none from the registry and none through a workspace link', () => {
    const lock = JSON.parse(readFileSync(path.join(repository, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string; version?: string; link?: boolean }> };
    for (const entry of packed) {
      const installed = lock.packages[`node_modules/${entry.name}`];
      expect(installed, entry.name).toBeDefined();
      expect(installed!.resolved, entry.name).toBe(`file:../tarballs/${path.basename(entry.tarball)}`);
      expect(installed!.version).toBe(entry.version);
      // Only one copy: a nested one would mean a dependency range the tarball does not satisfy.
      const copies = Object.keys(lock.packages).filter((key) => key.endsWith(`node_modules/${entry.name}`));
      expect(copies, entry.name).toEqual([`node_modules/${entry.name}`]);
      const manifest = readFileSync(path.join(repository, 'node_modules', entry.name, 'package.json'), 'utf8');
      expect(manifest, `${entry.name} ships a workspace: range`).not.toMatch(/"(workspace|link|file):/);
      // npm warns a user on an older Node instead of failing later with a syntax error.
      expect((JSON.parse(manifest) as { engines?: { node?: string } }).engines?.node, `${entry.name} engines.node`).toBe('>=20.19');
    }
  });
});

describe('npx qadocs in a repository that installed the tarballs', () => {
  /** Print one line per command in the test output: the exit codes are what CI and the issue look at. */
  function report(what: string, run: CommandRun): CommandRun {
    console.log(`${run.command.replace(/^npx --no -- /, 'npx ')} (${what}): exit ${run.code}`);
    return run;
  }

  it('--version prints the version of the installed package', async () => {
    const run = await npxQadocs('--version');
    expect(run.code, describeCommand(run)).toBe(0);
    expect(run.stdout.trim()).toBe(packed.find((entry) => entry.name === 'qadocs')!.version);
  });

  it('init writes qadocs.config.json with the docs/ folder the repository has as contentRoot', async () => {
    const run = report('no config yet', await npxQadocs('init'));
    expect(run.code, describeCommand(run)).toBe(0);
    const documents = filesUnder(path.join(repository, 'docs')).filter((file) => file.endsWith('.md')).length;
    expect(run.stdout).toContain(`with contentRoot "docs" (${documents} Markdown files)`);
    const config = JSON.parse(readFileSync(path.join(repository, 'qadocs.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ extends: 'recommended', contentRoot: 'docs' });
  });

  it('lint exits 0 on clean documents and 1 on a broken one, printing what the monorepo build prints', async () => {
    const clean = report('clean documents', await npxQadocs('lint'));
    expect(clean.code, describeCommand(clean)).toBe(0);
    expect(clean.stderr).toBe('');

    const broken = path.join(repository, 'docs', 'explanation', 'broken-citation.md');
    writeFileSync(broken, BROKEN_DOCUMENT);
    try {
      const failing = report('one broken document', await npxQadocs('lint'));
      expect(failing.code, describeCommand(failing)).toBe(1);
      expect(failing.stdout).toMatch(/docs\/explanation\/broken-citation\.md\n\s+9:\d+\s+error\s+Unexpected pseudo-citation `¹\(https:\/\/example\.com\/source\)`.*citation\/malformed/);
      expect(failing.stdout).toContain('1 problem (1 error, 0 warnings)');

      const monorepo = await monorepoQadocs('lint');
      expect(monorepo.code).toBe(failing.code);
      expect(failing.stdout).toBe(monorepo.stdout);

      const build = report('one broken document', await npxQadocs('build'));
      expect(build.code, describeCommand(build)).toBe(1);
      expect(existsSync(path.join(repository, 'dist')), 'a build with lint errors writes nothing').toBe(false);
    } finally {
      rmSync(broken);
    }
  }, PROCESS_TEST_TIMEOUT);

  it('build writes dist/json and dist/html, the same files the monorepo build writes', async () => {
    const run = report('clean documents', await npxQadocs('build'));
    expect(run.code, describeCommand(run)).toBe(0);
    const dist = path.join(repository, 'dist');
    const manifest = JSON.parse(readFileSync(path.join(dist, 'json', 'index.json'), 'utf8')) as { documents: Array<{ id: string }> };
    const documents = filesUnder(path.join(repository, 'docs')).filter((file) => file.endsWith('.md'));
    expect(manifest.documents).toHaveLength(documents.length);
    const files = filesUnder(dist);
    expect(files).toContain('json/qa-document.schema.json');
    expect(files).toContain('html/index.html');
    expect(files).toContain('html/assets/style.css');
    for (const { id } of manifest.documents) {
      expect(files).toContain(`json/docs/${id}.json`);
      expect(files).toContain(`html/${id}.html`);
    }

    const monorepo = await monorepoQadocs('build', '--out', path.join(work, 'monorepo-dist'));
    expect(monorepo.code, describeCommand(monorepo)).toBe(0);
    expect(files).toEqual(filesUnder(path.join(work, 'monorepo-dist')));
    for (const file of files) expect(readFileSync(path.join(dist, file)).equals(readFileSync(path.join(work, 'monorepo-dist', file))), file).toBe(true);
  }, PROCESS_TEST_TIMEOUT);

  it('explain prints a rule page shipped in the package', async () => {
    const run = await npxQadocs('explain', 'citation/malformed');
    expect(run.code, describeCommand(run)).toBe(0);
    expect(run.stdout).toContain('citation/malformed');
    expect(run.stdout.length).toBeGreaterThan(500);
  });
});
