import { defineParserReportedRule } from '../parser-reported-rule.js';

export default defineParserReportedRule({
  id: 'frontmatter/parse-error',
  description: 'Require front matter that is terminated, valid YAML and a mapping',
  severity: 'error',
});
