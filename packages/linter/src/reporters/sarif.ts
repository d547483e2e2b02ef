import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Diagnostic, LintResult } from '@qadocs/schema';
import { linterPackageFile } from '../package-files.js';
import { ruleDocsUrl, ruleFolderName, type Rule } from '../rule.js';
import { rules as registeredRules } from '../rules/index.js';

export interface SarifOptions {
  /** Artifact URIs are relative to this folder, `%SRCROOT%` (the git root in CI). Default `cwd`. */
  srcRoot?: string;
  /** The folder relative file paths are resolved against. Default the current directory. */
  cwd?: string;
  /** Rules listed in `tool.driver.rules`; default the registry. */
  rules?: readonly Rule<any>[];
  /**
   * `runs[0].automationDetails.id`: code scanning keeps one set of alerts per category (the part before
   * the last `/`), so each shard of a matrix needs its own. Default `qadocs/`.
   */
  automationId?: string;
  /** The process's exit code, for `invocations` (a run that found errors still executed successfully). */
  exitCode?: number;
}

const INFORMATION_URI = 'https://github.com/qadocs/qadocs';
const SRCROOT = '%SRCROOT%';

/** The linter's version, from its package.json. */
const PACKAGE_VERSION = (JSON.parse(readFileSync(linterPackageFile('package.json'), 'utf8')) as { version: string }).version;

/**
 * SARIF 2.1.0 for code scanning: one run, every known rule in `tool.driver.rules` with the metadata
 * GitHub shows (name, descriptions, help from the rule's docs page, tags), one result per diagnostic with
 * a region in the original file (1-based, end column exclusive), an artifact URI relative to `%SRCROOT%`,
 * and a fingerprint that survives lines added above the problem.
 */
export function toSarif(results: readonly LintResult[], options: SarifOptions = {}): Sarif.Log {
  const cwd = options.cwd ?? process.cwd();
  const srcRoot = path.resolve(cwd, options.srcRoot ?? cwd);
  const known = [...(options.rules ?? registeredRules)];
  const descriptors: Sarif.ReportingDescriptor[] = known.map(ruleDescriptor);
  const indexById = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const sarifResults: Sarif.Result[] = [];
  for (const result of results) {
    const uri = artifactUri(path.resolve(cwd, result.filePath), srcRoot);
    const text = result.output ?? result.source;
    const lines = text === undefined ? null : text.split(/\r\n|\r|\n/);
    const occurrences = new Map<string, number>();
    for (const diagnostic of result.messages) {
      let ruleIndex = indexById.get(diagnostic.ruleId);
      if (ruleIndex === undefined) {
        // A rule the registry does not know (a plugin, a crash): list it so ruleIndex stays valid.
        ruleIndex = descriptors.push(unknownRuleDescriptor(diagnostic.ruleId)) - 1;
        indexById.set(diagnostic.ruleId, ruleIndex);
      }
      const key = fingerprintKey(diagnostic, uri, lines);
      const occurrence = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, occurrence);
      sarifResults.push(toSarifResult(diagnostic, ruleIndex, uri, `${key}:${occurrence}`));
    }
  }
  const exitCode = options.exitCode;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'qadocs', version: PACKAGE_VERSION, semanticVersion: PACKAGE_VERSION, informationUri: INFORMATION_URI, rules: descriptors } },
        automationDetails: { id: options.automationId ?? 'qadocs/' },
        // Exit 1 means problems were found: the run itself succeeded. 2 is a usage, config or internal error.
        invocations: [{ executionSuccessful: exitCode === undefined || exitCode <= 1, ...(exitCode !== undefined ? { exitCode } : {}) }],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(srcRoot.endsWith(path.sep) ? srcRoot : `${srcRoot}${path.sep}`).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
}

/** `--format sarif`: the SARIF log, pretty-printed. */
export function formatSarif(results: readonly LintResult[], options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(results, options), null, 2)}\n`;
}

/** `citation/malformed` -> `CitationMalformed`: SARIF's friendly name is one Pascal-case identifier. */
export function ruleFriendlyName(ruleId: string): string {
  return ruleId
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

function ruleDescriptor(rule: Rule<any>): Sarif.ReportingDescriptor {
  const docs = ruleDocsPage(rule.id);
  const description = `${rule.description}.`;
  return {
    id: rule.id,
    name: ruleFriendlyName(rule.id),
    shortDescription: { text: description },
    fullDescription: { text: docs ? rationale(docs) ?? description : description },
    help: docs ? { text: docs, markdown: docs } : { text: `${description} See ${ruleDocsUrl(rule.id)}`, markdown: `${description} See [the rule's page](${ruleDocsUrl(rule.id)}).` },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
    properties: { tags: ruleTags(rule.id, rule.fixable) },
  };
}

function unknownRuleDescriptor(ruleId: string): Sarif.ReportingDescriptor {
  const text = `Problems reported under ${ruleId}.`;
  return {
    id: ruleId,
    name: ruleFriendlyName(ruleId),
    shortDescription: { text },
    fullDescription: { text },
    help: { text: `${text} See ${ruleDocsUrl(ruleId)}`, markdown: `${text} See [the rule's page](${ruleDocsUrl(ruleId)}).` },
    helpUri: ruleDocsUrl(ruleId),
    properties: { tags: ruleTags(ruleId, false) },
  };
}

/** Code scanning filters alerts by tag: the tool's kind, the rule's group, and whether `--fix` fixes it. */
function ruleTags(ruleId: string, fixable: boolean): string[] {
  return ['documentation', 'qadocs', ruleId.split('/')[0]!, ...(fixable ? ['fixable'] : [])];
}

const docsPages = new Map<string, string | null>();

/** The rule's generated docs page without its "generated" note, or null (a rule outside the registry). */
function ruleDocsPage(ruleId: string): string | null {
  let page = docsPages.get(ruleId);
  if (page === undefined) {
    const file = linterPackageFile(`docs/rules/${ruleFolderName(ruleId)}.md`);
    page = existsSync(file) ? readFileSync(file, 'utf8').replace(/^<!--[^]*?-->\s*/, '').trimEnd() : null;
    docsPages.set(ruleId, page);
  }
  return page;
}

/** The docs page's first paragraph under `## Rationale`, as plain text on one line. */
function rationale(page: string): string | null {
  const section = /^## Rationale\s*\n+([^]*?)(?:\n\n|\n#|$)/m.exec(page);
  return section ? section[1]!.replace(/\s*\n\s*/g, ' ').trim() : null;
}

/**
 * What identifies a problem across commits: the rule, the file and the text of the lines it covers
 * (whitespace-trimmed) with the columns inside them, never its line number, so lines added or removed
 * above leave it unchanged. Without the text (a result from the cache), the message stands in for it.
 */
function fingerprintKey(diagnostic: Diagnostic, uri: string, lines: string[] | null): string {
  const covered = lines ? lines.slice(diagnostic.line - 1, diagnostic.endLine).map((line) => line.trim()).join('\n') : `message:${diagnostic.message}`;
  const span = `${diagnostic.column}:${diagnostic.endLine - diagnostic.line}:${diagnostic.endColumn}`;
  return createHash('sha256').update(`${diagnostic.ruleId}\0${uri}\0${span}\0${covered}`).digest('hex').slice(0, 16);
}

function toSarifResult(diagnostic: Diagnostic, ruleIndex: number, uri: string, fingerprint: string): Sarif.Result {
  const artifactLocation: Sarif.ArtifactLocation = { uri, uriBaseId: SRCROOT };
  return {
    ruleId: diagnostic.ruleId,
    ruleIndex,
    level: diagnostic.severity === 2 ? 'error' : 'warning',
    message: { text: diagnostic.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: { startLine: diagnostic.line, startColumn: diagnostic.column, endLine: diagnostic.endLine, endColumn: diagnostic.endColumn },
        },
      },
    ],
    partialFingerprints: { primaryLocationLineHash: fingerprint },
    ...(diagnostic.fix
      ? {
          fixes: [
            {
              description: { text: `Fix for ${diagnostic.ruleId}.` },
              artifactChanges: [
                {
                  artifactLocation,
                  replacements: [{ deletedRegion: { charOffset: diagnostic.fix.range[0], charLength: diagnostic.fix.range[1] - diagnostic.fix.range[0] }, insertedContent: { text: diagnostic.fix.text } }],
                },
              ],
            },
          ],
        }
      : {}),
  };
}

/** Relative to `srcRoot` and percent-encoded, `..` segments for a file outside it (never an absolute URI). */
function artifactUri(absolute: string, srcRoot: string): string {
  const relative = path.relative(srcRoot, absolute);
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}
