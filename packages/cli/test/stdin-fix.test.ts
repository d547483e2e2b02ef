import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { cleanDocument, documentWithWarnings } from './support/sample-documents.js';
import { makeTempFolder, REFERENCE_DOCUMENT } from './support/temp-folder.js';

const cwd = makeTempFolder('stdin-fix');
const reference = readFileSync(REFERENCE_DOCUMENT, 'utf8');

describe('--stdin --fix prints the fixed text, as --fix writes it for a file (issue 11)', () => {
  it('stdout is the whole fixed text; the report of what is left goes to stderr', async () => {
    const [fromStdin, dryRunJson] = await Promise.all([
      runQadocs(['lint', '--stdin', '--fix', '--stdin-filename', 'doc.md'], { cwd, input: reference }),
      runQadocs(['lint', '--stdin', '--fix-dry-run', '--format', 'json'], { cwd, input: reference }),
    ]);
    expect(fromStdin.code, describeRun(fromStdin)).toBe(1);
    expect(fromStdin.stdout).toContain('### Azure Compute Gallery\n');
    expect(fromStdin.stdout).toContain('Source: Conversation with Copilot, 2024-10-10');
    expect(fromStdin.stdout).not.toContain('¹(https://');
    // The same text the file path produces (the JSON report's `output`, ESLint's field for it).
    expect(fromStdin.stdout).toBe((JSON.parse(dryRunJson.stdout) as Array<{ output: string }>)[0]!.output);
    // What is left (no category, no review) is reported on stderr, named as --stdin-filename.
    expect(fromStdin.stderr).toContain('doc.md');
    expect(fromStdin.stderr).toContain('provenance/ai-review');
    expect(fromStdin.stderr).toContain('fixed 6 problems in 1 file');
  });

  it('a text with nothing to fix comes back byte for byte, so an editor can always take stdout', async () => {
    const run = await runQadocs(['lint', '--stdin', '--fix'], { cwd, input: cleanDocument() });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).toBe(cleanDocument());
    expect(run.stderr).toBe('');
  });
});

describe('--stdin --fix-dry-run prints the diff, as for files (issue 11)', () => {
  it('a unified diff named after --stdin-filename, then the report', async () => {
    const run = await runQadocs(['lint', '--stdin', '--fix-dry-run', '--stdin-filename', 'docs/page.md'], { cwd, input: documentWithWarnings() });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).toMatch(/^--- a\/docs\/page\.md/m);
    expect(run.stdout).toMatch(/^\+\+\+ b\/docs\/page\.md/m);
    expect(run.stdout).toMatch(/^-# \*\*How do I configure qadocs rules for my project\?\*\*$/m);
    expect(run.stdout).toMatch(/^\+# How do I configure qadocs rules for my project\?$/m);
    expect(run.stdout).toContain('frontmatter/description-differs');
    expect(run.stderr).toBe('would fix 1 problem in 1 file (--fix-dry-run: nothing written)\n');
  });
});

describe('--fix-dry-run in a format read by programs keeps stdout parseable, for files and --stdin alike', () => {
  it('--format json: no diff on stdout, the fixed text in each result\'s `output`', async () => {
    writeFileSync(path.join(cwd, 'page.md'), documentWithWarnings());
    const [file, stdin] = await Promise.all([
      runQadocs(['lint', 'page.md', '--fix-dry-run', '--format', 'json'], { cwd }),
      runQadocs(['lint', '--stdin', '--stdin-filename', 'page.md', '--fix-dry-run', '--format', 'json'], { cwd, input: documentWithWarnings() }),
    ]);
    for (const run of [file, stdin]) {
      expect(run.code, describeRun(run)).toBe(0);
      const [result] = JSON.parse(run.stdout) as Array<{ output: string }>;
      expect(result!.output).toMatch(/^# How do I configure qadocs rules for my project\?$/m);
    }
    expect(readFileSync(path.join(cwd, 'page.md'), 'utf8')).toBe(documentWithWarnings());
  });
});
