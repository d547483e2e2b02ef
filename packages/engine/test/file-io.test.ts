import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createBatchedWriter } from '../src/files/batched-writer.js';
import { FileTooLarge, readDocument } from '../src/files/read-document.js';
import { makeTempFolder } from './support/temp-folder.js';

const dir = makeTempFolder('file-io');

describe('readDocument', () => {
  it('returns the exact bytes of a file', () => {
    const file = path.join(dir, 'doc.md');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x51, 0x0d, 0x0a, 0x00, 0xff]);
    writeFileSync(file, bytes);
    expect([...readDocument(file)]).toEqual([...bytes]);
  });

  it('does not hang on a FIFO with no writer (a path swapped after it was listed)', () => {
    const fifo = path.join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    // Non-blocking: the open returns at once and there is nothing to read.
    expect(readDocument(fifo).byteLength).toBe(0);
  });

  it('throws for a missing file, naming it', () => {
    expect(() => readDocument(path.join(dir, 'missing.md'))).toThrow(/missing\.md/);
  });
});

describe('createBatchedWriter', () => {
  it('writes everything, in order, in few large writes', () => {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const writer = createBatchedWriter(stream, { batchLength: 100 });
    const lines = Array.from({ length: 50 }, (_, index) => `line ${index}\n`);
    for (const line of lines) writer.write(line);
    writer.flush();
    expect(chunks.join('')).toBe(lines.join(''));
    expect(chunks.length).toBeLessThanOrEqual(Math.ceil(lines.join('').length / 100) + 1);
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('writes nothing before the batch fills, and nothing for an empty flush', () => {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const writer = createBatchedWriter(stream, { batchLength: 100 });
    writer.write('short');
    expect(chunks).toEqual([]);
    writer.flush();
    writer.flush();
    expect(chunks).toEqual(['short']);
  });
});

describe('readDocument with a size limit (issue 17, item 5)', () => {
  it('refuses a sparse 1.9 GB file from its size, without reading it', () => {
    const file = path.join(dir, 'huge.md');
    execFileSync('truncate', ['-s', '1900M', file]);
    const error = (() => {
      try {
        readDocument(file, 4 * 1024 * 1024);
      } catch (thrown) {
        return thrown;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(FileTooLarge);
    expect(error).toMatchObject({ size: 1_992_294_400, maxBytes: 4 * 1024 * 1024 });
  });

  it('reads a file of exactly the limit, and refuses one byte more', () => {
    const file = path.join(dir, 'edge.md');
    writeFileSync(file, 'x'.repeat(100));
    expect(readDocument(file, 100).byteLength).toBe(100);
    expect(() => readDocument(file, 99)).toThrow(FileTooLarge);
  });

  it('reads a file whose size says 0 (as /proc files do) up to the limit only', () => {
    expect(readDocument('/proc/self/status', 1 << 20).byteLength).toBeGreaterThan(0);
    expect(() => readDocument('/proc/self/status', 10)).toThrow(FileTooLarge);
  });
});
