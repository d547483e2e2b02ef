#!/usr/bin/env node
// `qadocs-language-server --stdio`: the transport every LSP client offers (and the only one served).
const transports = process.argv.slice(2).filter((argument) => argument.startsWith('--') && argument !== '--stdio');
if (transports.length > 0) {
  process.stderr.write(`qadocs-language-server: Unexpected ${transports.join(' ')}, expected --stdio\n`);
  process.exit(2);
}
const { startStdioServer } = await import('../dist/index.js');
startStdioServer();
