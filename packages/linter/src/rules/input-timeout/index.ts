import { defineParserReportedRule } from '../parser-reported-rule.js';

export default defineParserReportedRule({
  id: 'input/timeout',
  description: 'Disallow files that take longer than the time limit to parse',
  severity: 'error',
});
