import { execFileSync } from 'node:child_process';
import { REPOSITORY_ROOT } from '../../../test-support/project-paths.mjs';

/** A package of the pnpm workspace. */
export interface WorkspacePackage {
  name: string;
  version: string;
  /** Absolute path of its folder. */
  path: string;
}

/** A package as `pnpm ls --recursive` lists it (the root has no version when it declares none). */
export interface WorkspaceListing extends WorkspacePackage {
  private?: boolean;
}

/** A package packed as `pnpm publish` would pack it. */
export interface PackedPackage extends WorkspacePackage {
  /** Absolute path of the `.tgz`. */
  tarball: string;
  /** Paths inside the tarball, relative to its `package/` folder. */
  files: string[];
}

/**
 * Every package of the workspace, the root included, as pnpm lists them: a package added to the
 * workspace is checked without the tests being told.
 */
export function workspacePackages(): WorkspaceListing[] {
  const listing = execFileSync('pnpm', ['ls', '--recursive', '--depth', '-1', '--json'], { cwd: REPOSITORY_ROOT, encoding: 'utf8' });
  return (JSON.parse(listing) as WorkspaceListing[]).sort((a, b) => a.name.localeCompare(b.name));
}

/** Every package of the workspace that would be published: not `private`. */
export function publishablePackages(): WorkspacePackage[] {
  return workspacePackages()
    .filter((entry) => entry.private !== true)
    .map(({ name, version, path }) => ({ name, version, path }));
}

/** `pnpm pack` one package into `destination` (pnpm rewrites `workspace:` ranges to real versions). */
export function packPackage(workspacePackage: WorkspacePackage, destination: string): PackedPackage {
  const output = execFileSync('pnpm', ['pack', '--pack-destination', destination, '--json'], { cwd: workspacePackage.path, encoding: 'utf8' });
  const packed = JSON.parse(output) as { filename: string; files: Array<{ path: string }> };
  return { ...workspacePackage, tarball: packed.filename, files: packed.files.map((file) => file.path) };
}
