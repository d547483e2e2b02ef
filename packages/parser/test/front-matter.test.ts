import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/index.js';

const ruleIds = (text: string) => parseDocument(text, { path: 'doc.md' }).diagnostics.map((diagnostic) => diagnostic.ruleId);

describe('front matter is data, never code', () => {
  it.each(['js', 'javascript', 'JS', 'JavaScript', 'coffee', 'coffeescript', 'cson', 'toString', 'constructor', '__proto__', 'toml', 'hasOwnProperty'])(
    'refuses `---%s` without running it',
    (language) => {
      const marker = `pwned_${language.replace(/\W/g, '_')}`;
      const text = `---${language}\n{ title: (function () { globalThis.${marker} = true; return 'x' })() }\n---\nWhat is this?\n\nAn answer.\n`;
      const parsed = parseDocument(text, { path: 'doc.md' });
      expect(parsed.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['frontmatter/unsafe-engine']);
      expect(parsed.diagnostics[0]!.reason).toContain(`\`${language}\``);
      expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
      expect(parsed.record.frontmatter).toEqual({});
      // The body is still read: one bad block does not hide the document.
      expect(parsed.record.entries[0]!.question).toBe('What is this?');
    },
  );

  it('accepts `---yaml` and `---json` spelled in any case', () => {
    expect(parseDocument('---YAML\ntitle: A\n---\nq?\n').record.title).toBe('A');
    expect(parseDocument('---json\n{"title": "B"}\n---\nq?\n').record.title).toBe('B');
    expect(parseDocument('---JSON\n{"title": "C"}\n---\nq?\n').record.title).toBe('C');
    expect(parseDocument('---Yml\ntitle: D\n---\nq?\n').record.title).toBe('D');
  });

  it('keeps values lossless: no silent number, sexagesimal, octal or date conversion', () => {
    const { record, diagnostics } = parseDocument('---\nversion: 1.10\ntime: 12:30\nmode: 0777\nbad: 2024-02-30\nday: 2024-10-10\ncount: 42\nratio: 1.5\nflag: true\nnothing: ~\ninf: .inf\nquoted: "007"\n---\nq?\n');
    expect(diagnostics).toEqual([]);
    expect(record.frontmatter).toEqual({ version: '1.10', time: '12:30', mode: '0777', bad: '2024-02-30', day: '2024-10-10', count: 42, ratio: 1.5, flag: true, nothing: null, inf: '.inf', quoted: '007' });
  });

  it('bounds alias expansion ("billion laughs") and nesting depth, quickly and without throwing', () => {
    const laughs = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefgh'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[index]}`).join(',')}]`), '---', 'q?', ''].join('\n');
    expect(ruleIds(laughs)).toEqual(['frontmatter/parse-error']);
    expect(parseDocument(laughs).diagnostics[0]!.reason).toMatch(/aliases/);
    const deepFlow = `---\na: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\nq?\n`;
    expect(parseDocument(deepFlow).diagnostics[0]!.reason).toMatch(/nesting 10000 levels deep/);
    const deepBlock = `---\na:\n${Array.from({ length: 200 }, (_, index) => `${' '.repeat(index + 1)}- x:`).join('\n')}\n---\n`;
    expect(ruleIds(deepBlock)).toEqual(['frontmatter/parse-error']);
  });

  it('reports duplicate keys at the repeated key and keeps the last value', () => {
    const parsed = parseDocument('---\ntitle: First\ndescription: d\ntitle: Second\n---\nq?\n');
    expect(parsed.diagnostics).toMatchObject([{ ruleId: 'frontmatter/parse-error', fatal: false, place: { start: { line: 4, column: 1 } } }]);
    expect(parsed.record.title).toBe('Second');
  });

  it('keeps `__proto__` and `constructor` keys as plain data (no prototype pollution)', () => {
    const parsed = parseDocument('---\n__proto__:\n  polluted: yes\nconstructor: 1\n---\nq?\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.record.frontmatter)).toBe(Object.prototype);
    expect(JSON.stringify(parsed.record.frontmatter)).toBe('{"__proto__":{"polluted":"yes"},"constructor":1}');
  });

  it('gives a fatal diagnostic for unterminated, invalid or non-mapping front matter', () => {
    expect(parseDocument('---\ntitle: x\nWhat?\n').diagnostics).toMatchObject([{ ruleId: 'frontmatter/parse-error', fatal: true, place: { start: { line: 1 } } }]);
    expect(parseDocument('---\ntitle: [unclosed\n---\nq?\n').diagnostics[0]).toMatchObject({ ruleId: 'frontmatter/parse-error', fatal: true });
    expect(parseDocument('---\n- a\n- b\n---\nq?\n').diagnostics[0]!.reason).toMatch(/not a mapping/);
  });

  it('parses CR-only line endings instead of silently emptying the file', () => {
    const parsed = parseDocument('---\rtitle: CR only\rdescription: old Mac line endings\r---\rWhat is CR?\r\rA line ending.\r');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.record.title).toBe('CR only');
    expect(parsed.record.entries[0]).toMatchObject({ question: 'What is CR?', position: { start: { line: 5, column: 1 } } });
  });

  it('survives a front matter of 100,000 blank lines (gray-matter alone is quadratic on it)', () => {
    const parsed = parseDocument(`---\n${' \n'.repeat(100_000)}title: x\n---\nq?\n`);
    expect(parsed.record.title).toBe('x');
  });

  it('refuses ids and slugs that would leave the output folder, keeping the path-derived id', () => {
    for (const id of ['../../etc/passwd', '/etc/passwd', 'C:/Windows/x', 'a/../../b', 'con', 'a\\b', 'x\u0000y']) {
      const parsed = parseDocument(`---\nid: ${JSON.stringify(id)}\n---\nq?\n`, { path: 'how-to/doc.md', root: '.' });
      expect(parsed.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['frontmatter/id']);
      expect(parsed.record.id).toBe('how-to/doc');
    }
    expect(parseDocument('---\nslug: guides/install\n---\nq?\n', { path: 'x.md' }).record.id).toBe('guides/install');
  });

  it('keeps `</script>` in front matter as inert text in the record', () => {
    const parsed = parseDocument('---\ntitle: "</script><script>alert(1)</script>"\n---\nq?\n');
    expect(parsed.record.title).toBe('</script><script>alert(1)</script>');
  });
});
