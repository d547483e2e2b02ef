import type { Point, Position } from '@qadocs/schema';

/**
 * Offset <-> line/column over the original text, treating `\r\n`, `\r` and `\n` as line endings the way
 * micromark does, so positions computed here agree with the mdast ones.
 */
export class SourceLocation {
  readonly #lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 13) {
        if (text.charCodeAt(index + 1) === 10) index++;
        this.#lineStarts.push(index + 1);
      } else if (code === 10) {
        this.#lineStarts.push(index + 1);
      }
    }
  }

  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.#lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#lineStarts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - this.#lineStarts[low]! + 1, offset: clamped };
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.#lineStarts[line - 1] ?? this.text.length;
  }
}
