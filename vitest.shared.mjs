// Shared vitest settings: every package writes its counts to test-results.json for .ci/run to add up.
export const sharedTestConfig = {
  include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};
