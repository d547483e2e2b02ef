import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';
import { serve, type ServeOptions } from './server.js';

export { serve, FIX_ALL_COMMAND, type ServeOptions } from './server.js';
export { FIX_ALL_KIND } from './code-actions.js';
export { readServerSettings, DEFAULT_SERVER_SETTINGS, type ServerSettings } from './server-settings.js';

/**
 * Start the server on standard input and output (`--stdio`, the transport every editor offers).
 * Nothing else may write to standard output: the connection sends console output to the client's log.
 */
export function startStdioServer(options: ServeOptions = {}): void {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  // A failure in one request must not end the server that the author's editor depends on: it is logged.
  process.on('unhandledRejection', (reason) => connection.console.error(`qadocs: ${(reason as Error)?.stack ?? String(reason)}`));
  serve(connection, options);
}
