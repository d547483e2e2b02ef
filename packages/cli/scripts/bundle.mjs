// Bundles the compiled CLI and its worker with esbuild. Loading ~400 small ESM modules (the unified
// ecosystem) costs more than linting one file, and editors and pre-commit hooks lint one file.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

// The engine's worker module, bundled as the pool's worker (the engine exposes only its entry point).
const engineWorker = path.join(path.dirname(createRequire(import.meta.url).resolve('@qadocs/engine')), 'worker.js');

// Chunk names carry content hashes: without a clean folder, every build would leave the old ones behind.
rmSync('dist/chunks', { recursive: true, force: true });

await build({
  entryPoints: { qadocs: 'dist/main.js', 'qadocs-worker': engineWorker },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // piscina starts workers from files of its own package, and pagefind finds its binary in the
  // platform package beside its own: both are loaded at run time, not bundled.
  external: ['piscina', 'pagefind'],
  banner: { js: "import { createRequire as __qadocsCreateRequire } from 'node:module'; const require = __qadocsCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
