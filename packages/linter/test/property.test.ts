import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintSource, resolveConfig } from '../src/index.js';
import { markdownish } from '../../../test-support/markdownish.mjs';

describe('lint never crashes, whatever the input', () => {
  const config = resolveConfig({ extends: 'strict' }, { baseDirectory: process.cwd() });

  it('returns diagnostics (no rule crash) whose positions lie inside the source, and fixes that stay in range', () => {
    fc.assert(
      fc.property(markdownish(fc), (text) => {
        const { result, parsed } = lintSource(text, { filePath: `${process.cwd()}/content/how-to/property.md`, root: `${process.cwd()}/content`, config });
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const message of result.messages) {
          expect(message.reason).not.toMatch(/Unexpected crash in rule/);
          expect(message.line).toBeGreaterThanOrEqual(1);
          expect(message.endLine).toBeLessThanOrEqual(lines);
          expect(message.place.start.offset).toBeLessThanOrEqual(message.place.end.offset);
          expect(message.place.end.offset).toBeLessThanOrEqual(parsed.source.length);
          if (message.fix) {
            expect(message.fix.range[0]).toBeLessThanOrEqual(message.fix.range[1]);
            expect(message.fix.range[1]).toBeLessThanOrEqual(parsed.source.length);
          }
        }
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });
});
