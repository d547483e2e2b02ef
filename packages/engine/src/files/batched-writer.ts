/**
 * Joins small writes into writes of about 64 KB. A report or cache line per document is a Buffer and a
 * writev entry each (10,000 documents: a quarter of a warm run); one joined string is neither.
 */
export interface BatchedWriter {
  write(text: string): void;
  /** Hand what is pending to the stream (before ending it). */
  flush(): void;
}

/**
 * `encoding: 'latin1'` is for text known to be ASCII (ASCII JSON, see `asciiJson`): the same bytes
 * as UTF-8, encoded several times faster (a 300 MB report: 0.3 s instead of 1.4 s).
 */
export function createBatchedWriter(stream: NodeJS.WritableStream, options: { batchLength?: number; encoding?: 'utf8' | 'latin1' } = {}): BatchedWriter {
  const { batchLength = 64 * 1024, encoding = 'utf8' } = options;
  let pending = '';
  const flush = () => {
    if (pending === '') return;
    stream.write(pending, encoding);
    pending = '';
  };
  return {
    write(text) {
      pending += text;
      if (pending.length >= batchLength) flush();
    },
    flush,
  };
}
