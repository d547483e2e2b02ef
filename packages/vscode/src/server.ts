import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startStdioServer } from '@qadocs/language-server';

// The extension's own copy of the server: the engine's worker is bundled beside this file.
startStdioServer({ workerFile: pathToFileURL(path.join(__dirname, 'qadocs-worker.mjs')).href });
