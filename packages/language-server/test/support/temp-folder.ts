import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export { REFERENCE_DOCUMENT, REPOSITORY_ROOT } from '../../../../test-support/project-paths.mjs';

/** A fresh temporary folder, removed when the test file ends. */
export function makeTempFolder(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `qadocs-lsp-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
