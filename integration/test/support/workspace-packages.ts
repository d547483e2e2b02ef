import { execFileSync } from 'node:child_process';
import { REPOSITORY_ROOT } from '../../../test-support/project-paths.mjs';

/** A package of the pnpm workspace. */
export interface WorkspacePackage {
  name: string;
  version: string;
  /** Absolute path of its folder. */
  path: string;
}

/** A package packed as `pnpm publish` would pack it. */
export interface PackedPackage extends WorkspacePackage {
  /** Absolute path of the `.tgz`. */
  tarball: string;
  /** Paths inside the tarball, relative to its `package/` folder. */
  files: string[];
}

/**
 * Every package of the workspace that would be published (not `private`), as pnpm lists them: a package
 * added to the workspace is packed and checked without this test being told.
 */
export function publishablePackages(): WorkspacePackage[] {
  const listing = execFileSync('pnpm', ['ls', '--recursive', '--depth', '-1', '--json'], { cwd: REPOSITORY_ROOT, encoding: 'utf8' });
  const packages = JSON.parse(listing) as Array<WorkspacePackage & { private?: boolean }>;
  return packages
    .filter((entry) => entry.private !== true)
    .map(({ name, version, path }) => ({ name, version, path }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `pnpm pack` one package into `destination` (pnpm rewrites `workspace:` ranges to real versions). */
export function packPackage(workspacePackage: WorkspacePackage, destination: string): PackedPackage {
  const output = execFileSync('pnpm', ['pack', '--pack-destination', destination, '--json'], { cwd: workspacePackage.path, encoding: 'utf8' });
  const packed = JSON.parse(output) as { filename: string; files: Array<{ path: string }> };
  return { ...workspacePackage, tarball: packed.filename, files: packed.files.map((file) => file.path) };
}
