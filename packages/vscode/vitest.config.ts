// This package is CommonJS (VS Code loads extensions with require, piscina its worker as worker.js);
// vitest loads this ES module config all the same (it warns about the package type, harmlessly).
import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.mjs';

export default defineConfig({ test: { ...sharedTestConfig } });
