import { escapeControlCharacters } from '@qadocs/linter';
import type { CliIo } from '../cli-io.js';
import { PreviewSite, type RebuildSummary } from '../preview/preview-site.js';
import { startPreviewServer, type PreviewServer } from '../preview/preview-server.js';
import { prepareRun, type CommonFlags } from '../run-context.js';
import { EXIT, UsageError } from '../usage-error.js';
import { untilStopped } from '../watch/until-stopped.js';
import { watchInputs, type InputChanges } from '../watch/watch-inputs.js';

export interface PreviewFlags extends Pick<CommonFlags, 'config' | 'root' | 'threads' | 'timeout' | 'progress' | 'lowMemory'> {
  port: string;
  host: string;
}

/** `--port`: 0 (any free port) to 65535, or a usage error quoting it. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`Unexpected --port "${value}", expected a port number from 0 to 65535 (0: any free port)`);
  return port;
}

/**
 * `qadocs preview`: serve the site as `qadocs export` renders it, with each page's lint problems on it,
 * and reload open pages when a document or the config is saved. Runs until Ctrl+C (or SIGTERM), then
 * closes the server and the watcher and exits 0.
 */
export async function previewCommand(paths: string[], flags: PreviewFlags, io: CliIo): Promise<number> {
  parsePort(flags.port);
  if (flags.host.trim() === '') throw new UsageError(`Unexpected --host "${flags.host}", expected an address to listen on, such as 127.0.0.1`);
  let context = await prepareRun(paths, flags, io, { requireMatches: paths.length > 0 });
  // Listened for from here on: Ctrl+C during the first run or before the watcher is ready still stops cleanly.
  const stopped = untilStopped();
  const site = new PreviewSite(context, io);
  let server: PreviewServer | undefined;
  const onChange = async (changes: InputChanges) => {
    if (changes.documents.size === 0 && !changes.config && changes.others.size === 0) return;
    if (changes.documents.size > 0 || changes.config) {
      // Saves of known documents keep the list; an added or removed file, or the config, finds it again.
      if (changes.added || changes.config) context = await prepareRun(paths, flags, io, { requireMatches: paths.length > 0 });
      const summary = await site.update(context, changes.config ? 'all' : changes.documents);
      io.stderr.write(`qadocs preview: rendered ${summary.rendered} of ${summaryText(summary)}\n`);
    } else {
      // An image changed: pages showing it reload; nothing to render.
      await site.update(context, new Set());
    }
    server?.announce(site.version);
  };
  const watcher = await watchInputs({
    inputs: paths.length > 0 ? paths : [context.config.contentRootPath],
    cwd: io.cwd,
    configFile: flags.config ?? null,
    onChange,
    // A broken config or a path that went away: said once, and the last good site stays up.
    onError: (error) => io.stderr.write(`qadocs preview: ${escapeControlCharacters((error as Error).message)}\n`),
  });
  try {
    // Watching from before the first run: a save while it reads the files is seen.
    await watcher.ready;
    const first = await site.update(context, 'all');
    server = await listen(site, flags);
    io.stdout.write(`qadocs preview: ${server.url} (${summaryText(first)}; Ctrl+C to stop)\n`);
    watcher.start();
    const signal = await stopped;
    io.stderr.write(`qadocs preview: stopped (${signal})\n`);
  } finally {
    await watcher.close();
    await server?.close();
  }
  return EXIT.ok;
}

/** Start the server, with the address or port it cannot take reported as the user's flag to correct. */
async function listen(site: PreviewSite, flags: PreviewFlags): Promise<PreviewServer> {
  try {
    return await startPreviewServer(site, { host: flags.host, port: parsePort(flags.port) });
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EADDRINUSE') throw new UsageError(`Unexpected --port "${flags.port}": the port is in use on ${flags.host}, expected a free port (--port 0 picks one)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw new UsageError(`Unexpected --host "${flags.host}": no such address on this machine, expected one of its addresses, such as 127.0.0.1`);
    if (code === 'EACCES') throw new UsageError(`Unexpected --port "${flags.port}": permission denied, expected a port above 1023 (or --port 0)`);
    throw error;
  }
}

function summaryText(summary: RebuildSummary): string {
  const documents = `${summary.documents} ${summary.documents === 1 ? 'document' : 'documents'}`;
  if (summary.errors + summary.warnings === 0) return `${documents}, no problems`;
  return `${documents}, ${summary.errors} ${summary.errors === 1 ? 'error' : 'errors'}, ${summary.warnings} ${summary.warnings === 1 ? 'warning' : 'warnings'}`;
}
