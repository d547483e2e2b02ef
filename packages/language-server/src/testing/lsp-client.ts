import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node.js';

/** The package's own bin, run as an editor runs it. */
export const SERVER_BIN = fileURLToPath(new URL('../../bin/qadocs-language-server.js', import.meta.url));

export interface StartOptions {
  /** The workspace folder (the server's config is searched from it). */
  cwd: string;
  settings?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  /** The command to run instead of the package's bin (`qadocs lsp --stdio`). */
  command?: string[];
}

/** A real JSON-RPC client driving the server as a separate process over stdio. */
export interface LspClient {
  connection: ProtocolConnection;
  child: ChildProcess;
  initializeResult: InitializeResult;
  /** Edits the server asked the client to apply (`workspace/applyEdit`). */
  appliedEdits: WorkspaceEdit[];
  /** Messages the server showed (`window/showMessage`). */
  messages: string[];
  uriOf(file: string): string;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, version: number, text: string): void;
  close(uri: string): void;
  /** The next diagnostics published for `uri` (after this call) that `accept` takes. */
  nextDiagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  /** Shutdown, exit, and the process's exit code. */
  stop(): Promise<number | null>;
}

export async function startClient(options: StartOptions): Promise<LspClient> {
  const [command, ...args] = options.command ?? [process.execPath, SERVER_BIN, '--stdio'];
  const child = spawn(command!, args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: Array<{ uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }> = [];
  const appliedEdits: WorkspaceEdit[] = [];
  const messages: string[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const index = waiters.findIndex((waiter) => waiter.uri === params.uri && waiter.accept(params));
    if (index >= 0) waiters.splice(index, 1)[0]!.resolve(params);
  });
  connection.onNotification('window/showMessage', (params: { message: string }) => messages.push(params.message));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? null));
  connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
    appliedEdits.push(params.edit);
    return { applied: true };
  });
  connection.listen();
  const rootUri = pathToFileURL(options.cwd).href;
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
    capabilities: options.capabilities ?? { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    initializationOptions: { settings: options.settings ?? {} },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    child,
    initializeResult,
    appliedEdits,
    messages,
    uriOf: (file) => pathToFileURL(file).href,
    open: (uri, text, version = 1) => void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } }),
    change: (uri, version, text) => void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] }),
    close: (uri) => void connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } }),
    nextDiagnostics: (uri, accept = () => true) =>
      new Promise((resolve, reject) => {
        waiters.push({ uri, accept, resolve });
        exited.then((code) => reject(new Error(`server exited (${code}) before diagnostics for ${uri}: ${stderr}`)));
      }),
    stop: async () => {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}

/** Apply a WorkspaceEdit's changes for one document to its text (edits do not overlap, as LSP requires). */
export function applyEdit(text: string, edit: WorkspaceEdit, uri: string): string {
  const edits = [...(edit.changes?.[uri] ?? [])];
  const lines = lineOffsets(text);
  const offset = (position: { line: number; character: number }) => (lines[position.line] ?? text.length) + position.character;
  edits.sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const change of edits) result = result.slice(0, offset(change.range.start)) + change.newText + result.slice(offset(change.range.end));
  return result;
}

function lineOffsets(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}
