/** A bad flag, argument or config: reported as one line quoting the value, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Exit codes, as ESLint uses them. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
