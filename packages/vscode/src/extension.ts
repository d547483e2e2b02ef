import path from 'node:path';
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** The settings the server reads, from VS Code's `qadocs.*` (the server validates them). */
function serverSettings() {
  const config = workspace.getConfiguration('qadocs');
  return { enable: config.get('enable'), configFile: config.get('configFile') || null, run: config.get('run'), debounceMs: config.get('debounceMs') };
}

/**
 * Starts the bundled qadocs language server for Markdown documents. The server is a separate Node
 * process (VS Code's own runtime) over stdio, the transport every other editor uses too.
 */
export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    initializationOptions: { settings: serverSettings() },
    synchronize: {
      configurationSection: 'qadocs',
      // Config changes re-lint every open document.
      fileEvents: workspace.createFileSystemWatcher('**/{qadocs.config.json,qadocs.config.yaml,qadocs.config.yml,qadocs.config.js,qadocs.config.mjs,qadocs.config.ts,package.json}'),
    },
  };
  client = new LanguageClient('qadocs', 'qadocs', serverOptions, clientOptions);
  context.subscriptions.push(
    commands.registerCommand('qadocs.fixAll', async () => {
      const editor = window.activeTextEditor;
      if (!editor || !client) return;
      await client.sendRequest('workspace/executeCommand', { command: 'qadocs.fixAll', arguments: [editor.document.uri.toString()] });
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
