import { describe, expect, it } from 'vitest';
import { formatExpectedLine, lintWithRule, testRuleFixtures } from '../../testing/index.js';
import rule from './index.js';

testRuleFixtures(rule, import.meta.dirname);

// `settings.frontmatter.validate` is a function (a zod schema from the config): fixtures cannot hold one.
describe('frontmatter/schema with settings.frontmatter.validate', () => {
  const source = '---\ntitle: Share a gallery\ncategory: howto\n---\n\nHow do I share a gallery?\n\nGrant the other tenant the Reader role.\n';
  const validate = (data: Record<string, unknown>) => [
    ...(data.category === 'how-to' ? [] : [{ key: 'category', message: 'Invalid option: expected one of "tutorial"|"how-to"|"reference"|"explanation"' }]),
    ...('reviewed_by' in data ? [] : [{ key: '', message: 'missing reviewed_by' }]),
  ];

  it('reports each problem the configured validator returns, at its key or at the opener', () => {
    const { diagnostics } = lintWithRule(rule, source, { settings: { frontmatter: { validate } } });
    expect(diagnostics.map(formatExpectedLine)).toEqual([
      '1:1-1:4: Unexpected front matter: missing reviewed_by',
      '3:1-3:16: Unexpected front-matter value at `category`: Invalid option: expected one of "tutorial"|"how-to"|"reference"|"explanation"',
    ]);
  });

  it('prefers the rule option `schema` over the settings validator', () => {
    const { diagnostics } = lintWithRule(rule, source, { options: { schema: { type: 'object' } }, settings: { frontmatter: { validate } } });
    expect(diagnostics).toEqual([]);
  });

  it('refuses a schema Ajv cannot compile when the options load', () => {
    expect(() => rule.options.parse({ schema: { type: 'object', properties: { title: { type: 'text' } } } })).toThrow(/Unexpected JSON Schema/);
  });
});
