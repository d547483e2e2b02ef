import { defineParserReportedRule } from '../parser-reported-rule.js';

export default defineParserReportedRule({
  id: 'input/encoding',
  description: 'Require files encoded as valid UTF-8',
  severity: 'error',
});
