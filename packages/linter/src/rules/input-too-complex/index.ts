import { defineParserReportedRule } from '../parser-reported-rule.js';

export default defineParserReportedRule({
  id: 'input/too-complex',
  description: 'Disallow files nested too deeply to parse',
  severity: 'error',
});
