import type { DocumentOutcome } from '@qadocs/engine';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { DocumentAnalyses, type Analysis } from '../src/document-analyses.js';

/** A lint the test finishes by hand, to type while it runs. */
interface HeldLint {
  text: string;
  finish: () => void;
}

function outcomeOf(text: string): DocumentOutcome {
  return { filePath: '/doc.md', hash: text, result: { filePath: '/doc.md', messages: [], suppressedMessages: [], errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 } } as unknown as DocumentOutcome;
}

function heldAnalyses() {
  const lints: HeldLint[] = [];
  const published: Analysis[] = [];
  const analyses = new DocumentAnalyses({
    lint: (_uri, text) =>
      new Promise<DocumentOutcome>((resolve) => {
        lints.push({ text, finish: () => resolve(outcomeOf(text)) });
      }),
    publish: (analysis) => published.push(analysis),
  });
  return { analyses, lints, published };
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('linting as the author types', () => {
  it('lints a change at once when no lint of the document is running', async () => {
    const { analyses, lints, published } = heldAnalyses();
    const document = TextDocument.create('file:///doc.md', 'markdown', 1, 'one');
    analyses.schedule(document, 0);
    await turn();
    expect(lints.map((lint) => lint.text)).toEqual(['one']);
    lints[0]!.finish();
    await turn();
    expect(published.map((analysis) => analysis.version)).toEqual([1]);
  });

  it('coalesces the changes typed while a lint runs into one lint of the latest version', async () => {
    const { analyses, lints, published } = heldAnalyses();
    const document = TextDocument.create('file:///doc.md', 'markdown', 1, 'one');
    analyses.schedule(document, 0);
    await turn();
    for (const [version, text] of [[2, 'one t'], [3, 'one ty'], [4, 'one typ']] as const) {
      TextDocument.update(document, [{ text }], version);
      analyses.schedule(document, 0);
      await turn();
    }
    // Still only the first lint: the three changes wait for it.
    expect(lints.map((lint) => lint.text)).toEqual(['one']);
    lints[0]!.finish();
    await turn();
    // Version 1 is not published (the author has typed past it); one lint of version 4 follows.
    expect(published).toEqual([]);
    expect(lints.map((lint) => lint.text)).toEqual(['one', 'one typ']);
    lints[1]!.finish();
    await turn();
    expect(published.map((analysis) => [analysis.version, analysis.snapshot.getText()])).toEqual([[4, 'one typ']]);
    expect(lints).toHaveLength(2);
  });

  it('does not lint again for a document closed while its lint ran', async () => {
    const { analyses, lints, published } = heldAnalyses();
    const document = TextDocument.create('file:///doc.md', 'markdown', 1, 'one');
    analyses.schedule(document, 0);
    await turn();
    TextDocument.update(document, [{ text: 'two' }], 2);
    analyses.schedule(document, 0);
    await turn();
    analyses.forget(document.uri);
    lints[0]!.finish();
    await turn();
    expect(lints).toHaveLength(1);
    expect(published).toEqual([]);
  });
});
