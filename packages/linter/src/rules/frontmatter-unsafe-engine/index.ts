import { defineParserReportedRule } from '../parser-reported-rule.js';

export default defineParserReportedRule({
  id: 'frontmatter/unsafe-engine',
  description: 'Disallow front matter in an executable language',
  severity: 'error',
});
