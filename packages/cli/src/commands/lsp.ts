import { startStdioServer } from '@qadocs/language-server';
import { bundledWorkerFile } from '../run-context.js';
import { EXIT } from '../usage-error.js';

/**
 * `qadocs lsp --stdio`: the language server on standard input and output, linting with this CLI's
 * bundled worker. The process lives until the client sends `exit` (the server then ends it).
 */
export function lspCommand(): number {
  const workerFile = bundledWorkerFile();
  startStdioServer(workerFile ? { workerFile } : {});
  return EXIT.ok;
}
