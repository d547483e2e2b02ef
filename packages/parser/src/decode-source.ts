import type { ParseDiagnostic } from './parse-diagnostic.js';
import { FILE_START } from './parse-diagnostic.js';

/** The decoded text of a file, or the reason it was refused. */
export type DecodedSource = { ok: true; text: string } | { ok: false; diagnostic: ParseDiagnostic };

const UTF32_LE_BOM = [0xff, 0xfe, 0x00, 0x00];
const UTF32_BE_BOM = [0x00, 0x00, 0xfe, 0xff];

/**
 * Decode file bytes as strict UTF-8. UTF-16/32 and invalid UTF-8 are refused with `input/encoding`
 * instead of silently becoming U+FFFD or garbage. A UTF-8 BOM is kept as the first character so that
 * offsets stay those of the file.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  const encoding = detectWideEncoding(bytes);
  if (encoding) {
    return refuse(`Unexpected ${encoding} file, expected UTF-8: re-save it as UTF-8`);
  }
  const invalidAt = firstInvalidUtf8Offset(bytes);
  if (invalidAt !== -1) {
    const { line, column } = lineAndColumnOfByte(bytes, invalidAt);
    return refuse(
      `Unexpected invalid UTF-8 byte 0x${bytes[invalidAt]!.toString(16).padStart(2, '0')} at byte offset ${invalidAt} (line ${line}, column ${column}), expected UTF-8 text`,
      { start: { line, column, offset: 0 }, end: { line, column, offset: 0 } },
    );
  }
  return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

function refuse(reason: string, place = FILE_START): DecodedSource {
  return { ok: false, diagnostic: { ruleId: 'input/encoding', reason, place, fatal: true } };
}

/** Where a byte stands for an editor: its line, and its column in characters of the valid text before it. */
function lineAndColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a || (bytes[index] === 0x0d && bytes[index + 1] !== 0x0a)) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1 };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function detectWideEncoding(bytes: Uint8Array): string | null {
  if (startsWith(bytes, UTF32_LE_BOM)) return 'UTF-32LE';
  if (startsWith(bytes, UTF32_BE_BOM)) return 'UTF-32BE';
  if (startsWith(bytes, [0xff, 0xfe])) return 'UTF-16LE';
  if (startsWith(bytes, [0xfe, 0xff])) return 'UTF-16BE';
  // Without a BOM, ASCII text in UTF-16 shows NUL in every other byte of the first characters.
  const sample = bytes.subarray(0, 64);
  if (sample.length >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let index = 0; index < sample.length; index++) {
      if (sample[index] === 0) index % 2 === 0 ? evenNul++ : oddNul++;
    }
    const half = Math.floor(sample.length / 2);
    if (oddNul >= half * 0.75 && evenNul === 0) return 'UTF-16LE (no BOM)';
    if (evenNul >= half * 0.75 && oddNul === 0) return 'UTF-16BE (no BOM)';
  }
  return null;
}

/** Offset of the first byte of the first sequence that breaks UTF-8 (RFC 3629: no overlongs, no surrogates), or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  const length = bytes.length;
  while (index < length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index++;
      continue;
    }
    let needed: number;
    let min: number;
    let max = 0xbf;
    if (byte >= 0xc2 && byte <= 0xdf) {
      needed = 1;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      needed = 2;
      min = byte === 0xe0 ? 0xa0 : 0x80;
      if (byte === 0xed) max = 0x9f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      needed = 3;
      min = byte === 0xf0 ? 0x90 : 0x80;
      if (byte === 0xf4) max = 0x8f;
    } else {
      return index;
    }
    for (let k = 1; k <= needed; k++) {
      const next = bytes[index + k];
      if (next === undefined) return index;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (next < lo || next > hi) return index;
    }
    index += needed + 1;
  }
  return -1;
}
