import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** The project's own documents: clean under the default config. */
export const CONTENT_DIR = path.resolve(import.meta.dirname, '../../../../content');

/** The reference document of the SPEC (pasted from Copilot, with every defect the issues list). */
export { REFERENCE_DOCUMENT } from '../../../../test-support/project-paths.mjs';

/** The benchmark's corpus generator (realistic documents, a few deliberately broken). */
export { CORPUS_GENERATOR as GEN_CORPUS } from '../../../../test-support/project-paths.mjs';

/** A fresh temporary folder, removed when the test file ends. */
export function makeTempFolder(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `qadocs-cli-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Copy the project's `content/` to `<dir>/<name>`; returns the copy's path. */
export function copyContent(dir: string, name = 'content'): string {
  const target = path.join(dir, name);
  cpSync(CONTENT_DIR, target, { recursive: true });
  return target;
}
