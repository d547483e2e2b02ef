import { defineParserReportedRule } from '../parser-reported-rule.js';

export default defineParserReportedRule({
  id: 'input/too-large',
  description: 'Disallow files over the size limit',
  severity: 'error',
});
