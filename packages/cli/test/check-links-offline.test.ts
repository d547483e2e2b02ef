import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { writeFiles } from './support/sample-documents.js';
import { makeTempFolder } from './support/temp-folder.js';

// Only local servers on random ports and a `.invalid` host (which never resolves, RFC 6761): no test
// depends on, or sends anything to, a real internet host.
let site: Server;
let siteBase: string;
let closedBase: string;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  site = createServer((request, response) => {
    if (request.url === '/hang') return; // accepts the connection, never answers
    response.writeHead(request.url === '/ok' ? 200 : 404).end();
  });
  siteBase = await listen(site);
  // A port that was just free and is closed again: connecting to it is refused.
  const closed = createServer();
  closedBase = await listen(closed);
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});

afterAll(async () => {
  site.closeAllConnections();
  await new Promise<void>((resolve) => site.close(() => resolve()));
});

const cwd = makeTempFolder('check-links');

function documentCiting(urls: readonly string[]): string {
  const claims = urls.map((_, index) => `Claim number ${index + 1} is documented[^${index + 1}].`).join(' ');
  const notes = urls.map((url, index) => `[^${index + 1}]: [Source ${index + 1}](${url})`).join('\n');
  return [
    '---',
    'title: Where are the release notes?',
    'description: Where the release notes of each version are published, and where to read every change.',
    'category: reference',
    '---',
    '',
    '# Where are the release notes?',
    '',
    claims,
    '',
    notes,
    '',
  ].join('\n');
}

interface Report {
  messages: Array<{ ruleId: string; severity: 1 | 2; line: number; message: string }>;
}

describe('--check-links without network: an unreachable host is not a dead link (issue 11)', () => {
  beforeAll(() => {
    // The local servers speak http; that is not what this test is about.
    writeFiles(cwd, { 'qadocs.config.json': JSON.stringify({ rules: { 'citation/insecure-url': 'off' } }) });
  });

  it('refused, timed out and unresolvable hosts are warnings that say so; a 404 is still a dead link', async () => {
    const refused = `${closedBase}/releases`;
    const timedOut = `${siteBase}/hang`;
    const unresolvable = 'http://qadocs-changelog.invalid/changes';
    const answers = `${siteBase}/ok`;
    const gone = `${siteBase}/gone`;
    writeFiles(cwd, { 'offline.md': documentCiting([refused, timedOut, unresolvable, answers]), 'dead.md': documentCiting([answers, gone]) });

    // One run each, side by side: the timeout case waits out the link check's 10 s limit once.
    const [offline, dead, offlineJson] = await Promise.all([
      runQadocs(['lint', 'offline.md', '--check-links', '--cache-location', 'cache-1'], { cwd }),
      runQadocs(['lint', 'dead.md', '--check-links', '--cache-location', 'cache-2'], { cwd }),
      runQadocs(['lint', 'offline.md', '--check-links', '--format', 'json', '--cache-location', 'cache-3'], { cwd }),
    ]);

    // Nothing is known of the three pages: warnings, exit 0, and a closing line with the count.
    expect(offline.code, describeRun(offline)).toBe(0);
    expect(offline.stderr).toBe('3 links could not be checked: no answer from their hosts (offline?); reported as warnings, not as dead links\n');
    const messages = (JSON.parse(offlineJson.stdout) as Report[])[0]!.messages;
    expect(messages.map(({ ruleId, severity, line }) => [ruleId, severity, line])).toEqual([
      ['citation/dead-link', 1, 11],
      ['citation/dead-link', 1, 12],
      ['citation/dead-link', 1, 13],
    ]);
    expect(messages[0]!.message).toContain('(ECONNREFUSED): the link could not be checked');
    expect(messages[1]!.message).toContain('(no answer within 10000 ms): the link could not be checked');
    expect(messages[2]!.message).toMatch(/\((ENOTFOUND|EAI_AGAIN)\): the link could not be checked/);
    expect(offline.stdout).toContain('\u2716 3 problems (0 errors, 3 warnings)');

    // A host that answers 404 is a dead link: an error, exit 1, and no "could not be checked" line.
    expect(dead.code, describeRun(dead)).toBe(1);
    expect(dead.stdout).toMatch(/^ {2}12:1 {2}error {2}Unexpected dead link `http:\/\/127\.0\.0\.1:\d+\/gone` in footnote `\[\^2\]` \(HTTP 404\)/m);
    expect(dead.stdout).not.toContain(answers);
    expect(dead.stderr).toBe('');
  });
});
