/**
 * Positions in a text as reviewdog counts them: 1-based lines, and columns in UTF-8 bytes from 1.
 * qadocs' own columns count UTF-16 code units, as ESLint's and SARIF's `utf16CodeUnits` do.
 */
export class Utf8Columns {
  readonly #text: string;
  readonly #lineStarts: number[] = [0];

  constructor(text: string) {
    this.#text = text;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) this.#lineStarts.push(index + 1);
    }
  }

  /** The position of a UTF-16 offset into the text. */
  atOffset(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.#text.length));
    let low = 0;
    let high = this.#lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#lineStarts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    const lineStart = this.#lineStarts[low]!;
    return { line: low + 1, column: Buffer.byteLength(this.#text.slice(lineStart, clamped), 'utf8') + 1 };
  }

  /** The position of a 1-based line and UTF-16 column (qadocs' `line`/`column`). */
  at(line: number, column: number): { line: number; column: number } {
    const lineStart = this.#lineStarts[line - 1];
    if (lineStart === undefined) return { line, column };
    return this.atOffset(lineStart + column - 1);
  }
}
