/** The problems the exporter reports per document; a run goes on past each of them. */
export type ExportRuleId =
  | 'export/unsafe-id'
  | 'export/collision'
  | 'export/reserved-path'
  | 'export/symlink'
  | 'export/write-failed'
  | 'export/unparsable';

/** One export problem, shaped like a lint diagnostic: which rule, which source file, and why. */
export interface ExportDiagnostic {
  ruleId: ExportRuleId;
  /** The source document's path relative to the content root (`record.path`). */
  file: string;
  reason: string;
}

/** Diagnostics in a stable order (file, then rule, then reason), whatever order documents arrived in. */
export function sortDiagnostics(diagnostics: ExportDiagnostic[]): ExportDiagnostic[] {
  const key = (diagnostic: ExportDiagnostic) => [diagnostic.file, diagnostic.ruleId, diagnostic.reason];
  return [...diagnostics].sort((a, b) => {
    const [left, right] = [key(a), key(b)];
    for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return left[index]! < right[index]! ? -1 : 1;
    return 0;
  });
}
