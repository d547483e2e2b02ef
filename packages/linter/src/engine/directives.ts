import type { Html } from 'mdast';

const DIRECTIVE = /<!--\s*qadocs-(disable-next-line|disable-file|disable|enable)\b([^]*?)-->/g;

interface Range {
  ruleId: string | null;
  fromLine: number;
  toLine: number;
}

/**
 * Inline directives, as remark-message-control and ESLint read them: `<!-- qadocs-disable rule -->`
 * … `<!-- qadocs-enable rule -->`, `disable-next-line` and `disable-file`. No rule ids means all rules.
 */
export function readDirectives(htmlNodes: readonly Html[]): (ruleId: string, line: number) => boolean {
  const ranges: Range[] = [];
  const open = new Map<string | null, number>();
  const comments: Array<{ kind: string; rules: Array<string | null>; line: number; endLine: number }> = [];
  for (const node of htmlNodes) {
    DIRECTIVE.lastIndex = 0;
    for (let match = DIRECTIVE.exec(node.value); match; match = DIRECTIVE.exec(node.value)) {
      const before = node.value.slice(0, match.index);
      const line = node.position!.start.line + (before.match(/\r\n|\r|\n/g)?.length ?? 0);
      const rules = match[2]!.split(/[\s,]+/).filter((rule) => rule !== '' && rule !== '--');
      comments.push({ kind: match[1]!, rules: rules.length > 0 ? rules : [null], line, endLine: node.position!.end.line });
    }
  }
  for (const comment of comments.sort((a, b) => a.line - b.line)) {
    for (const ruleId of comment.rules) {
      if (comment.kind === 'disable-file') ranges.push({ ruleId, fromLine: 1, toLine: Infinity });
      else if (comment.kind === 'disable-next-line') ranges.push({ ruleId, fromLine: comment.endLine + 1, toLine: comment.endLine + 1 });
      else if (comment.kind === 'disable') {
        if (!open.has(ruleId)) open.set(ruleId, comment.line);
      } else {
        const closing = ruleId === null ? [...open.keys()] : [ruleId];
        for (const key of closing) {
          const from = open.get(key);
          if (from === undefined) continue;
          ranges.push({ ruleId: key, fromLine: from, toLine: comment.line });
          open.delete(key);
        }
      }
    }
  }
  for (const [ruleId, fromLine] of open) ranges.push({ ruleId, fromLine, toLine: Infinity });
  return (ruleId, line) => ranges.some((range) => (range.ruleId === null || range.ruleId === ruleId) && line >= range.fromLine && line <= range.toLine);
}
