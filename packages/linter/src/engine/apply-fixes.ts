import type { Diagnostic, Fix } from '@qadocs/schema';

/**
 * Apply the fixes of `diagnostics` to `source` in one pass, as ESLint's source-code-fixer does: sorted
 * by range, a fix that overlaps one already applied waits for the next pass.
 */
export function applyFixes(source: string, diagnostics: readonly Diagnostic[]): { output: string; applied: number; skipped: number } {
  const fixes = diagnostics.flatMap((diagnostic) => (diagnostic.fix ? [diagnostic.fix] : [])).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let cursor = 0;
  let applied = 0;
  let skipped = 0;
  for (const fix of dedupe(fixes)) {
    if (fix.range[0] < cursor) {
      skipped++;
      continue;
    }
    output += source.slice(cursor, fix.range[0]) + fix.text;
    cursor = fix.range[1];
    applied++;
  }
  output += source.slice(cursor);
  return { output, applied, skipped };
}

/** Several edits of one report become one fix spanning them, so they are applied together or not at all. */
export function mergeFixes(source: string, fixes: readonly Fix[]): Fix {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0]);
  const start = sorted[0]!.range[0];
  let text = '';
  let cursor = start;
  for (const fix of sorted) {
    if (fix.range[0] < cursor) throw new Error(`Unexpected overlapping edits at offset ${fix.range[0]} in one fix`);
    text += source.slice(cursor, fix.range[0]) + fix.text;
    cursor = fix.range[1];
  }
  return { range: [start, cursor], text };
}

/** Two reports asking for the very same edit (say, one missing definition) need it once. */
function dedupe(fixes: Fix[]): Fix[] {
  const seen = new Set<string>();
  return fixes.filter((fix) => {
    const key = `${fix.range[0]}:${fix.range[1]}:${fix.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
