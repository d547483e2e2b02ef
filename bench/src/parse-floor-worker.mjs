import { parentPort } from 'node:worker_threads';
import { parseMarkdownFile } from './parse-markdown-file.mjs';

// Receives batches of paths, parses each, and answers with the batch's totals so the main
// thread can hand out the next batch (a pull model: a busy worker is never sent more).
parentPort.on('message', (paths) => {
  let bytes = 0;
  let frontMatterErrors = 0;
  for (const path of paths) {
    const parsed = parseMarkdownFile(path);
    bytes += parsed.bytes;
    if (parsed.frontMatterError) frontMatterErrors++;
  }
  parentPort.postMessage({ files: paths.length, bytes, frontMatterErrors });
});
