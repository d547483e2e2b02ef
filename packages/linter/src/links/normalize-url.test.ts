import { describe, expect, it } from 'vitest';
import { normalizeUrl } from './normalize-url.js';

describe('normalizeUrl', () => {
  it('treats spellings of one page alike', () => {
    const canonical = normalizeUrl('https://learn.microsoft.com/en-us/azure/virtual-machines/azure-compute-gallery');
    expect(normalizeUrl('HTTPS://Learn.Microsoft.com:443/en-us/azure/virtual-machines/azure-compute-gallery/')).toBe(canonical);
    expect(normalizeUrl('https://learn.microsoft.com/en-us/azure/virtual-machines/azure-compute-gallery?#')).toBe(canonical);
  });

  it('keeps what may name another resource: scheme, query, fragment', () => {
    expect(normalizeUrl('http://example.com/a')).not.toBe(normalizeUrl('https://example.com/a'));
    expect(normalizeUrl('https://example.com/a?tabs=cli')).not.toBe(normalizeUrl('https://example.com/a'));
    expect(normalizeUrl('https://example.com/a#limits')).not.toBe(normalizeUrl('https://example.com/a'));
  });

  it('returns unparsable input trimmed', () => {
    expect(normalizeUrl('  not a url ')).toBe('not a url');
  });
});
