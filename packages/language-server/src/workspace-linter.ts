import path from 'node:path';
import { createDocumentRunner, type DocumentOutcome, type DocumentRunner } from '@qadocs/engine';
import { loadConfig, type ResolvedConfig } from '@qadocs/linter';
import { URI } from 'vscode-uri';

export interface WorkspaceLinterOptions {
  /** The workspace folder: the config is searched from it, as `qadocs lint` searches from its working directory. */
  cwd: string;
  /** A config file to use instead (absolute, or relative to `cwd`). */
  configFile: string | null;
  /** Per-document time limit; default the config's `timeout`. */
  timeoutMs: number | null;
  /** The engine worker module (a file URL) when the server is bundled; default the engine's own. */
  workerFile?: string;
}

/**
 * The config and warm workers for one workspace: `qadocs lint`'s config resolution, rules and parser,
 * run by the engine's long-lived document runner. Replaced whole when the config changes.
 */
export class WorkspaceLinter {
  private constructor(
    readonly cwd: string,
    readonly config: ResolvedConfig,
    private readonly runner: DocumentRunner,
  ) {}

  /** Load the config (rejects with the linter's ConfigError on a bad one) and start the runner. */
  static async create(options: WorkspaceLinterOptions): Promise<WorkspaceLinter> {
    const configFile = options.configFile ? path.resolve(options.cwd, options.configFile) : undefined;
    const config = await loadConfig({ cwd: options.cwd, ...(configFile ? { configFile } : {}) });
    const setup = { cwd: options.cwd, configFile: config.file, root: config.contentRootPath, fix: false, record: false, html: false, classify: false, outline: true, reuseParses: true };
    const runner = createDocumentRunner({ setup, config, timeoutMs: options.timeoutMs ?? config.timeout, ...(options.workerFile ? { workerFile: options.workerFile } : {}) });
    return new WorkspaceLinter(options.cwd, config, runner);
  }

  /** Lint a document's text as `qadocs lint` lints its file; with `fix`, the outcome carries the fixed text. */
  lint(uri: string, text: string, fix = false): Promise<DocumentOutcome> {
    const filePath = this.filePathOf(uri);
    return this.runner.run({ filePath, bytes: new TextEncoder().encode(text), fix, root: this.rootOf(filePath) });
  }

  /**
   * The file a document is linted as. Unsaved documents (`untitled:`) have none: they are linted as a
   * file of that name in the workspace folder, so overrides for the folder apply.
   */
  filePathOf(uri: string): string {
    const parsed = URI.parse(uri);
    if (parsed.scheme === 'file') return parsed.fsPath;
    return path.join(this.cwd, path.basename(parsed.path) || 'untitled.md');
  }

  /** As `qadocs lint` picks it: the content root for documents inside it, else the workspace folder. */
  private rootOf(filePath: string): string {
    const relative = path.relative(this.config.contentRootPath, filePath);
    return relative.startsWith('..') || path.isAbsolute(relative) ? this.cwd : this.config.contentRootPath;
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}
