import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { ConfigError, formatKeyPath, listAlternatives, quoteValue } from './config-error.js';

/** Where a validation issue was found, to word the message. */
export interface IssueScope {
  /** The validated value: issue paths are relative to it. */
  root: unknown;
  /** The schema it was validated with: used to list the keys an object allows. */
  schema: z.ZodType;
  /** Key path of `root` in the whole config, for `ConfigError.key`. */
  keyPrefix: ReadonlyArray<PropertyKey>;
  /** `for "provenance.dateOrder"`, `for option "minLength" of rule "x"`, from the path relative to `root`. */
  subject(relative: ReadonlyArray<PropertyKey>): string;
  /** ` in "categories"`, ` in the options of rule "x"` (leading space), or '' at the top. */
  container(relative: ReadonlyArray<PropertyKey>): string;
  /** `in qadocs.config.json`. */
  where: string;
  file: string | null;
  /** What is expected where an object takes no keys at all. */
  noKeys?: string;
}

/** Turn the first zod issue into a ConfigError that quotes the value and says what was expected. */
export function configErrorFromIssues(issues: readonly z.core.$ZodIssue[], scope: IssueScope): ConfigError {
  const issue = pickIssue(issues[0]!);
  const relative = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    const unknownKey = issue.keys[0]!;
    const allowed = allowedKeys(scope.schema, relative);
    const keyPath = [...scope.keyPrefix, ...relative, unknownKey];
    const container = scope.container(relative);
    const expected = allowed.length === 0 ? (scope.noKeys ?? 'no keys here') : `one of ${listAlternatives(allowed)}${suggestion(unknownKey, allowed)}`;
    return new ConfigError(`Unexpected key "${unknownKey}"${container} ${scope.where}, expected ${expected}`, { key: formatKeyPath(keyPath), value: valueAt(scope.root, [...relative, unknownKey]), file: scope.file });
  }
  const keyPath = [...scope.keyPrefix, ...relative];
  const value = valueAt(scope.root, relative);
  const expected = expectedOf(issue);
  const message =
    value === undefined
      ? `Missing value ${scope.subject(relative)} ${scope.where}, expected ${expected}`
      : `Unexpected value ${quoteValue(value)} ${scope.subject(relative)} ${scope.where}, expected ${expected}`;
  return new ConfigError(message, { key: formatKeyPath(keyPath), value, file: scope.file });
}

/** ` (did you mean "contentRoot"?)` when a known name is close enough to be a typo. */
export function suggestion(unknown: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  const best = closest(unknown, [...known]);
  return distance(unknown.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

/**
 * In a union, the branch that got furthest into the value says best what went wrong: `["strict", "strcit"]`
 * is an array with a bad item, not "not a string".
 */
function pickIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const branches = issue.errors.map((branch) => branch[0]).filter((first): first is z.core.$ZodIssue => first !== undefined);
  const deepest = Math.max(...branches.map((first) => first.path.length));
  const candidates = branches.filter((first) => first.path.length === deepest);
  if (deepest === 0 || candidates.length !== 1) return issue;
  const chosen = candidates[0]!;
  return pickIssue({ ...chosen, path: [...issue.path, ...chosen.path] } as z.core.$ZodIssue);
}

function expectedOf(issue: z.core.$ZodIssue): string {
  // Our own schemas word their unions as "expected …".
  if (issue.message.startsWith('expected ')) return issue.message.slice('expected '.length);
  switch (issue.code) {
    case 'invalid_type':
      return typeName(issue.expected);
    case 'invalid_value':
      return listAlternatives(issue.values);
    case 'too_small':
      return boundText(issue.origin, issue.minimum, issue.inclusive ?? true, 'min');
    case 'too_big':
      return boundText(issue.origin, issue.maximum, issue.inclusive ?? true, 'max');
    case 'invalid_format':
      return `a valid ${issue.format}`;
    case 'not_multiple_of':
      return `a multiple of ${String(issue.divisor)}`;
    case 'invalid_union': {
      const alternatives = issue.errors.flatMap((branch) => (branch[0] ? [expectedOf(branch[0])] : []));
      return [...new Set(alternatives)].join(', or ');
    }
    default:
      return issue.message.replace(/^Invalid input:\s*/i, '');
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = { string: 'a string', number: 'a number', int: 'an integer', boolean: 'true or false', object: 'an object', array: 'an array', record: 'an object', tuple: 'an array', null: 'null', nonoptional: 'a value' };
  return names[expected] ?? expected;
}

function boundText(origin: string, bound: number | bigint, inclusive: boolean, side: 'min' | 'max'): string {
  const limit = Number(bound);
  if (origin === 'string') return side === 'min' && limit === 1 ? 'a non-empty string' : `a string of ${side === 'min' ? 'at least' : 'at most'} ${limit} characters`;
  if (origin === 'array' || origin === 'set') return `${side === 'min' ? 'at least' : 'at most'} ${limit} item${limit === 1 ? '' : 's'}`;
  const sign = side === 'min' ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<';
  return `a number ${sign} ${limit}`;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** The keys the object schema at `path` allows, to list them and suggest the closest. */
function allowedKeys(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let current: unknown = schema;
  for (const segment of [...path, null]) {
    current = unwrap(current);
    const def = (current as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
    if (!def) return [];
    if (segment === null) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    if (def.type === 'object') current = (def.shape as Record<PropertyKey, unknown>)[segment];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else if (def.type === 'tuple') current = (def.items as unknown[])[Number(segment)];
    else return [];
  }
  return [];
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let depth = 0; depth < 10; depth++) {
    const def = (current as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
    if (!def) return current;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'prefault' || def.type === 'readonly' || def.type === 'catch') current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else if (def.type === 'union') {
      const object = (def.options as unknown[]).find((option) => (unwrap(option) as { _zod?: { def?: { type?: string } } })?._zod?.def?.type === 'object');
      return object ? unwrap(object) : current;
    } else return current;
  }
  return current;
}
