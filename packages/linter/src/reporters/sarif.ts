import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Diagnostic, LintResult } from '@qadocs/schema';
import { linterPackageFile } from '../package-files.js';
import { ruleDocsUrl, type Rule } from '../rule.js';
import { rules as registeredRules } from '../rules/index.js';

export interface SarifOptions {
  /** Artifact URIs are relative to this folder (the repository root in CI). Default the current directory. */
  cwd?: string;
  /** Rules listed in `tool.driver.rules`; default the registry. */
  rules?: readonly Rule<any>[];
}

const INFORMATION_URI = 'https://github.com/qadocs/qadocs';

/** The linter's version, from its package.json. */
const PACKAGE_VERSION = (JSON.parse(readFileSync(linterPackageFile('package.json'), 'utf8')) as { version: string }).version;

/**
 * SARIF 2.1.0 for code scanning: one run, every known rule in `tool.driver.rules` with its default level,
 * one result per diagnostic with a region in the original file (1-based, end column exclusive).
 */
export function toSarif(results: readonly LintResult[], options: SarifOptions = {}): Sarif.Log {
  const cwd = options.cwd ?? process.cwd();
  const known = [...(options.rules ?? registeredRules)];
  const descriptors: Sarif.ReportingDescriptor[] = known.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
  }));
  const indexById = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const sarifResults: Sarif.Result[] = [];
  for (const result of results) {
    const uri = artifactUri(result.filePath, cwd);
    for (const diagnostic of result.messages) {
      let ruleIndex = indexById.get(diagnostic.ruleId);
      if (ruleIndex === undefined) {
        // A rule the registry does not know (a plugin, a crash): list it so ruleIndex stays valid.
        ruleIndex = descriptors.push({ id: diagnostic.ruleId, shortDescription: { text: diagnostic.ruleId }, helpUri: ruleDocsUrl(diagnostic.ruleId) }) - 1;
        indexById.set(diagnostic.ruleId, ruleIndex);
      }
      sarifResults.push(toSarifResult(diagnostic, ruleIndex, uri));
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'qadocs', version: PACKAGE_VERSION, informationUri: INFORMATION_URI, rules: descriptors } },
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

function toSarifResult(diagnostic: Diagnostic, ruleIndex: number, uri: string): Sarif.Result {
  const artifactLocation: Sarif.ArtifactLocation = uri.startsWith('file:') ? { uri } : { uri, uriBaseId: '%SRCROOT%' };
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
    ...(diagnostic.fix
      ? {
          fixes: [
            {
              description: { text: `Fix for ${diagnostic.ruleId}` },
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

/** Relative and percent-encoded inside `cwd` (what code scanning expects); a `file:` URI outside it. */
function artifactUri(filePath: string, cwd: string): string {
  const absolute = path.resolve(cwd, filePath);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return pathToFileURL(absolute).href;
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}
