import { testRuleFixtures } from '../../testing/index.js';
import rule from './index.js';

testRuleFixtures(rule, import.meta.dirname);
