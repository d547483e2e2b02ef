// Builds the extension into dist/ and packages it as a .vsix with `vsce package`, offline.
//
// The .vsix is self-contained: no node_modules, every dependency bundled by esbuild:
// - dist/extension.js   the extension (vscode-languageclient; `vscode` is VS Code's own),
// - dist/server.js      the language server (@qadocs/language-server with the engine and linter),
// - dist/worker.js      piscina's worker, which piscina starts from its own folder (`__dirname/worker.js`),
// - dist/qadocs-worker.mjs  the engine's worker (ES module: it awaits its setup at top level),
// - dist/linter/        the linter's package.json and rule docs, which the linter reads at run time.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const linterEntry = require.resolve('@qadocs/linter');
const linterRoot = path.resolve(path.dirname(linterEntry), '..');
const engineWorker = path.join(path.dirname(require.resolve('@qadocs/engine')), 'worker.js');
const piscinaWorker = path.join(path.dirname(require.resolve('piscina', { paths: [path.dirname(require.resolve('@qadocs/engine'))] })), 'worker.js');

rmSync('dist', { recursive: true, force: true });

/**
 * The linter finds its own files and its run-time dependencies through its package entry
 * (`package-files.ts`), which a bundle without node_modules cannot resolve. Here its files are copied to
 * dist/linter/, and the modules it loads on demand (jiti for JS/TS configs, ajv for front-matter schemas)
 * are required by name so that esbuild bundles them.
 */
const linterPackageFiles = {
  name: 'linter-package-files',
  setup(context) {
    context.onLoad({ filter: /[\\/]linter[\\/]dist[\\/]package-files\.js$/ }, () => ({
      resolveDir: path.dirname(linterEntry),
      loader: 'js',
      contents: `
        import { fileURLToPath } from 'node:url';
        const entry = new URL('./linter/dist/index.js', import.meta.url);
        const bundled = {
          jiti: () => require('jiti'),
          ajv: () => require('ajv'),
          'ajv/dist/2019': () => require('ajv/dist/2019'),
          'ajv/dist/2020': () => require('ajv/dist/2020'),
          'ajv-formats': () => require('ajv-formats'),
        };
        export function requireFromLinter(id) {
          const load = bundled[id];
          if (!load) throw new Error('Unexpected module "' + id + '" in the qadocs extension, expected one it bundles');
          return load();
        }
        export function linterPackageFile(relativePath) {
          return fileURLToPath(new URL('../' + relativePath, entry));
        }
      `,
    }));
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', plugins: [linterPackageFiles], legalComments: 'none' };
// CommonJS bundles have no import.meta.url: the ES modules they contain get the bundle's own.
const cjs = { ...common, format: 'cjs', define: { 'import.meta.url': '__bundleUrl' }, banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" } };

await Promise.all([
  build({ ...cjs, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  // piscina loads @napi-rs/nice (thread priorities, a native addon) only when asked and only if present.
  build({ ...cjs, entryPoints: { server: 'src/server.ts', worker: piscinaWorker }, outdir: 'dist', external: ['@napi-rs/nice'] }),
  build({
    ...common,
    entryPoints: { 'qadocs-worker': engineWorker },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    banner: { js: "import { createRequire as __qadocsCreateRequire } from 'node:module'; const require = __qadocsCreateRequire(import.meta.url);" },
  }),
]);

mkdirSync('dist/linter/dist', { recursive: true });
const { name, version } = JSON.parse(readFileSync(path.join(linterRoot, 'package.json'), 'utf8'));
writeFileSync('dist/linter/package.json', JSON.stringify({ name, version }, null, 2) + '\n');
cpSync(path.join(linterRoot, 'docs', 'rules'), 'dist/linter/docs/rules', { recursive: true });

// No publishing and no network: `--no-dependencies` keeps vsce from listing node_modules (all bundled).
const { version: extensionVersion } = JSON.parse(readFileSync('package.json', 'utf8'));
execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--skip-license', '--out', `dist/qadocs-vscode-${extensionVersion}.vsix`], { stdio: ['ignore', 'inherit', 'inherit'] });
