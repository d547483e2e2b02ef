import { stripVTControlCharacters } from 'node:util';
import { explainRule, explainRuleSections, ruleById, ruleDocsUrl, rules, type Rule } from '@qadocs/linter';
import type { CliIo } from '../cli-io.js';
import { EXIT, UsageError } from '../usage-error.js';

export interface ExplainFlags {
  list?: boolean;
  /** Print the docs page as Markdown, as it is published (for a Markdown viewer or another tool). */
  markdown?: boolean;
}

/**
 * `qadocs explain <rule-id>`: the rule's docs for a terminal. The head (severity, what `--fix` does,
 * options) comes from the rule's metadata, the rest of the page is rendered from its Markdown:
 * no generator note, tables drawn as tables. `--markdown` prints the page as published.
 */
export async function explainCommand(ruleId: string, flags: ExplainFlags, io: CliIo): Promise<number> {
  const rule = ruleById(ruleId);
  if (!rule) {
    const known = rules.map((candidate) => candidate.id);
    const closest = known.find((id) => id.endsWith(`/${ruleId}`) || id.split('/')[1] === ruleId.split('/').pop());
    throw new UsageError(`Unexpected rule "${ruleId}", expected a rule id such as ${closest ? `"${closest}"` : '"citation/undefined"'} (\`qadocs explain --list\` lists them)`);
  }
  if (flags.markdown) {
    io.stdout.write(explainRule(ruleId));
    return EXIT.ok;
  }
  const width = Math.min(100, ('columns' in io.stdout && typeof io.stdout.columns === 'number' ? io.stdout.columns : 0) || 100);
  const color = Boolean(io.stdout.isTTY) && !process.env.NO_COLOR;
  io.stdout.write(`${ruleHead(rule)}\n${await renderForTerminal(explainRuleSections(ruleId), width, color)}`);
  return EXIT.ok;
}

/** The lines at the top of `qadocs explain`, from the rule's metadata (the same the docs page uses). */
export function ruleHead(rule: Rule<any>): string {
  const severity = rule.severity === 'error' ? 'error (in recommended and strict)' : 'warning in recommended, error in strict';
  const options = Object.keys((rule.options as { shape?: object }).shape ?? {}).length > 0 ? 'yes (see Options)' : 'none';
  return [
    rule.id,
    `${rule.description}.`,
    '',
    `Default severity: ${severity}`,
    `Fixable: ${rule.fixable ? `yes: qadocs lint --fix ${rule.fixes}` : 'no'}`,
    `Options: ${options}`,
    `Docs: ${ruleDocsUrl(rule.id)}`,
    '',
  ].join('\n');
}

/**
 * Markdown as terminal text: headings, wrapped paragraphs, indented code, tables drawn with lines.
 * Without colours, code keeps its backticks and headings an underline, which colour showed otherwise.
 */
async function renderForTerminal(markdown: string, width: number, color: boolean): Promise<string> {
  const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal')]);
  const plain = color
    ? {}
    : {
        codespan: (text: string) => `\`${text}\``,
        heading: (text: string) => `${text}\n${'─'.repeat(text.length)}`,
        firstHeading: (text: string) => `${text}\n${'─'.repeat(text.length)}`,
      };
  const marked = new Marked(markedTerminal({ width, reflowText: true, showSectionPrefix: false, emoji: false, tab: 2, ...plain }));
  const text = marked.parse(markdown, { async: false });
  // cli-table3 colours table borders whatever the stream is.
  return color ? text : stripVTControlCharacters(text);
}

/** `qadocs explain --list`: every rule with its default severity and fixability. */
export function listRules(io: CliIo): number {
  for (const rule of rules) io.stdout.write(`${rule.id.padEnd(36)} ${rule.severity.padEnd(8)} ${rule.fixable ? 'fixable ' : '        '} ${rule.description}\n`);
  return EXIT.ok;
}
