import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { gitIn } from './support/git-repository.js';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { cleanDocument, writeFiles } from './support/sample-documents.js';
import { makeTempFolder, REFERENCE_DOCUMENT } from './support/temp-folder.js';

// SARIF that GitHub code scanning fully accepts (issue 14), checked with Microsoft's SARIF multitool
// (`validate --rule-kind "Sarif;Gh"`: the SARIF rules and GitHub Advanced Security's) and the 2.1.0 schema.

const require = createRequire(import.meta.url);
const base = makeTempFolder('code-scanning');
const repository = path.join(base, 'repository');
// qadocs runs from a folder below the git root, as a monorepo's docs job does: URIs are still from the root.
const cwd = path.join(repository, 'docs');

interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; name: string; fullDescription: { text: string }; help: { text: string; markdown: string }; properties: { tags: string[] } }> } };
    automationDetails: { id: string };
    invocations: Array<{ executionSuccessful: boolean; exitCode: number }>;
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Array<{ ruleId: string; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }>; partialFingerprints: Record<string, string> }>;
  }>;
}

const schemaFile = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validateSchema = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

/**
 * The multitool's Linux binary (a self-contained .NET program in `@microsoft/sarif-multitool-linux`).
 * Its package sets the execute bit in a postinstall script, which a store-linked or script-less install
 * skips, so the test runs a copy it makes executable.
 */
function multitool(): string {
  const shipped = createRequire(require.resolve('@microsoft/sarif-multitool'))('@microsoft/sarif-multitool-linux') as string;
  const copy = path.join(base, 'Sarif.Multitool');
  copyFileSync(shipped, copy);
  chmodSync(copy, 0o755);
  return copy;
}

/** Validate a SARIF file with the multitool; the results it reports, by level. */
function multitoolValidate(tool: string, sarifFile: string): { errors: string[]; warnings: string[]; notes: number; output: string } {
  const reportFile = `${sarifFile}.validation.sarif`;
  const output = execFileSync(tool, ['validate', '--rule-kind', 'Sarif;Gh', '--output', reportFile, sarifFile], { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { runs: Array<{ results?: Array<{ ruleId: string; level?: string; message: { text?: string; id?: string } }> }> };
  const results = report.runs.flatMap((run) => run.results ?? []);
  const describe = (result: (typeof results)[number]) => `${result.ruleId}: ${result.message.text ?? result.message.id}`;
  return {
    errors: results.filter((result) => result.level === 'error').map(describe),
    warnings: results.filter((result) => (result.level ?? 'warning') === 'warning').map(describe),
    notes: results.filter((result) => result.level === 'note').length,
    output,
  };
}

let log: SarifLog;
const sarifFile = path.join(base, 'qadocs.sarif');

beforeAll(async () => {
  gitIn(repository)('init', '--quiet');
  writeFiles(cwd, { 'how-to/doc.md': readFileSync(REFERENCE_DOCUMENT, 'utf8'), 'how-to/clean file.md': cleanDocument() });
  const run = await runQadocs(['lint', '.', '--format', 'sarif', '-o', sarifFile], { cwd });
  expect(run.code, describeRun(run)).toBe(1);
  log = JSON.parse(readFileSync(sarifFile, 'utf8')) as SarifLog;
});

describe('--format sarif for code scanning', () => {
  it('passes the SARIF multitool with the SARIF and GitHub rules: 0 errors, 0 warnings', () => {
    const validation = multitoolValidate(multitool(), sarifFile);
    expect(validation.errors, validation.output).toEqual([]);
    expect(validation.warnings, validation.output).toEqual([]);
  });

  it('is valid against the official SARIF 2.1.0 schema', () => {
    expect(validateSchema(log), JSON.stringify(validateSchema.errors, null, 2)).toBe(true);
  });

  it('describes every rule as code scanning shows it: name, full description, help in text and Markdown, tags', () => {
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.length).toBeGreaterThanOrEqual(32);
    for (const rule of rules) {
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(rule.fullDescription.text.length).toBeGreaterThan(20);
      expect(rule.help.markdown).toContain(`# ${rule.id}`);
      expect(rule.help.text.length).toBeGreaterThan(0);
      expect(rule.properties.tags).toContain(rule.id.split('/')[0]);
    }
  });

  it('makes URIs relative to the git root, which originalUriBaseIds names, and records the run', () => {
    const run = log.runs[0]!;
    const uris = new Set(run.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri));
    expect([...uris]).toEqual(['docs/how-to/doc.md']);
    expect(run.results.every((result) => result.locations[0]!.physicalLocation.artifactLocation.uriBaseId === '%SRCROOT%')).toBe(true);
    expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`file://${repository}/`);
    expect(run.automationDetails).toEqual({ id: 'qadocs/' });
    expect(run.invocations).toEqual([{ executionSuccessful: true, exitCode: 1 }]);
  });

  it('keeps the same partialFingerprints after lines are inserted above the problems, from the cache too', async () => {
    const fingerprints = (sarif: SarifLog) => sarif.runs[0]!.results.map((result) => `${result.ruleId} ${result.partialFingerprints.primaryLocationLineHash}`).sort();
    const lines = (sarif: SarifLog) => sarif.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.region.startLine);
    const file = path.join(cwd, 'how-to/doc.md');
    const original = readFileSync(file, 'utf8');
    // Three new lines right after the question: every problem below moves down by three.
    const edited = original.replace(/^(What's the difference.*\n)/m, '$1\nA new first paragraph\nover two lines.\n');
    expect(edited).not.toBe(original);
    writeFileSync(file, edited);
    const moved = await runQadocs(['lint', '.', '--format', 'sarif', '--cache', '--cache-location', path.join(base, 'cache')], { cwd });
    expect(moved.code, describeRun(moved)).toBe(1);
    const movedLog = JSON.parse(moved.stdout) as SarifLog;
    expect(lines(movedLog).filter((line, index) => line !== lines(log)[index]).length).toBeGreaterThan(5);
    expect(fingerprints(movedLog)).toEqual(fingerprints(log));
    expect(new Set(fingerprints(log)).size).toBe(log.runs[0]!.results.length);
    const cached = await runQadocs(['lint', '.', '--format', 'sarif', '--cache', '--cache-location', path.join(base, 'cache')], { cwd });
    expect(fingerprints(JSON.parse(cached.stdout) as SarifLog)).toEqual(fingerprints(log));
  });

  it("gives each shard its own automation id, so code scanning keeps each shard's alerts", async () => {
    const run = await runQadocs(['lint', '.', '--format', 'sarif', '--shard', '2/2'], { cwd });
    expect((JSON.parse(run.stdout) as SarifLog).runs[0]!.automationDetails).toEqual({ id: 'qadocs/shard-2-of-2/' });
  });
});
