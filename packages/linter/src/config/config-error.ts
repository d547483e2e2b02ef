/**
 * A configuration that cannot be used. The message names the key, quotes the value and says what was
 * expected; `key`, `value` and `file` carry the same facts for programs (the CLI exits with 2).
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** Where in the config the problem is: `rules["citation/order"]`, `provenance.dateOrder`, `overrides[1].files`. */
  readonly key: string;
  /** The offending value as written (undefined when it is missing). */
  readonly value: unknown;
  /** Absolute path of the config file, or null for a configuration given in code. */
  readonly file: string | null;

  constructor(message: string, details: { key: string; value?: unknown; file: string | null; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.key = details.key;
    this.value = details.value;
    this.file = details.file;
  }
}

/** A value as it appears in a message: strings in double quotes, the rest as compact JSON, long ones cut. */
export function quoteValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  let text: string;
  try {
    text = typeof value === 'function' ? 'a function' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** `"a", "b" or "c"`. */
export function listAlternatives(values: readonly unknown[], conjunction = 'or'): string {
  const quoted = values.map(quoteValue);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted.at(-1)}`;
}

/** `overrides[0].rules["citation/order"]` from `['overrides', 0, 'rules', 'citation/order']`. */
export function formatKeyPath(path: ReadonlyArray<PropertyKey>): string {
  let key = '';
  for (const segment of path) {
    if (typeof segment === 'number') key += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) key += key === '' ? segment : `.${segment}`;
    else key += `[${JSON.stringify(String(segment))}]`;
  }
  return key;
}
