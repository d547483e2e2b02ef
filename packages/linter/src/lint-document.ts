import type { FootnoteDefinition, Heading, List, Root } from 'mdast';
import type { Citation, QaDocument } from '@qadocs/schema';
import type { FootnoteReferenceSite, FrontMatterField, ParseDiagnostic, ParsedDocument, PseudoCitation } from '@qadocs/parser';
import type { SourceLocation } from '@qadocs/parser';

/**
 * The frozen, pre-indexed view of one parsed file that every rule receives. Rules never re-parse:
 * everything they need is here, indexed once per file.
 */
export interface LintDocument {
  /** POSIX path relative to the content root. */
  readonly path: string;
  readonly source: string;
  readonly tree: Root;
  readonly record: QaDocument;
  readonly parsed: ParsedDocument;
  readonly location: SourceLocation;
  readonly parseDiagnostics: readonly ParseDiagnostic[];
  readonly frontMatterFields: ReadonlyMap<string, FrontMatterField>;
  /** Footnote definitions by normalized (lower-case) identifier. */
  readonly citationByIdentifier: ReadonlyMap<string, Citation>;
  readonly references: readonly FootnoteReferenceSite[];
  readonly pseudoCitations: readonly PseudoCitation[];
  readonly headings: readonly Heading[];
  readonly lists: readonly List[];
  /** Footnote definitions in document order; `topLevel` when not inside a list or quote. */
  readonly footnoteDefinitions: ReadonlyArray<{ node: FootnoteDefinition; topLevel: boolean }>;
}

/** Build the index once per file; the engine hands the same object to every rule. */
export function createLintDocument(parsed: ParsedDocument): LintDocument {
  const citationByIdentifier = new Map<string, Citation>();
  for (const citation of parsed.record.citations) citationByIdentifier.set(normalizeLabel(citation.label), citation);
  return Object.freeze({
    path: parsed.record.path,
    source: parsed.source,
    tree: parsed.tree,
    record: parsed.record,
    parsed,
    location: parsed.location,
    parseDiagnostics: parsed.diagnostics,
    frontMatterFields: new Map(parsed.frontMatter.fields.map((field) => [field.key, field])),
    citationByIdentifier,
    references: parsed.references,
    pseudoCitations: parsed.pseudoCitations,
    headings: parsed.index.headings,
    lists: parsed.index.lists,
    footnoteDefinitions: parsed.index.footnoteDefinitions,
  });
}

/** Footnote identity as micromark matches it: case-insensitive, whitespace collapsed. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase();
}
