import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

// Module scripts and WebAssembly load only with their own types (the search page: Pagefind).
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };

/** A static file server for one folder on 127.0.0.1; it records every path asked for. */
export interface StaticServer {
  origin: string;
  requests: string[];
  close(): Promise<void>;
}

/** Serve `root` over HTTP on a free local port. Paths that leave the root get 404. */
export async function serveFolder(root: string): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push(pathname);
    const file = path.resolve(root, `.${pathname}`);
    const inside = file.startsWith(root + path.sep);
    const stats = inside ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!stats?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
