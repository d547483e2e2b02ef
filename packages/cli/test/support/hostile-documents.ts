import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeFiles } from './sample-documents.js';

/**
 * The hostile files of issue 6, generated at test time (never committed: some would trip scanners).
 * Each maps to what qadocs must report for it: a rule id (at an optional line), or `any` where the
 * file is safe to read and only has to come out as ordinary diagnostics.
 */
export interface HostileCase {
  content: string | Uint8Array;
  expect: { ruleId: string; line?: number } | { ruleIdPrefix: string; line: number } | 'any' | 'cr-only';
}

/** The size limit the hostile folder's config sets (`maxFileSize`), in bytes. */
export const HOSTILE_MAX_FILE_SIZE = 300_000;

const question = '\nHow do I keep this document safe?\n\nBy letting qadocs refuse anything it cannot read safely.\n';

/** Front matter whose evaluation would create `marker` (gray-matter's JavaScript engines evaluate it). */
function executablePayload(marker: string): string {
  return `(globalThis.process.getBuiltinModule ? globalThis.process.getBuiltinModule('fs') : require('fs')).writeFileSync(${JSON.stringify(marker)}, 'executed')`;
}

/** Every hostile case of issue 6, by file name; `marker` is the file a successful code execution would create. */
export function hostileCases(marker: string): Record<string, HostileCase> {
  const payload = executablePayload(marker);
  const aliases = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((key, index) => `${key}: &${key} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(',')}]`)];
  return {
    'engine-js.md': { content: `---js\n{ title: ${payload} }\n---\n${question}`, expect: { ruleId: 'frontmatter/unsafe-engine', line: 1 } },
    'engine-JS-upper.md': { content: `---JS\nmodule.exports = { title: ${payload} }\n---\n${question}`, expect: { ruleId: 'frontmatter/unsafe-engine', line: 1 } },
    'engine-javascript.md': { content: `---JavaScript\n{ title: ${payload} }\n---\n${question}`, expect: { ruleId: 'frontmatter/unsafe-engine', line: 1 } },
    'engine-coffee.md': { content: `---coffee\ntitle: ${payload}\n---\n${question}`, expect: { ruleId: 'frontmatter/unsafe-engine', line: 1 } },
    'engine-toString.md': { content: `---toString\ntitle: x\n---\n${question}`, expect: { ruleId: 'frontmatter/unsafe-engine', line: 1 } },
    'engine-constructor.md': { content: `---constructor\ntitle: x\n---\n${question}`, expect: { ruleId: 'frontmatter/unsafe-engine', line: 1 } },
    'billion-laughs.md': { content: `---\n${aliases.join('\n')}\ntitle: laughs\n---\n${question}`, expect: { ruleId: 'frontmatter/parse-error' } },
    'deep-flow-nesting.md': { content: `---\ntitle: deep\nnested: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n${question}`, expect: { ruleId: 'frontmatter/parse-error' } },
    'duplicate-keys.md': { content: `---\ntitle: One\ntitle: Two\n---\n${question}`, expect: { ruleIdPrefix: 'frontmatter/', line: 3 } },
    'lossy-values.md': { content: `---\ntitle: Values\nversion: 1.10\nmode: 0777\ndate: 2024-02-30\n---\n${question}`, expect: 'any' },
    'unsafe-id.md': { content: `---\ntitle: Escape\nid: ../../x\n---\n${question}`, expect: { ruleId: 'frontmatter/id', line: 3 } },
    'invalid-utf8.md': { content: Buffer.concat([Buffer.from('---\ntitle: Bytes\n---\n\nWhat is '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('?\n')]), expect: { ruleId: 'input/encoding', line: 5 } },
    'utf16-bom.md': { content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`---\ntitle: Wide\n---\n${question}`, 'utf16le')]), expect: { ruleId: 'input/encoding' } },
    'nul-byte.md': { content: `---\ntitle: Nul\n---\n\nHow do I \u0000 handle this?\n\nLike so.\n`, expect: 'any' },
    // Parsed correctly, the undefined footnote is reported; refused, a fatal diagnostic is. Never silently empty.
    'cr-only.md': { content: '---\rtitle: Old Mac\rdescription: Line endings from another age of computers.\rcategory: reference\r---\r\rWhat are CR line endings?\r\rA line ending of one carriage return[^gone].\r', expect: 'cr-only' },
    'hidden-characters.md': { content: `---\ntitle: Hidden\n---\n\nHow do I spot \u202Ehidden\u202C text\u200B?\n\nLook for the code points.\n`, expect: { ruleId: 'content/hidden-characters', line: 5 } },
    'too-large.md': { content: `---\ntitle: Big\n---\n${question}\n${'Lorem ipsum dolor sit amet. '.repeat(Math.ceil((HOSTILE_MAX_FILE_SIZE * 1.5) / 28))}\n`, expect: { ruleId: 'input/too-large' } },
    'quadratic-emphasis.md': { content: `---\ntitle: Slow\n---\n\nWhy?\n\n${'*a_ '.repeat(25_000)}\n`, expect: { ruleId: 'input/timeout' } },
    'quadratic-cdata.md': { content: `---\ntitle: Slow\n---\n\nWhy?\n\n${'a <![CDATA['.repeat(20_000)}\n`, expect: { ruleId: 'input/timeout' } },
    'html-attack.md': {
      content: [
        '---\ntitle: Attack\n---\n',
        'How do I stay safe from active content?\n',
        '<script>document.title = "pwned"</script>\n',
        '<img src=x onerror="document.title = \'pwned\'">\n',
        '<iframe src="https://example.com"></iframe>\n',
        '[inline](javascript:alert(1)), [mixed case](JaVaScRiPt:alert(1)), [entity](&#106;avascript:alert(1)), [colon](javascript&colon;alert(1)), [vb](vbscript:msgbox(1)) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).\n',
        '[reference][evil], ![image](javascript:alert(1)) and <a href="javascript:alert(2)" onclick="alert(3)">raw</a>.\n',
        '[evil]: javascript:alert(1)\n',
      ].join('\n'),
      expect: 'any',
    },
    'script-in-front-matter.md': { content: `---\ntitle: "</script><script>document.title = 'pwned'</script>"\ndescription: "</script><img src=x onerror=alert(1)>"\n---\n${question}`, expect: 'any' },
  };
}

/** The one ordinary document: a single known defect, an undefined footnote reference on line 10. */
export const ORDINARY_DOCUMENT = {
  name: 'ordinary.md',
  content: `---\ntitle: Undefined footnotes\ndescription: What happens when a footnote reference has no definition.\ncategory: explanation\nreviewed_by: Ada\n---\n\nWhat does an undefined footnote reference look like?\n\nIt renders as the literal text, because no definition exists[^missing].\n`,
  defect: { ruleId: 'citation/undefined', line: 10 },
};

/**
 * Write the hostile folder `<project>/hostile` (every hostile case plus the ordinary document) and the
 * project's config, which sets the size limit. Returns the names of the files written.
 */
export function writeHostileProject(project: string, marker: string): string[] {
  const cases = hostileCases(marker);
  writeFiles(path.join(project, 'hostile'), { ...Object.fromEntries(Object.entries(cases).map(([name, item]) => [name, item.content])), [ORDINARY_DOCUMENT.name]: ORDINARY_DOCUMENT.content });
  writeFileSync(path.join(project, 'qadocs.config.json'), JSON.stringify({ maxFileSize: HOSTILE_MAX_FILE_SIZE }));
  return [...Object.keys(cases), ORDINARY_DOCUMENT.name].sort();
}
