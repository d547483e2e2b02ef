// Adds up the vitest JSON reports of every package into the closing line CI reads.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const group of ['packages', 'bench', 'integration']) {
  const base = path.join(root, group);
  if (!existsSync(base)) continue;
  const dirs = group !== 'packages' ? [base] : readdirSync(base).map((name) => path.join(base, name));
  for (const dir of dirs) {
    if (!existsSync(path.join(dir, 'vitest.config.ts'))) continue;
    const file = path.join(dir, 'test-results.json');
    if (!existsSync(file)) {
      missing.push(path.relative(root, dir));
      continue;
    }
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0);
    skipped += report.numPendingTests + report.numTodoTests;
  }
}
for (const dir of missing) console.log(`no test report from ${dir}: counted as one failure`);
failed += missing.length;
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
