/** What an editor can set for the server (VS Code's `qadocs.*` settings, or `initializationOptions`). */
export interface ServerSettings {
  /** Lint at all; when false, open documents show no qadocs diagnostics. */
  enable: boolean;
  /** A config file to use instead of searching the workspace for `qadocs.config.*` (relative to it). */
  configFile: string | null;
  /** Lint as the author types (debounced) or only when the document is saved. */
  run: 'onType' | 'onSave';
  /** Quiet time after the last keystroke before the document is linted; default 0 (changes that arrive while a lint runs are coalesced anyway). */
  debounceMs: number;
  /** Per-document time limit; default the config's `timeout`. */
  timeoutMs: number | null;
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = Object.freeze({ enable: true, configFile: null, run: 'onType', debounceMs: 0, timeoutMs: null });

/**
 * Settings as sent by a client, over the defaults. A value of the wrong type is left at its default and
 * named in `problems` (shown to the author), so a typo never stops the server.
 */
export function readServerSettings(input: unknown): { settings: ServerSettings; problems: string[] } {
  const settings: ServerSettings = { ...DEFAULT_SERVER_SETTINGS };
  const problems: string[] = [];
  if (input === undefined || input === null) return { settings, problems };
  if (typeof input !== 'object' || Array.isArray(input)) return { settings, problems: [`Unexpected settings ${JSON.stringify(input)}, expected an object`] };
  const value = input as Record<string, unknown>;
  const check = <K extends keyof ServerSettings>(key: K, valid: (candidate: unknown) => boolean, expected: string) => {
    if (value[key] === undefined) return;
    if (valid(value[key])) settings[key] = value[key] as ServerSettings[K];
    else problems.push(`Unexpected qadocs.${key} ${JSON.stringify(value[key])}, expected ${expected}`);
  };
  check('enable', (candidate) => typeof candidate === 'boolean', 'true or false');
  check('configFile', (candidate) => candidate === null || typeof candidate === 'string', 'a file path or null');
  check('run', (candidate) => candidate === 'onType' || candidate === 'onSave', '"onType" or "onSave"');
  check('debounceMs', (candidate) => Number.isInteger(candidate) && (candidate as number) >= 0, 'a whole number ≥ 0');
  check('timeoutMs', (candidate) => candidate === null || (Number.isInteger(candidate) && (candidate as number) >= 1), 'a whole number ≥ 1 or null');
  // An empty string from an editor's settings form means "search as usual".
  if (settings.configFile === '') settings.configFile = null;
  return { settings, problems };
}
