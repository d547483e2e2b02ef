import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@qadocs/parser';
import { REFERENCE_DOCUMENT } from '../../../../../test-support/project-paths.mjs';
import { DEFAULT_SETTINGS } from '../../config/settings.js';
import { fixSource } from '../../engine/fix-source.js';
import { lintParsed } from '../../engine/lint-parsed.js';
import { lintWithRule } from '../../testing/index.js';
import type { Rule } from '../../rule.js';
import rule from './index.js';
import duplicate from '../citation-duplicate/index.js';
import domain from '../citation-domain/index.js';
import insecureUrl from '../citation-insecure-url/index.js';
import noSource from '../citation-no-source/index.js';
import order from '../citation-order/index.js';
import uncitedClaim from '../citation-uncited-claim/index.js';
import undefinedReference from '../citation-undefined/index.js';
import unused from '../citation-unused/index.js';

// The reference document pasted from Copilot (SPEC §2): two `¹(https://…)` markers and a glued `³[^3]`.
const seed = readFileSync(REFERENCE_DOCUMENT, 'utf8');
const lintSeedText = (text: string) => lintWithRule(rule, text, {}, 'seed/000_3668c700682cea6a.txt');

describe('citation/malformed on the reference document', () => {
  it('reports the pseudo-citations at lines 15, 16 and 24', () => {
    const { diagnostics } = lintSeedText(seed);
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.line, diagnostic.column])).toEqual([
      ['citation/malformed', 15, 106],
      ['citation/malformed', 16, 84],
      ['citation/malformed', 24, 117],
    ]);
    expect(diagnostics.every((diagnostic) => diagnostic.fix !== undefined)).toBe(true);
  });

  it('fixes them so the document re-parses with 3 citations referenced 4, 3 and 1 times', () => {
    const fixed = fixSource(seed, lintSeedText);
    expect(fixed.changed).toBe(true);
    expect(fixed.refused).toBeNull();
    expect(fixed.diagnostics).toEqual([]);
    const reparsed = parseDocument(fixed.output, { path: 'seed/000_3668c700682cea6a.txt', root: '.' });
    expect(reparsed.pseudoCitations).toEqual([]);
    // `¹(…/azure-compute-gallery)` is the URL of the existing `[^1]`: both markers became `[^1]`.
    expect(reparsed.record.citations.map((citation) => [citation.label, citation.referencedBy.length])).toEqual([
      ['1', 4],
      ['2', 3],
      ['3', 1],
    ]);
    expect(reparsed.record.citations.map((citation) => citation.referencedBy.map((place) => place.start.line))).toEqual([[13, 14, 15, 16], [21, 22, 23], [24]]);
  });

  it('comes out the same when every citation rule fixes the document together', () => {
    const citationRules: Array<Rule<any>> = [rule, duplicate, domain, insecureUrl, noSource, order, uncitedClaim, undefinedReference, unused];
    const lintAll = (text: string) => {
      const parsed = parseDocument(text, { path: 'seed/000_3668c700682cea6a.txt', root: '.' });
      const configured = citationRules.map((each) => ({ rule: each, severity: each.severity, options: each.options.parse({}) }));
      return { parsed, diagnostics: lintParsed(parsed, configured, DEFAULT_SETTINGS) };
    };
    const fixed = fixSource(seed, lintAll);
    expect(fixed.diagnostics.filter((diagnostic) => diagnostic.fix)).toEqual([]);
    expect(fixed.parsed.record.citations.map((citation) => citation.referencedBy.length)).toEqual([4, 3, 1]);
    // What is left is not fixable: the two `**Purpose**` claims carry no citation.
    expect(fixed.diagnostics.map((diagnostic) => `${diagnostic.ruleId} ${diagnostic.line}`)).toEqual(['citation/uncited-claim 11', 'citation/uncited-claim 19']);
  });
});
