import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/index.js';

const bytes = (...parts: Array<string | number[]>) => new Uint8Array(Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part)))));

describe('decoding is strict and positions stay exact', () => {
  it('refuses invalid UTF-8 with the byte offset, instead of U+FFFD', () => {
    const parsed = parseDocument(bytes('What', [0xff], '?\n'), { path: 'bad.md' });
    expect(parsed.fatal).toBe(true);
    expect(parsed.diagnostics).toMatchObject([{ ruleId: 'input/encoding', fatal: true }]);
    expect(parsed.diagnostics[0]!.reason).toContain('0xff at byte offset 4 (line 1, column 5)');
    expect(parseDocument(bytes('# Title\n\nnaïve caf', [0xe9], '\n')).diagnostics[0]).toMatchObject({ place: { start: { line: 3, column: 10 } } });
  });

  it.each([
    ['overlong', [0x41, 0xc0, 0xaf], 1],
    ['surrogate', [0x41, 0xed, 0xa0, 0x80], 1],
    ['truncated', [0x41, 0xe2, 0x82], 1],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['Latin-1 text', [0x63, 0x61, 0x66, 0xe9, 0x20], 3],
  ])('refuses %s sequences', (_name, sequence, offset) => {
    const parsed = parseDocument(bytes(sequence as number[]));
    expect(parsed.diagnostics[0]!.reason).toContain(`at byte offset ${offset}`);
  });

  it.each([
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('What?\n', 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('What?\n', 'utf16le').swap16()])],
    ['UTF-32LE', Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x57, 0, 0, 0])],
    ['UTF-16LE (no BOM)', Buffer.from('What is this?\n', 'utf16le')],
  ])('detects %s and refuses it clearly', (encoding, content) => {
    const parsed = parseDocument(new Uint8Array(content));
    expect(parsed.diagnostics).toMatchObject([{ ruleId: 'input/encoding', fatal: true }]);
    expect(parsed.diagnostics[0]!.reason).toContain(encoding);
  });

  it('counts a UTF-8 BOM in offsets and keeps front matter working', () => {
    const parsed = parseDocument(bytes([0xef, 0xbb, 0xbf], '---\ntitle: BOM\n---\nWhat?\n\nYes.\n'));
    expect(parsed.record.title).toBe('BOM');
    expect(parsed.record.entries[0]!.position.start).toEqual({ line: 4, column: 1, offset: 20 });
    expect(parsed.source.slice(20, 25)).toBe('What?');
  });

  it('replaces NUL as CommonMark requires, without shifting positions', () => {
    const parsed = parseDocument('What\0 is NUL?\n\nAn answer.\n');
    expect(parsed.record.entries[0]!.question).toBe('What\uFFFD is NUL?');
    expect(parsed.record.entries[0]!.position.end.offset).toBe(13);
  });

  it('refuses files over the size limit without reading them as text', () => {
    const parsed = parseDocument(new Uint8Array(2_000).fill(0x61), { maxBytes: 1_000 });
    expect(parsed.diagnostics).toMatchObject([{ ruleId: 'input/too-large', fatal: true }]);
    expect(parsed.diagnostics[0]!.reason).toContain('2000 bytes');
  });
});
