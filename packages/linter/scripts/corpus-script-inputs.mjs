// What every corpus script of this package starts from: the labelled corpus, named only by
// QADOCS_CORPUS (without it a script skips, exit 0, so CI without the corpus passes), and this package's
// built modules (without a build, exit 2 saying how to make one).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** This package's folder (the scripts' parent). */
export const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The corpus folder from QADOCS_CORPUS, or exit 0 after one `skipped: <what>` line. */
export function corpusFolderOrSkip(whatIsSkipped) {
  if (!process.env.QADOCS_CORPUS) {
    console.error(`skipped: ${whatIsSkipped}`);
    process.exit(0);
  }
  return path.resolve(process.env.QADOCS_CORPUS);
}

/** The built modules, by path under dist/ (`classifier/index.js`), in order; exit 2 when dist/ is missing. */
export async function importBuilt(...distPaths) {
  try {
    return await Promise.all(distPaths.map((distPath) => import(path.join(PACKAGE_DIR, 'dist', distPath))));
  } catch (error) {
    console.error(`Unexpected missing build of @qadocs/linter (${error.message}), expected dist/: run \`pnpm --filter @qadocs/linter build\` first`);
    process.exit(2);
  }
}
