import { defineParserReportedRule } from '../parser-reported-rule.js';

export default defineParserReportedRule({
  id: 'frontmatter/id',
  description: 'Require a front-matter id or slug that is a safe relative path',
  severity: 'error',
});
