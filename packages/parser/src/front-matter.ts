import matter from 'gray-matter';
import type { ParseDiagnostic } from './parse-diagnostic.js';
import type { SourceLocation } from './source-location.js';
import { parseYamlLossless, type YamlField } from './front-matter-yaml.js';

/** Where a front-matter key and its value stand in the original file. */
export interface FrontMatterField {
  key: string;
  position: import('@qadocs/schema').Position;
  /** Offsets of the value in the original file, for fixes that rewrite it. */
  valueRange: [number, number];
}

export interface FrontMatter {
  data: Record<string, unknown>;
  /** `[start, end)` of the whole block including both `---` lines; null when the file has none. */
  range: [number, number] | null;
  language: string | null;
  fields: FrontMatterField[];
  diagnostics: ParseDiagnostic[];
}

const SAFE_LANGUAGES = new Map([
  ['', 'yaml'],
  ['yaml', 'yaml'],
  ['yml', 'yaml'],
  ['json', 'json'],
]);

/** Longest whitespace run gray-matter's comment-stripping regex may see: it is quadratic on longer ones. */
const MAX_WHITESPACE_RUN = 1_000;

/**
 * Find and read the front matter of a decoded file. Only YAML and JSON are ever parsed; a block that
 * declares any other language (`---js`, `---JavaScript`, `---toString` …) is refused before gray-matter
 * sees it, because gray-matter lets the file pick an engine that evaluates code.
 */
export function readFrontMatter(text: string, location: SourceLocation): FrontMatter {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const opener = /^---([^\r\n]*)(\r\n|\r|\n|$)/.exec(text.slice(start, start + 1_024));
  const none: FrontMatter = { data: {}, range: null, language: null, fields: [], diagnostics: [] };
  if (!opener || opener[1]!.startsWith('-')) return none;
  const declared = opener[1]!.trim();
  const contentStart = start + opener[0].length;
  const close = findClosingDelimiter(text, contentStart);
  const place = (from: number, to: number) => location.position(from, to);
  const openerPlace = place(start, start + 3 + opener[1]!.length);
  if (close === null) {
    return {
      ...none,
      range: [start, text.length],
      diagnostics: [{ ruleId: 'frontmatter/parse-error', reason: 'Unexpected unterminated front matter, expected a closing `---` line', place: openerPlace, fatal: true }],
    };
  }
  const range: [number, number] = [start, close.end];
  const language = SAFE_LANGUAGES.get(declared.toLowerCase());
  if (language === undefined) {
    return {
      ...none,
      range,
      language: declared,
      diagnostics: [{ ruleId: 'frontmatter/unsafe-engine', reason: `Unexpected front-matter language \`${declared}\`, expected YAML (\`---\`) or JSON (\`---json\`); it was not run`, place: openerPlace, fatal: false }],
    };
  }
  const body = text.slice(contentStart, close.start);
  const parsed = parseWithGrayMatter(text.slice(start, close.end), body, language, declared);
  const toOriginal = (offset: number) => contentStart + offset;
  const diagnostics: ParseDiagnostic[] = parsed.problems.map((problem) => ({
    ruleId: 'frontmatter/parse-error',
    reason: problem.reason,
    place: place(toOriginal(problem.range[0]), toOriginal(Math.max(problem.range[0], problem.range[1]))),
    fatal: problem.fatal,
  }));
  const fields = parsed.fields.map((field: YamlField) => ({
    key: field.key,
    position: place(toOriginal(field.keyRange[0]), toOriginal(field.valueRange[1])),
    valueRange: [toOriginal(field.valueRange[0]), toOriginal(field.valueRange[1])] as [number, number],
  }));
  return { data: parsed.data, range, language, fields, diagnostics };
}

function findClosingDelimiter(text: string, from: number): { start: number; end: number } | null {
  const pattern = /(^|\r\n|\r|\n)---[ \t]*(\r\n|\r|\n|$)/g;
  pattern.lastIndex = from === 0 ? 0 : from - 1;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const lineStart = match.index + match[1]!.length;
    if (lineStart < from) continue;
    return { start: lineStart, end: match.index + match[0].length };
  }
  return null;
}

type Parsed = ReturnType<typeof parseYamlLossless>;

/**
 * gray-matter splits the block (with options, so its shared result cache is never used) and hands the
 * raw matter to our engines only (JSON is parsed as the YAML 1.2 it is a subset of, to share positions,
 * limits and duplicate-key checks). The yaml package misreads lone CR line breaks, so they become LF
 * (same length: offsets hold). When its view of the block differs from ours (CR-only line endings,
 * which it does not split) or the block could trigger its quadratic regex, our own slice is parsed.
 */
function parseWithGrayMatter(block: string, body: string, language: string, declared: string): Parsed {
  let parsed: Parsed | undefined;
  const engine = (matterText: string) => {
    parsed = matterText.replace(/^(\r\n|\r|\n)/, '') === body.replace(/(\r\n|\r|\n)$/, '') ? parseYamlLossless(body) : undefined;
    return {};
  };
  if (!hasLongWhitespaceRun(block)) {
    const refuse = () => {
      throw new Error('front-matter engine disabled');
    };
    try {
      matter(block, {
        language,
        // gray-matter looks engines up by the file's own spelling (`---JSON`), so register that too.
        engines: { javascript: refuse, js: refuse, coffee: refuse, coffeescript: refuse, cson: refuse, toml: refuse, yaml: engine, json: engine, [declared]: engine },
        excerpt: false,
      } as Parameters<typeof matter>[1]);
    } catch {
      parsed = undefined;
    }
  }
  return parsed ?? parseYamlLossless(body.replace(/\r(?!\n)/g, '\n'));
}

function hasLongWhitespaceRun(text: string): boolean {
  let run = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 9 || code === 10 || code === 13) {
      if (++run > MAX_WHITESPACE_RUN) return true;
    } else run = 0;
  }
  return false;
}
