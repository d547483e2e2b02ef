import { describe, expect, it } from 'vitest';
import { requestSegments } from '../src/preview/request-path.js';

describe('requestSegments: what a preview request may name', () => {
  it.each([
    ['/', []],
    ['/index.html', ['index.html']],
    ['/how-to/rotate%20a%20key.html?x=1#top', ['how-to', 'rotate a key.html']],
    ['/caf%C3%A9/%E2%9C%93.png', ['café', '✓.png']],
  ])('%s -> %j', (raw, segments) => {
    expect(requestSegments(raw)).toEqual(segments);
  });

  it.each([
    '/../package.json',
    '/how-to/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E%2Fpackage.json',
    '/.%2e/package.json',
    '/..%5cpackage.json',
    '/..\\package.json',
    '/a\\b.png',
    '/%00.png',
    '/%zz',
    '//etc/passwd',
    '/how-to//x.html',
    '/./index.html',
    '/.git/config',
    '/how-to/.env',
    'http://127.0.0.1/index.html',
    '*',
    '',
  ])('refuses %j', (raw) => {
    expect(requestSegments(raw)).toBeNull();
  });
});
