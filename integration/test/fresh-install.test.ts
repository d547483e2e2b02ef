import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../test-support/project-paths.mjs';
import { describeCommand, runCommand } from './support/run-command.js';
import { workspacePackages } from './support/workspace-packages.js';

// What a new contributor sees on `pnpm install` in a fresh clone. The install reads only the
// manifests, the lockfile and the bin files, so a copy of those is a fresh clone as far as pnpm is concerned; the
// packages come from pnpm's store, which the repository's own install has filled.

const work = mkdtempSync(path.join(tmpdir(), 'qadocs-fresh-install-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('pnpm install in a fresh clone', () => {
  it('finishes with no warning: no "Ignored build scripts" box, no WARN line, and no build left ignored', async () => {
    const packageFolders = workspacePackages().map((entry) => path.relative(REPOSITORY_ROOT, entry.path));
    // pnpm also reads the files a package's `bin` names, to link them for the packages that depend on
    // it (the CLI on @qadocs/language-server): a clone has them, so the copy has them too.
    const bins = packageFolders.flatMap((folder) => {
      const manifest = JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, folder, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
      const targets = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
      return targets.map((target) => path.join(folder, target));
    });
    const manifests = ['pnpm-workspace.yaml', 'pnpm-lock.yaml', '.npmrc', ...packageFolders.map((folder) => path.join(folder, 'package.json')), ...bins];
    for (const file of manifests) {
      if (!existsSync(path.join(REPOSITORY_ROOT, file))) continue;
      mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
      copyFileSync(path.join(REPOSITORY_ROOT, file), path.join(work, file));
    }
    expect(existsSync(path.join(work, 'packages', 'cli', 'package.json'))).toBe(true);

    const install = await runCommand('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], work);
    expect(install.code, describeCommand(install)).toBe(0);
    const output = `${install.stdout}\n${install.stderr}`;
    expect(output, describeCommand(install)).not.toMatch(/Ignored build scripts|approve-builds|WARN|Warning/i);

    // pnpm records the packages whose install scripts it skipped; none may be left out.
    const modules = readFileSync(path.join(work, 'node_modules', '.modules.yaml'), 'utf8');
    expect(modules).not.toMatch(/"?ignoredBuilds"?:\s*\[\s*"/);
  }, 180_000);
});
