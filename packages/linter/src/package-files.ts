import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * This package's own files and dependencies, found through its entry point rather than relative to
 * the running module: the same answer from `dist/`, from `src/` under vitest, and from the CLI's
 * bundle (where `import.meta.url` is the bundle's, not this file's).
 */
const entry = pathToFileURL(createRequire(import.meta.url).resolve('@qadocs/linter'));

/** `require` as seen from this package: its dependencies, loaded on demand. */
export const requireFromLinter = createRequire(entry);

/** The absolute path of a file of this package, relative to its root (`docs/rules/`, `package.json`). */
export function linterPackageFile(relativePath: string): string {
  return fileURLToPath(new URL(`../${relativePath}`, entry));
}
