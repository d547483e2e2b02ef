import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/index.js';

const parse = (text: string) => parseDocument(text, { path: 'doc.md', root: '.' }).record;

describe('constructs of real FAQ pages', () => {
  it('resolves reference-style links for the citation url and further reading', () => {
    const record = parse(
      'Why?\n\nBecause[^a].\n\n[^a]: See the [indirect attack][corallo].\n\n## Further reading\n\n- [The thread][corallo]\n\n[corallo]: https://example.com/thread\n',
    );
    expect(record.citations.map((citation) => [citation.label, citation.url, citation.title])).toEqual([['a', 'https://example.com/thread', 'indirect attack']]);
    expect(record.furtherReading.map((link) => [link.text, link.url])).toEqual([['The thread', 'https://example.com/thread']]);
  });

  it('reads a heading question without its anchor attributes, in any script', () => {
    const record = parse('### Why a curl script? {#why-curl}\n\nIt is handy.\n\n### Γιατί ένα script; {/* #why */}\n\nΕίναι βολικό.\n\n## 如何安装？ {.faq}\n\n下载。\n');
    expect(record.entries.map((entry) => entry.question)).toEqual(['Why a curl script?', 'Γιατί ένα script;', '如何安装？']);
  });

  it('reads bold-question paragraphs as entries, with the answer that shares the paragraph', () => {
    const record = parse('## FAQ\n\n**Can I use an IP address?**\nNo. Use a hostname.\n\n**Does NFSv3 work?**\nNo.\n\nIt lacks Kerberos.\n\n## Next steps\n\nRead on.\n');
    expect(record.entries.map((entry) => [entry.question, entry.answer.text])).toEqual([
      ['Can I use an IP address?', 'No. Use a hostname.'],
      ['Does NFSv3 work?', 'No.\n\nIt lacks Kerberos.'],
    ]);
  });

  it('reads link items that go on with an answer as entries, and leaves a list of links alone', () => {
    const record = parse('## Q&A\n\n- [Why isn\'t X buried?](https://example.com/1)\n  Andrew explains why.\n- [What is Y?](./y.md)\n');
    expect(record.entries.map((entry) => [entry.question, entry.answer.text])).toEqual([["Why isn't X buried?", 'Andrew explains why.']]);
  });
});
