import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';

/** Limits that keep a hostile front matter from exhausting time, memory or the stack. */
export const FRONT_MATTER_LIMITS = { maxDepth: 64, maxNodes: 20_000, maxAliases: 100 } as const;

export interface YamlField {
  key: string;
  /** Offsets in the YAML text given to `parseYamlLossless`. */
  keyRange: [number, number];
  valueRange: [number, number];
}

export interface YamlProblem {
  reason: string;
  range: [number, number];
  fatal: boolean;
}

export interface LosslessYaml {
  data: Record<string, unknown>;
  fields: YamlField[];
  problems: YamlProblem[];
}

class YamlLimitError extends Error {}

interface Budget {
  nodes: number;
  aliases: number;
}

/**
 * Parse YAML (core schema, never a language engine) into JSON-safe values without silent changes:
 * a plain scalar that would not print back as written (`1.10`, `0777`, `.inf`) stays a string, and
 * timestamps are not a type of the core schema so `2024-02-30` stays as written.
 */
export function parseYamlLossless(text: string): LosslessYaml {
  const depth = estimateNestingDepth(text);
  if (depth > FRONT_MATTER_LIMITS.maxDepth) {
    // The yaml package can abort V8 on deep nesting before any limit of its own applies, so refuse first.
    return fail(`Unexpected nesting ${depth} levels deep in front matter, expected at most ${FRONT_MATTER_LIMITS.maxDepth}`);
  }
  let document: Document;
  try {
    document = parseDocument(text, {
      schema: 'core',
      uniqueKeys: false,
      prettyErrors: false,
      strict: true,
    });
  } catch (error) {
    return fail(`Unexpected front matter: ${(error as Error).message}`);
  }
  const problems: YamlProblem[] = [];
  for (const error of document.errors) {
    problems.push({ reason: `Unexpected YAML in front matter: ${firstLine(error.message)}`, range: error.pos, fatal: true });
  }
  if (problems.length > 0) return { data: {}, fields: [], problems };
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { data: {}, fields: [], problems };
  if (!isMap(root)) {
    return fail('Unexpected front matter that is not a mapping, expected `key: value` lines', rangeOf(root));
  }
  const budget: Budget = { nodes: 0, aliases: 0 };
  const fields: YamlField[] = [];
  const data: Record<string, unknown> = {};
  const seen = new Set<string>();
  try {
    for (const pair of root.items) {
      const key = String(toJson(pair.key as YamlNode | null, document, 1, budget));
      const keyRange = rangeOf(pair.key as YamlNode | null);
      const valueRange = pair.value ? rangeOf(pair.value as YamlNode) : ([keyRange[1], keyRange[1]] as [number, number]);
      if (seen.has(key)) {
        problems.push({ reason: `Unexpected duplicate front-matter key \`${key}\`, expected each key once (the last value is used)`, range: keyRange, fatal: false });
      }
      seen.add(key);
      defineValue(data, key, toJson(pair.value as YamlNode | null, document, 1, budget));
      fields.push({ key, keyRange, valueRange });
    }
  } catch (error) {
    if (error instanceof YamlLimitError) return fail(error.message);
    throw error;
  }
  return { data, fields, problems };
}

function fail(reason: string, range: [number, number] = [0, 0]): LosslessYaml {
  return { data: {}, fields: [], problems: [{ reason, range, fatal: true }] };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function rangeOf(node: YamlNode | null | undefined): [number, number] {
  const range = node?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

/** Assign without invoking the `__proto__` setter, so a key named `__proto__` stays plain data. */
function defineValue(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function toJson(node: YamlNode | null | undefined, document: Document, depth: number, budget: Budget): unknown {
  if (++budget.nodes > FRONT_MATTER_LIMITS.maxNodes) {
    throw new YamlLimitError(`Unexpected front matter with more than ${FRONT_MATTER_LIMITS.maxNodes} values (after expanding aliases)`);
  }
  if (depth > FRONT_MATTER_LIMITS.maxDepth) {
    throw new YamlLimitError(`Unexpected nesting deeper than ${FRONT_MATTER_LIMITS.maxDepth} levels in front matter`);
  }
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    if (++budget.aliases > FRONT_MATTER_LIMITS.maxAliases) {
      throw new YamlLimitError(`Unexpected front matter with more than ${FRONT_MATTER_LIMITS.maxAliases} aliases, expected fewer`);
    }
    return toJson(node.resolve(document) as YamlNode | undefined, document, depth + 1, budget);
  }
  if (isScalar(node)) return scalarToJson(node);
  if (isSeq(node)) return node.items.map((item) => toJson(item as YamlNode, document, depth + 1, budget));
  if (isMap(node)) {
    const object: Record<string, unknown> = {};
    for (const pair of node.items) {
      defineValue(object, String(toJson(pair.key as YamlNode, document, depth + 1, budget)), toJson(pair.value as YamlNode, document, depth + 1, budget));
    }
    return object;
  }
  return null;
}

function scalarToJson(node: import('yaml').Scalar): unknown {
  const value = node.value;
  if (node.type !== 'PLAIN') return typeof value === 'string' ? value : String(value);
  const written = typeof node.source === 'string' ? node.source : String(value);
  if (typeof value === 'number') {
    return Number.isFinite(value) && String(value) === written ? value : written;
  }
  if (typeof value === 'bigint') return written;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  return written;
}

/**
 * An over-estimate of YAML nesting from the text alone: flow brackets, block indentation levels and
 * compact `- - -` sequences on one line.
 */
export function estimateNestingDepth(text: string): number {
  let deepest = 0;
  let flow = 0;
  const indents: number[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const indent = line.length - line.trimStart().length;
    const content = line.slice(indent);
    if (content === '' || content.startsWith('#')) continue;
    while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
    indents.push(indent);
    const compact = /^(?:[-?:][ \t]+)*/.exec(content)![0].replace(/[ \t]/g, '').length;
    for (const char of content) {
      if (char === '[' || char === '{') flow++;
      else if (char === ']' || char === '}') flow = Math.max(0, flow - 1);
      deepest = Math.max(deepest, flow);
    }
    deepest = Math.max(deepest, indents.length + compact + flow);
  }
  return deepest;
}
