import { z } from 'zod';
import { defineRule } from '../../rule.js';

/** Characters that change how text reads or compares without showing (Trojan Source, CVE-2021-42574). */
const HIDDEN_CHARACTERS: ReadonlyMap<number, string> = new Map([
  [0x061c, 'ARABIC LETTER MARK'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
]);

const HIDDEN_PATTERN = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]+/g;

const ZWNJ = 0x200c;
const ZWJ = 0x200d;

export default defineRule({
  id: 'content/hidden-characters',
  description: 'Disallow bidi control and zero-width characters',
  severity: 'warning',
  fixable: false,
  messages: {
    hidden: 'Unexpected invisible {{characters}}, expected no bidi control or zero-width characters (delete it, or write `{{entity}}` where one is meant)',
  },
  options: z
    .object({
      /** Code points to accept, as `U+200C`: a project writing Persian may allow the non-joiner everywhere. */
      allow: z.array(z.string().regex(/^U\+[0-9A-Fa-f]{4,6}$/, 'expected a code point like `U+200C`')).default([]),
    })
    .strict(),
  check(document, context) {
    const allowed = new Set(context.options.allow.map((codePoint) => parseInt(codePoint.slice(2), 16)));
    const { source } = document;
    for (const match of source.matchAll(HIDDEN_PATTERN)) {
      let runStart = -1;
      const flush = (end: number) => {
        if (runStart === -1) return;
        context.report({
          messageId: 'hidden',
          data: { characters: describeRun(source.slice(runStart, end)), entity: `&#x${source.charCodeAt(runStart).toString(16).toUpperCase()};` },
          place: document.location.position(runStart, end),
        });
        runStart = -1;
      };
      for (let offset = match.index; offset < match.index + match[0].length; offset++) {
        const code = source.charCodeAt(offset);
        // A byte order mark at the very start is the file's encoding mark, not text.
        const ignored = (offset === 0 && code === 0xfeff) || allowed.has(code) || isWordJoiner(source, offset, code);
        if (ignored) flush(offset);
        else if (runStart === -1) runStart = offset;
      }
      flush(match.index + match[0].length);
    }
  },
});

/** `U+200B ZERO WIDTH SPACE ×3`, one name per kind of character, in order. */
function describeRun(run: string): string {
  const parts: Array<{ code: number; count: number }> = [];
  for (const char of run) {
    const code = char.charCodeAt(0);
    const last = parts[parts.length - 1];
    if (last?.code === code) last.count++;
    else parts.push({ code, count: 1 });
  }
  return parts
    .map(({ code, count }) => `\`U+${code.toString(16).toUpperCase().padStart(4, '0')} ${HIDDEN_CHARACTERS.get(code)}\`${count > 1 ? ` ×${count}` : ''}`)
    .join(', ');
}

/**
 * Joiners that writing needs: ZWJ inside emoji sequences (woman + ZWJ + laptop), and ZWJ/ZWNJ between letters of scripts
 * whose spelling uses them (Persian, Hindi, Malayalam …). Between Latin, Greek or Cyrillic letters they only
 * hide something (`pay\u200Dpal`).
 */
function isWordJoiner(source: string, offset: number, code: number): boolean {
  if (code !== ZWJ && code !== ZWNJ) return false;
  const before = characterBefore(source, offset);
  const after = characterAfter(source, offset + 1);
  if (code === ZWJ && /\p{Extended_Pictographic}/u.test(before) && /\p{Extended_Pictographic}/u.test(after)) return true;
  const joinsLetters = (char: string) => /[\p{L}\p{M}]/u.test(char) && !/[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u.test(char);
  return joinsLetters(before) && joinsLetters(after);
}

/** The code point before `offset`, skipping emoji variation selectors and skin-tone modifiers. */
function characterBefore(source: string, offset: number): string {
  let index = offset;
  while (index > 0) {
    const low = source.charCodeAt(index - 1);
    const start = low >= 0xdc00 && low <= 0xdfff && index > 1 ? index - 2 : index - 1;
    const char = String.fromCodePoint(source.codePointAt(start)!);
    if (!/[\uFE0F\u{1F3FB}-\u{1F3FF}]/u.test(char)) return char;
    index = start;
  }
  return '';
}

function characterAfter(source: string, offset: number): string {
  return offset < source.length ? String.fromCodePoint(source.codePointAt(offset)!) : '';
}
