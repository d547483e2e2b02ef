import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis } from './document-analyses.js';
import { rangeOf } from './lsp-diagnostics.js';

/** The outline an editor shows: each question with its answer's sections, then the footnotes. */
export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const outline = analysis.outcome.outline;
  if (!outline) return [];
  const { snapshot } = analysis;
  const symbol = (name: string, kind: SymbolKind, offsets: [number, number], detail?: string, children?: DocumentSymbol[]): DocumentSymbol => {
    const range = rangeOf(snapshot, offsets);
    return { name: name.trim() === '' ? '(untitled)' : name, kind, range, selectionRange: range, ...(detail ? { detail } : {}), ...(children ? { children } : {}) };
  };
  // A question's symbol spans its answer: an editor nests a symbol only inside its parent's range.
  const span = (ranges: Array<[number, number]>): [number, number] => [Math.min(...ranges.map((range) => range[0])), Math.max(...ranges.map((range) => range[1]))];
  const questions = outline.entries.map((entry) =>
    symbol(
      entry.question,
      SymbolKind.Interface,
      span([entry.range, ...entry.sections.map((section) => section.range)]),
      'question',
      entry.sections.map((section) => symbol(section.heading ?? 'Answer', SymbolKind.Field, section.range, section.heading ? `h${section.depth}` : 'answer')),
    ),
  );
  const footnotes = outline.footnotes.map((footnote) => symbol(`[^${footnote.label}]`, SymbolKind.Constant, footnote.range, footnote.title ?? footnote.url ?? footnote.text));
  return [...questions, ...footnotes];
}
