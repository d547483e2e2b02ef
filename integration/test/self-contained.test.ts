import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../test-support/project-paths.mjs';

// The folder the project was developed beside. Built from parts so that this file does not name it.
const OUTSIDE_FOLDER = ['..', 'shared'].join('/');

function trackedFiles(): string[] {
  const listing = execFileSync('git', ['ls-files', '-z'], { cwd: REPOSITORY_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return listing.split('\0').filter((file) => file !== '');
}

describe('the repository is self-contained', () => {
  it(`no tracked file outside .ci/ names ${OUTSIDE_FOLDER}, which a user's clone does not have`, () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(100);
    const offenders = files
      .filter((file) => !file.startsWith('.ci/'))
      .flatMap((file) => {
        const text = readFileSync(path.join(REPOSITORY_ROOT, file), 'latin1');
        return text.split('\n').flatMap((line, index) => (line.includes(OUTSIDE_FOLDER) ? [`${file}:${index + 1}: ${line.trim()}`] : []));
      });
    expect(offenders).toEqual([]);
  });
});
