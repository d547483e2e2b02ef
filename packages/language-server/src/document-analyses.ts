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
 * The latest analysis of every open document. Linting is debounced per document; a result for a
 * version the author has already typed past is dropped (its positions would point at the wrong text),
 * and requests that need positions (hover, code actions) wait for the current version's analysis.
 */
export class DocumentAnalyses {
  private readonly latest = new Map<string, Analysis>();
  private readonly pending = new Map<string, { version: number; analysis: Promise<Analysis | null> }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly open = new Map<string, TextDocument>();
  /** Bumped when the linter is replaced: analyses by the old one are not kept. */
  private generation = 0;

  constructor(private readonly options: DocumentAnalysesOptions) {}

  /** Lint after `delayMs` of quiet (any earlier schedule for the document is replaced). */
  schedule(document: TextDocument, delayMs: number): void {
    this.open.set(document.uri, document);
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        void this.analyze(document);
      }, delayMs),
    );
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
  }

  /** Every open document, linted again (after the config or the settings changed). */
  relintAll(): void {
    this.generation++;
    this.latest.clear();
    this.pending.clear();
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
      if (this.pending.get(uri)?.analysis === analysis) this.pending.delete(uri);
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
