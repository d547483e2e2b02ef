import type { DocumentOutcome } from '@qadocs/engine';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** One lint of one version of a document, with the exact text it was linted from. */
export interface Analysis {
  uri: string;
  version: number;
  /** The text as linted: every offset in `outcome` refers to it. */
  snapshot: TextDocument;
  outcome: DocumentOutcome;
}

export interface DocumentAnalysesOptions {
  /** Lint a document's text (through the workspace's runner); null when linting is off. */
  lint: (uri: string, text: string) => Promise<DocumentOutcome> | null;
  /** Called with each analysis of a document's current version. */
  publish: (analysis: Analysis) => void;
}

/**
 * The latest analysis of every open document. A change is linted as soon as the document is quiet for
 * `delayMs` (default none: an idle server lints at once); changes that arrive while a lint of the
 * document is running are coalesced into one lint of the latest version when it ends, so a fast typist
 * never queues a lint per keystroke. A result for a version the author has already typed past is
 * dropped (its positions would point at the wrong text), and requests that need positions (hover, code
 * actions) wait for the current version's analysis.
 */
export class DocumentAnalyses {
  private readonly latest = new Map<string, Analysis>();
  private readonly pending = new Map<string, { version: number; analysis: Promise<Analysis | null> }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly open = new Map<string, TextDocument>();
  /** Documents changed while a lint of them was running: linted again, at their latest version, when it ends. */
  private readonly changedWhileLinting = new Set<string>();
  /** Bumped when the linter is replaced: analyses by the old one are not kept. */
  private generation = 0;

  constructor(private readonly options: DocumentAnalysesOptions) {}

  /**
   * Lint after `delayMs` of quiet (any earlier schedule for the document is replaced), or, when a lint of
   * the document is running then, once it ends. Even with no delay the lint starts on a later turn of the
   * event loop, so changes already received are coalesced.
   */
  schedule(document: TextDocument, delayMs: number): void {
    this.open.set(document.uri, document);
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        this.lintLatest(document.uri);
      }, delayMs),
    );
  }

  /** Lint the open document's current version, unless a lint of it is running (then after that one). */
  private lintLatest(uri: string): void {
    const document = this.open.get(uri);
    if (!document) return;
    const running = this.pending.get(uri);
    if (running) {
      if (running.version !== document.version) this.changedWhileLinting.add(uri);
      return;
    }
    void this.analyze(document);
  }

  /** Track a document without linting it now (run on save). */
  track(document: TextDocument): void {
    this.open.set(document.uri, document);
  }

  /** The analysis of the document's current version: the one made, the one under way, or a new one now. */
  current(document: TextDocument): Promise<Analysis | null> {
    this.open.set(document.uri, document);
    const made = this.latest.get(document.uri);
    if (made && made.version === document.version) return Promise.resolve(made);
    const running = this.pending.get(document.uri);
    if (running && running.version === document.version) return running.analysis;
    clearTimeout(this.timers.get(document.uri));
    this.timers.delete(document.uri);
    return this.analyze(document);
  }

  /** The last analysis made, whatever its version (completion can use a slightly older one). */
  last(uri: string): Analysis | undefined {
    return this.latest.get(uri);
  }

  /** Forget a closed document; a lint under way for it is dropped when it ends. */
  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.latest.delete(uri);
    this.pending.delete(uri);
    this.open.delete(uri);
    this.changedWhileLinting.delete(uri);
  }

  /** Every open document, linted again (after the config or the settings changed). */
  relintAll(): void {
    this.generation++;
    this.latest.clear();
    this.pending.clear();
    this.changedWhileLinting.clear();
    for (const document of this.open.values()) void this.analyze(document);
  }

  /** Stop every timer (shutdown). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private analyze(document: TextDocument): Promise<Analysis | null> {
    const { uri, version } = document;
    const text = document.getText();
    const generation = this.generation;
    const linting = this.options.lint(uri, text);
    if (!linting) return Promise.resolve(null);
    const analysis = linting.then((outcome): Analysis | null => {
      if (this.pending.get(uri)?.analysis === analysis) {
        this.pending.delete(uri);
        if (this.changedWhileLinting.delete(uri)) this.lintLatest(uri);
      }
      // Closed meanwhile, or linted by a replaced config: nothing to keep.
      if (!this.open.has(uri) || generation !== this.generation) return null;
      const result: Analysis = { uri, version, snapshot: TextDocument.create(uri, document.languageId, version, text), outcome };
      const kept = this.latest.get(uri);
      if (!kept || kept.version <= version) this.latest.set(uri, result);
      if (this.open.get(uri)?.version === version) this.options.publish(result);
      return result;
    });
    this.pending.set(uri, { version, analysis });
    return analysis;
  }
}
