/**
 * Joins small writes into writes of about 64 KB. A report or cache line per document is a Buffer and a
 * writev entry each (10,000 documents: a quarter of a warm run); one joined string is neither.
 */
export interface BatchedWriter {
  write(text: string): void;
  /** Hand what is pending to the stream (before ending it). */
  flush(): void;
}

export function createBatchedWriter(stream: NodeJS.WritableStream, batchLength = 64 * 1024): BatchedWriter {
  let pending = '';
  const flush = () => {
    if (pending === '') return;
    stream.write(pending);
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
