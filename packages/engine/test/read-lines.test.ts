import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { byteLengthOfLines, readLines } from '../src/files/read-lines.js';
import { makeTempFolder } from './support/temp-folder.js';

const dir = makeTempFolder('read-lines');

async function collect(file: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of await readLines(file)) lines.push(line);
  return lines;
}

describe('readLines', () => {
  it('splits across 1 MiB reads, with multi-byte characters and a line longer than a read', async () => {
    const lines = ['first', '', 'é'.repeat(700_000), 'ok 😀', 'x'.repeat(1_500_000), '€', 'last'];
    const file = path.join(dir, 'big.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(await collect(file)).toEqual(lines);
  });

  it('gives a last line without a newline, and nothing for an empty file', async () => {
    writeFileSync(path.join(dir, 'no-newline.txt'), 'a\nb');
    writeFileSync(path.join(dir, 'empty.txt'), '');
    expect(await collect(path.join(dir, 'no-newline.txt'))).toEqual(['a', 'b']);
    expect(await collect(path.join(dir, 'empty.txt'))).toEqual([]);
  });

  it('rejects at once for a missing file', async () => {
    await expect(readLines(path.join(dir, 'missing.txt'))).rejects.toThrow(/missing\.txt/);
  });
});

describe('byteLengthOfLines', () => {
  it('counts bytes up to and including the nth newline, across reads', () => {
    const lines = ['héllo', 'y'.repeat(1_200_000), 'z', 'tail'];
    const file = path.join(dir, 'lengths.txt');
    writeFileSync(file, lines.join('\n'));
    const expected = (count: number) => Buffer.byteLength(lines.slice(0, count).map((line) => `${line}\n`).join(''));
    expect(byteLengthOfLines(file, 0)).toBe(0);
    expect(byteLengthOfLines(file, 1)).toBe(expected(1));
    expect(byteLengthOfLines(file, 2)).toBe(expected(2));
    expect(byteLengthOfLines(file, 3)).toBe(expected(3));
    // Fewer lines than asked for: the whole file.
    expect(byteLengthOfLines(file, 10)).toBe(Buffer.byteLength(lines.join('\n')));
  });
});
