import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEvents, rawGet, startPreview, type LongRunningQadocs } from './support/preview-process.js';
import { runQadocs, describeRun } from './support/run-qadocs.js';
import { cleanDocument, writeFiles } from './support/sample-documents.js';
import { makeTempFolder } from './support/temp-folder.js';

/** The clean document with a pasted pseudo-citation on its last line: `citation/malformed`. */
const PSEUDO_CITATION = 'A preset is a named set of rule severities¹(https://example.com/presets).';
const withPseudoCitation = () => `${cleanDocument()}\n${PSEUDO_CITATION}\n`;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function project(name: string): string {
  const dir = path.join(makeTempFolder(`preview-${name}`), 'project');
  writeFiles(dir, {
    'content/how-to/configure.md': withPseudoCitation(),
    'content/how-to/diagram.png': PNG,
    'package.json': '{"name":"secret-project","private":true}\n',
    'secret.png': PNG,
  });
  return dir;
}

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('qadocs preview, as a process', () => {
  let dir: string;
  let preview: LongRunningQadocs & { url: string };

  beforeAll(async () => {
    dir = project('serve');
    // A link inside the content root that leads out of it, to a file the server must never send.
    symlinkSync(path.join(dir, 'secret.png'), path.join(dir, 'content/how-to/leak.png'));
    preview = await startPreview([], dir);
  });
  afterAll(async () => {
    await preview?.stop();
  });

  it('prints its URL on 127.0.0.1 with the problem count, and serves the index with problem counts', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(preview.stdout()).toMatch(/\(1 document, 1 error, 0 warnings; Ctrl\+C to stop\)/);
    const index = await rawGet(preview.url, '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<p class="problem-count" id="qadocs-problem-total">1 error in 1 document</p>');
    expect(index.body).toContain('<p class="problem-count">1 error</p>');
  });

  it('serves the page as export renders it, with the problem in a panel and marked where it is, under the preview policy', async () => {
    const page = await rawGet(preview.url, '/how-to/configure.html');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const line = cleanDocument().split('\n').length + 1;
    const column = PSEUDO_CITATION.indexOf('¹') + 1;
    expect(page.body).toMatch(new RegExp(`<li id="problem-1" class="problem-error"><a class="problem-position" href="#qadocs-problem-1">${line}:${column}</a> <span class="problem-severity">error</span> <span class="problem-message">Unexpected pseudo-citation [^<]*</span> <code class="problem-rule">citation/malformed</code></li>`));
    expect(page.body).toMatch(/<p class="qadocs-problem" data-problems="1" id="qadocs-problem-1">A preset is a named set of rule severities¹/);
    expect(page.body).toMatch(/<script type="module" src="\/__qadocs\/preview.js\?version=[\w-]+"><\/script>/);
    const script = await rawGet(preview.url, '/__qadocs/preview.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await rawGet(preview.url, '/assets/style.css')).status).toBe(200);
    expect((await rawGet(preview.url, '/how-to/diagram.png')).status).toBe(200);
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E%2Fpackage.json',
    '/how-to/../../package.json',
    '/how-to/%2e%2e/%2e%2e/secret.png',
    '/..%5cpackage.json',
    '/..\\package.json',
    '/how-to\\..\\..\\secret.png',
    '//etc/passwd',
    '/etc/passwd',
    `/${'x'.repeat(3)}/%00.png`,
    '/%zz',
    '/how-to/leak.png',
    '/.git/config',
    '/how-to/configure.md',
    'http://127.0.0.1/../package.json',
  ])('answers %s with 404 and nothing of the file', async (rawPath) => {
    const response = await rawGet(preview.url, rawPath);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('secret-project');
    expect(response.body).not.toContain('PNG');
  });

  it('refuses a request whose Host is not the loopback name (DNS rebinding)', async () => {
    const response = await rawGet(preview.url, '/', { Host: `attacker.example:${new URL(preview.url).port}` });
    expect(response.status).toBe(403);
  });

  it('announces a new site version when a document is saved, and the page then shows the fixed document', async () => {
    const events = openEvents(preview.url);
    try {
      const first = await events.next(0);
      writeFileSync(path.join(dir, 'content/how-to/configure.md'), cleanDocument());
      const second = await events.next(1);
      expect(second).not.toBe(first);
      const page = await rawGet(preview.url, '/how-to/configure.html');
      expect(page.body).toContain('No problems in <code>how-to/configure.md</code>');
      expect(page.body).not.toContain('citation/malformed');
      expect((await rawGet(preview.url, '/')).body).toContain('<p class="problem-count">No problems</p>');

      // An added document is served and indexed; a removed one is gone.
      writeFiles(dir, { 'content/how-to/second.md': withPseudoCitation().replace('title: Configure qadocs rules', 'title: Second page') });
      await events.next(2);
      const secondPage = (await rawGet(preview.url, '/how-to/second.html')).body;
      expect(secondPage).toContain('citation/malformed');
      // Previous/next within the category, as the export links them: the page that was not rendered
      // again links the added one too (same label: the ids order them).
      const nav = /<nav class="neighbour-nav"[^>]*>.*?<\/nav>/;
      expect(secondPage.match(nav)?.[0]).toMatch(/^<nav class="neighbour-nav" aria-label="How-to guides: previous and next"><ul><li class="neighbour-prev"><a href="configure.html" rel="prev">/);
      expect((await rawGet(preview.url, '/how-to/configure.html')).body.match(nav)?.[0]).toMatch(/<a href="second.html" rel="next"><span class="neighbour-direction">Next:<\/span> How do I configure qadocs rules for my project\?<\/a>/);
      rmSync(path.join(dir, 'content/how-to/second.md'));
      await events.next(3);
      expect((await rawGet(preview.url, '/how-to/second.html')).status).toBe(404);
      expect((await rawGet(preview.url, '/how-to/configure.html')).body).not.toMatch(nav);
    } finally {
      events.close();
    }
  });

  it('lints again with the new config when the config is saved', async () => {
    writeFileSync(path.join(dir, 'content/how-to/configure.md'), withPseudoCitation());
    const events = openEvents(preview.url);
    try {
      const seen = (await events.next(0), events.versions.length);
      await expect.poll(async () => (await rawGet(preview.url, '/how-to/configure.html')).body, { timeout: 30_000 }).toContain('citation/malformed');
      writeFileSync(path.join(dir, 'qadocs.config.json'), JSON.stringify({ rules: { 'citation/malformed': 'off' } }));
      await events.next(seen);
      await expect.poll(async () => (await rawGet(preview.url, '/how-to/configure.html')).body, { timeout: 30_000 }).not.toContain('citation/malformed');
    } finally {
      events.close();
    }
  });
});

describe('qadocs preview: binding and stopping', () => {
  it('listens on 127.0.0.1 only by default, and on the --host address only when given', async () => {
    const dir = project('bind');
    const local = await startPreview([], dir);
    const port = Number(new URL(local.url).port);
    try {
      expect(await accepts('127.0.0.1', port)).toBe(true);
      // 127.0.0.2 is this machine too (all of 127/8 is loopback): a server on every address would accept it.
      expect(await accepts('127.0.0.2', port)).toBe(false);
    } finally {
      expect(await local.stop()).toEqual({ code: 0, signal: null });
    }
    const other = await startPreview(['--host', '127.0.0.2'], dir);
    const otherPort = Number(new URL(other.url).port);
    try {
      expect(other.url).toBe(`http://127.0.0.2:${otherPort}/`);
      expect(await accepts('127.0.0.2', otherPort)).toBe(true);
      expect(await accepts('127.0.0.1', otherPort)).toBe(false);
    } finally {
      await other.stop();
    }
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('exits 0 on %s with an open event stream, and the port is free again', async (signal) => {
    const dir = project(signal.toLowerCase());
    const preview = await startPreview([], dir);
    const port = Number(new URL(preview.url).port);
    const events = openEvents(preview.url);
    await events.next(0);
    expect(await preview.stop(signal)).toEqual({ code: 0, signal: null });
    expect(preview.stderr()).toContain(`qadocs preview: stopped (${signal})`);
    expect(await accepts('127.0.0.1', port)).toBe(false);
    events.close();
  });

  it.each([
    [['--port', 'eighty'], 'Unexpected --port "eighty", expected a port number from 0 to 65535'],
    [['--port', '70000'], 'Unexpected --port "70000"'],
    [['--host', ''], 'Unexpected --host ""'],
    [['--host', '192.0.2.77'], 'Unexpected --host "192.0.2.77": no such address on this machine'],
  ])('refuses %j with exit 2 and a message quoting it', async (flags, message) => {
    const dir = project('flags');
    mkdirSync(path.join(dir, 'content'), { recursive: true });
    const run = await runQadocs(['preview', ...flags], { cwd: dir });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('refuses a port in use with exit 2', async () => {
    const dir = project('busy');
    const first = await startPreview([], dir);
    try {
      const run = await runQadocs(['preview', '--port', new URL(first.url).port], { cwd: dir });
      expect(run.code, describeRun(run)).toBe(2);
      expect(run.stderr).toMatch(/Unexpected --port "\d+": the port is in use on 127\.0\.0\.1, expected a free port \(--port 0 picks one\)/);
    } finally {
      await first.stop();
    }
  });
});
