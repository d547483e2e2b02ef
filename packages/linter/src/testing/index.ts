export { testRuleFixtures, lintWithRule, formatExpectedLine, type FixtureConfig } from './rule-tester.js';
