/**
 * C0 controls but tab, DEL, C1 controls, and the bidi embeddings, overrides and isolates: a terminal
 * acts on these instead of showing them (ESC starts a sequence that can retitle the window, clear the
 * screen or rewrite lines; a bidi override makes text read differently from the bytes).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for a terminal: every control character shown as a `\xNN` or `\uNNNN` escape, so a file name or
 * front-matter value from an untrusted document is printed, never obeyed. Line breaks are escaped
 * too: a human-readable report puts one diagnostic on one line.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
