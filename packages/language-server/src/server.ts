import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAMES } from '@qadocs/linter';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND, fixAllEdit, quickFixes, wantsKind } from './code-actions.js';
import { complete, completesFootnoteLabel } from './completion.js';
import { DocumentAnalyses, type Analysis } from './document-analyses.js';
import { documentSymbols } from './document-symbols.js';
import { footnoteAt, footnoteDefinition, footnoteHover, footnoteReferences, renameFootnote } from './footnotes.js';
import { toLspDiagnostic } from './lsp-diagnostics.js';
import { readServerSettings, type ServerSettings } from './server-settings.js';
import { WorkspaceLinter } from './workspace-linter.js';

/** The command a client runs to apply every fix to a document (`arguments: [uri]`). */
export const FIX_ALL_COMMAND = 'qadocs.fixAll';

export interface ServeOptions {
  /** The engine worker module (a file URL), when the server is bundled; default the engine's own. */
  workerFile?: string;
}

/** The language ids of the documents qadocs lints (VS Code, Neovim and Helix say `markdown`). */
const MARKDOWN = /^(markdown|md)$/;

/**
 * Serve the language server on a connection: diagnostics on open and change, quick fixes, fix-all and
 * footnote navigation, each answered from the engine's analysis of the document's current text.
 */
export function serve(connection: Connection, options: ServeOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let settings: ServerSettings = readServerSettings(undefined).settings;
  let cwd = process.cwd();
  let linter: WorkspaceLinter | null = null;
  let linterReady: Promise<void> = Promise.resolve();
  let resolveEdits = false;
  let watchRegistration = false;
  let configurationPull = false;
  // A notification, not `window.showErrorMessage`: that is a request, and a client that does not answer
  // it (or closes the message) must not leave a rejected promise behind.
  const tell = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message: `qadocs: ${message}` });

  const analyses = new DocumentAnalyses({
    lint: (uri, text) => (settings.enable && linter && isLinted(documents.get(uri)) ? linter.lint(uri, text) : null),
    publish: (analysis) => {
      void connection.sendDiagnostics({ uri: analysis.uri, version: analysis.version, diagnostics: analysis.outcome.result.messages.map((message) => toLspDiagnostic(analysis.snapshot, message)) });
    },
  });

  /** Load the config and start the workers; on a bad config the author is told and the old linter stays. */
  const reloadLinter = async () => {
    try {
      const next = await WorkspaceLinter.create({ cwd, configFile: settings.configFile, timeoutMs: settings.timeoutMs, ...(options.workerFile ? { workerFile: options.workerFile } : {}) });
      const previous = linter;
      linter = next;
      await previous?.close();
    } catch (error) {
      tell(MessageType.Error, (error as Error).message);
    }
  };
  const relint = () => {
    linterReady = reloadLinter().then(() => {
      if (!settings.enable) for (const document of documents.all()) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      analyses.relintAll();
    });
    return linterReady;
  };
  const applySettings = (input: unknown) => {
    const read = readServerSettings(input);
    for (const problem of read.problems) tell(MessageType.Warning, problem);
    settings = read.settings;
  };

  /** The current version's analysis, or null when qadocs does not lint the document. */
  const analysisOf = async (uri: string): Promise<Analysis | null> => {
    await linterReady;
    const document = documents.get(uri);
    return document && isLinted(document) ? analyses.current(document) : null;
  };

  connection.onInitialize((params): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder?.startsWith('file:')) cwd = fileURLToPath(folder);
    else if (params.rootPath) cwd = params.rootPath;
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    applySettings(init?.settings);
    resolveEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') ?? false;
    watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false;
    configurationPull = params.capabilities.workspace?.configuration ?? false;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        completionProvider: { triggerCharacters: ['^', ':'] },
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'qadocs-language-server' },
    };
  });

  connection.onInitialized(async () => {
    if (watchRegistration) {
      const globPattern = `**/{${[...CONFIG_FILE_NAMES, 'package.json'].join(',')}}`;
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern }] });
    }
    if (configurationPull) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'qadocs' });
      applySettings(await connection.workspace.getConfiguration('qadocs').catch(() => undefined));
    }
    await relint();
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { qadocs?: unknown } | null)?.qadocs;
    applySettings(pushed ?? (configurationPull ? await connection.workspace.getConfiguration('qadocs').catch(() => undefined) : undefined));
    await relint();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    const current = linter?.config.file ?? null;
    const touchesConfig = changes.some(({ uri }) => {
      const file = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
      return file === current || (CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(file)) || path.basename(file) === 'package.json';
    });
    if (touchesConfig) await relint();
  });

  documents.onDidOpen(({ document }) => {
    if (isLinted(document)) void linterReady.then(() => analyses.schedule(document, 0));
  });
  documents.onDidChangeContent(({ document }) => {
    if (!isLinted(document)) return;
    if (settings.run === 'onType') analyses.schedule(document, settings.debounceMs);
    else analyses.track(document);
  });
  documents.onDidSave(({ document }) => {
    if (isLinted(document) && settings.run === 'onSave') analyses.schedule(document, 0);
  });
  documents.onDidClose(({ document }) => {
    analyses.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  /** The fix-all edit for a document's current text, from the engine's `--fix` passes. */
  const fixAll = async (uri: string) => {
    const analysis = await analysisOf(uri);
    if (!analysis || !linter) return null;
    const fixable = analysis.outcome.result.fixableErrorCount + analysis.outcome.result.fixableWarningCount;
    if (fixable === 0) return null;
    const fixed = await linter.lint(uri, analysis.snapshot.getText(), true);
    return fixed.fixedSource === undefined ? null : fixAllEdit(analysis.snapshot, fixed.fixedSource);
  };

  connection.onCodeAction(async ({ textDocument, range, context }) => {
    const analysis = await analysisOf(textDocument.uri);
    if (!analysis) return [];
    const actions: CodeAction[] = wantsKind(context.only, CodeActionKind.QuickFix) ? quickFixes(analysis, range) : [];
    const fixable = analysis.outcome.result.fixableErrorCount + analysis.outcome.result.fixableWarningCount;
    if (fixable > 0 && wantsKind(context.only, FIX_ALL_KIND)) {
      const action: CodeAction = { title: 'Fix all qadocs problems', kind: FIX_ALL_KIND, data: { uri: textDocument.uri } };
      // Clients that resolve edits get the fixed text only when the author picks the action.
      if (!resolveEdits) {
        const edit = await fixAll(textDocument.uri);
        if (edit) action.edit = edit;
        else return actions;
      }
      actions.push(action);
    }
    return actions;
  });
  connection.onCodeActionResolve(async (action) => {
    const uri = (action.data as { uri?: string } | undefined)?.uri;
    if (action.kind === FIX_ALL_KIND && uri) {
      const edit = await fixAll(uri);
      if (edit) action.edit = edit;
    }
    return action;
  });
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== FIX_ALL_COMMAND || typeof args?.[0] !== 'string') throw new ResponseError(-32602, `Unexpected command ${JSON.stringify(command)}, expected ${FIX_ALL_COMMAND} with a document URI`);
    const edit = await fixAll(args[0]);
    if (edit) await connection.workspace.applyEdit({ label: 'Fix all qadocs problems', edit });
    return edit !== null;
  });

  connection.onHover(async ({ textDocument, position }) => {
    const analysis = await analysisOf(textDocument.uri);
    return analysis ? footnoteHover(analysis, position) : null;
  });
  connection.onDefinition(async ({ textDocument, position }) => {
    const analysis = await analysisOf(textDocument.uri);
    return analysis ? footnoteDefinition(analysis, position) : null;
  });
  connection.onReferences(async ({ textDocument, position, context }) => {
    const analysis = await analysisOf(textDocument.uri);
    return analysis ? footnoteReferences(analysis, position, context.includeDeclaration) : null;
  });
  connection.onPrepareRename(async ({ textDocument, position }) => {
    const analysis = await analysisOf(textDocument.uri);
    const at = analysis ? footnoteAt(analysis, position) : null;
    return at && at.labelRange.start.character !== at.labelRange.end.character ? { range: at.labelRange, placeholder: at.label } : null;
  });
  connection.onRenameRequest(async ({ textDocument, position, newName }) => {
    const analysis = await analysisOf(textDocument.uri);
    const edits = analysis ? renameFootnote(analysis, position, newName) : null;
    if (typeof edits === 'string') throw new ResponseError(-32602, edits);
    return edits ? { changes: { [textDocument.uri]: edits } } : null;
  });
  connection.onCompletion(async ({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document || !isLinted(document)) return [];
    await linterReady;
    // Labels come from the current text; for the front matter's place the last analysis is enough, and
    // waiting for the current one would lint at every `:` typed, undebounced.
    const last = analyses.last(textDocument.uri);
    const analysis = completesFootnoteLabel(document, position) || !last ? await analyses.current(document) : last;
    return complete(document, position, { analysis: analysis ?? undefined, aliases: linter?.config.settings.categories.aliases ?? {} });
  });
  connection.onDocumentSymbol(async ({ textDocument }) => {
    const analysis = await analysisOf(textDocument.uri);
    return analysis ? documentSymbols(analysis) : [];
  });

  connection.onShutdown(async () => {
    analyses.dispose();
    await linter?.close();
    linter = null;
  });

  documents.listen(connection);
  connection.listen();
}

/** Markdown documents only: a client may open other languages on the same connection. */
function isLinted(document: TextDocument | undefined): document is TextDocument {
  return document !== undefined && (MARKDOWN.test(document.languageId) || /\.(md|markdown)$/i.test(document.uri));
}
