import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@qadocs/parser';
import { DEFAULT_SETTINGS } from '../../config/settings.js';
import { lintParsed } from '../../engine/lint-parsed.js';
import type { LinkCheck } from '../../links/check-links.js';
import rule from './index.js';

// The CLI hands the rule the Map that `checkLinks` returns; fixtures can only write a plain object.
describe('citation/dead-link with link results from checkLinks', () => {
  const source = readFileSync(path.join(import.meta.dirname, 'fixtures/invalid/dead-links.md'), 'utf8');
  const lint = (links: ReadonlyMap<string, LinkCheck> | null) =>
    lintParsed(parseDocument(source, { path: 'dead-links.md' }), [{ rule, severity: rule.severity, options: {} }], { ...DEFAULT_SETTINGS, links }).map((diagnostic) => `${diagnostic.line}: ${diagnostic.messageId} ${diagnostic.severity === 2 ? 'error' : 'warning'}`);

  it('reads a Map', () => {
    const links = new Map<string, LinkCheck>([
      ['https://learn.microsoft.com/en-us/azure/virtual-machines/azure-compute-gallery', { ok: true, status: 200, error: null }],
      ['https://docs.microsoft.com/en-us/azure/virtual-machines/windows/shared-image-galleries-retired', { ok: false, status: 410, error: null }],
      ['https://azure-blog.example.invalid/announcing-azure-compute-gallery', { ok: false, status: null, error: 'redirect count exceeded' }],
    ]);
    expect(lint(links)).toEqual(['6: status error', '7: noAnswer error']);
  });

  it('reports a host that could not be reached as a warning, even with the rule at error (issue 11)', () => {
    const links = new Map<string, LinkCheck>([
      ['https://docs.microsoft.com/en-us/azure/virtual-machines/windows/shared-image-galleries-retired', { ok: false, status: null, error: 'no answer within 10000 ms', unreachable: true }],
      ['https://azure-blog.example.invalid/announcing-azure-compute-gallery', { ok: false, status: null, error: 'ENOTFOUND', unreachable: true }],
      ['https://mirror.example.org/azure/compute-gallery', { ok: false, status: 404, error: null }],
    ]);
    expect(rule.severity).toBe('error');
    expect(lint(links)).toEqual(['6: notChecked warning', '7: notChecked warning', '8: status error']);
  });

  it('does nothing without --check-links', () => {
    expect(lint(null)).toEqual([]);
  });
});
