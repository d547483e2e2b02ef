import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PREVIEW_CONTENT_SECURITY_POLICY, PREVIEW_STYLESHEET, STYLESHEET } from '@qadocs/exporter';
import { PREVIEW_EVENTS_PATH, PREVIEW_SCRIPT, PREVIEW_SCRIPT_PATH, PREVIEW_STYLE_PATH, withVersion } from './preview-assets.js';
import type { PreviewSite } from './preview-site.js';
import { requestSegments } from './request-path.js';

/** Files of the content root the preview serves: the images pages show. Nothing else leaves the root. */
const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** Sent with every response: nothing served may run a script of its own or be framed elsewhere. */
const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** For what is not a preview page (images, the stylesheets, the script). */
const ASSET_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'";

export interface PreviewServer {
  /** The URL the site is at (`http://127.0.0.1:4800/`). */
  url: string;
  /** Tell every open page that the site changed. */
  announce(version: string): void;
  /** Stop: end the event streams, refuse new connections, close idle and open ones. */
  close(): Promise<void>;
}

/**
 * Start the preview's HTTP server on `host:port` (`port` 0: any free port). Serves the in-memory site,
 * the preview's script and styles, the event stream, and images from the content root; everything
 * else, and any path that tries to leave the root, is a 404. Only GET and HEAD.
 */
export async function startPreviewServer(site: PreviewSite, options: { host: string; port: number }): Promise<PreviewServer> {
  const streams = new Set<ServerResponse>();
  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error\n');
      else response.destroy();
    });
  });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
    }
    if (!hostAllowed(request.headers.host, options.host, port())) return send(response, 403, 'text/plain; charset=utf-8', 'Unexpected Host header\n');
    const segments = requestSegments(request.url ?? '');
    if (segments === null) return notFound(response);
    const urlPath = `/${segments.join('/')}`;
    if (urlPath === PREVIEW_EVENTS_PATH) return openStream(request, response);
    if (urlPath === PREVIEW_SCRIPT_PATH) return send(response, 200, 'text/javascript; charset=utf-8', PREVIEW_SCRIPT, ASSET_POLICY);
    if (urlPath === PREVIEW_STYLE_PATH) return send(response, 200, 'text/css; charset=utf-8', PREVIEW_STYLESHEET, ASSET_POLICY);
    if (urlPath === '/assets/style.css') return send(response, 200, 'text/css; charset=utf-8', STYLESHEET, ASSET_POLICY);
    const page = site.page(urlPath);
    if (page !== undefined) return send(response, 200, 'text/html; charset=utf-8', withVersion(page, site.version), PREVIEW_CONTENT_SECURITY_POLICY);
    return serveImage(segments, response);
  };

  const openStream = (request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    response.write(`retry: 500\nevent: version\ndata: ${site.version}\n\n`);
    streams.add(response);
    request.on('close', () => streams.delete(response));
  };

  /** A file under the content root, by its real path: a symbolic link that leads outside is not followed. */
  const serveImage = async (segments: string[], response: ServerResponse) => {
    const type = IMAGE_TYPES[path.extname(segments.at(-1) ?? '').toLowerCase()];
    if (!type) return notFound(response);
    try {
      const root = await realpath(site.root);
      const file = await realpath(path.join(root, ...segments));
      const stats = await stat(file);
      if (!isInside(root, file) || !stats.isFile()) return notFound(response);
      response.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': type, 'Content-Length': stats.size, 'Content-Security-Policy': ASSET_POLICY });
      createReadStream(file).pipe(response);
    } catch {
      notFound(response);
    }
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = () => (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    url: `http://${shownHost}:${port()}/`,
    announce(version) {
      for (const stream of streams) stream.write(`event: version\ndata: ${version}\n\n`);
    },
    async close() {
      for (const stream of streams) stream.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function send(response: ServerResponse, status: number, type: string, body: string, contentSecurityPolicy = "default-src 'none'"): void {
  response.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Content-Security-Policy': contentSecurityPolicy });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

function notFound(response: ServerResponse): void {
  send(response, 404, 'text/plain; charset=utf-8', 'Not found\n');
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * On a loopback address, only requests naming it (or `localhost`) are answered: a web page elsewhere
 * that points its own host name at 127.0.0.1 (DNS rebinding) must not read the preview. A server bound
 * with `--host` to another address answers any Host.
 */
function hostAllowed(hostHeader: string | undefined, boundHost: string, port: number): boolean {
  if (!['127.0.0.1', 'localhost', '::1'].includes(boundHost)) return true;
  if (!hostHeader) return false;
  const match = /^(.+?)(?::(\d+))?$/.exec(hostHeader.toLowerCase());
  if (!match) return false;
  return LOOPBACK_NAMES.has(match[1]!) && (match[2] === undefined || Number(match[2]) === port);
}
