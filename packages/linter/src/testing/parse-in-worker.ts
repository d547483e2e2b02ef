import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { parseTimeoutDiagnostic, unparsableDocument, type ParseOptions, type ParsedDocument } from '@qadocs/parser';

/** How long a worker may take to load the parser before the fixture run gives up (not the parse limit). */
const WORKER_STARTUP_LIMIT_MS = 60_000;

const READY = 0;
const DONE = 1;

// Plain JavaScript so the worker runs the same from `src/` under vitest and from `dist/`.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { signal, port, parserUrl, input, options } = workerData;
import(parserUrl).then(({ parseDocument }) => {
  Atomics.store(signal, ${READY}, 1);
  Atomics.notify(signal, ${READY});
  let reply;
  try {
    reply = { parsed: parseDocument(input, options) };
  } catch (error) {
    reply = { error: String((error && error.stack) || error) };
  }
  port.postMessage(reply);
  Atomics.store(signal, ${DONE}, 1);
  Atomics.notify(signal, ${DONE});
}, (error) => {
  port.postMessage({ error: String((error && error.stack) || error) });
  Atomics.store(signal, ${READY}, 2);
  Atomics.notify(signal, ${READY});
});
`;

/**
 * Parse in a `node:worker_threads` Worker, as the CLI does, and `terminate()` it when it does not answer
 * within `timeoutMs`: the file then gets a fatal `input/timeout`. Synchronous (the calling thread waits
 * on a shared flag) so fixture linting and `fixSource` keep their synchronous shape. The clock starts
 * once the worker has loaded the parser, so only the parse itself is timed.
 */
export function parseInWorker(input: string | Uint8Array, options: ParseOptions, timeoutMs: number): ParsedDocument {
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const parserUrl = pathToFileURL(createRequire(import.meta.url).resolve('@qadocs/parser')).href;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { signal, port: port2, parserUrl, input, options },
    transferList: [port2],
  });
  worker.unref();
  try {
    if (Atomics.wait(signal, READY, 0, WORKER_STARTUP_LIMIT_MS) === 'timed-out') {
      throw new Error(`Unexpected parser worker still loading after ${WORKER_STARTUP_LIMIT_MS} ms, expected it to start`);
    }
    if (Atomics.load(signal, READY) === 2) throw new Error(`Unexpected failure loading the parser in a worker: ${workerError(port1)}`);
    if (Atomics.wait(signal, DONE, 0, timeoutMs) === 'timed-out') {
      const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
      const hash = `sha256-${createHash('sha256').update(bytes).digest('hex')}`;
      return unparsableDocument(options, hash, parseTimeoutDiagnostic(timeoutMs));
    }
    const reply = receiveMessageOnPort(port1)?.message as { parsed?: ParsedDocument; error?: string } | undefined;
    if (!reply?.parsed) throw new Error(`Unexpected crash of the parser in a worker: ${reply?.error ?? 'no reply'}`);
    return reply.parsed;
  } finally {
    port1.close();
    void worker.terminate();
  }
}

function workerError(port: MessagePort): string {
  const reply = receiveMessageOnPort(port)?.message as { error?: string } | undefined;
  return reply?.error ?? 'unknown error';
}
