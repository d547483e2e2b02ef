export { applyEdit, SERVER_BIN, startClient, type LspClient, type StartOptions } from './lsp-client.js';
