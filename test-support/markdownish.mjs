// Shared by the property tests of the parser, the linter and the exporter: text made of the pieces
// that stress a Q&A parser (front matter, footnotes, pseudo-citations, labels, raw HTML, odd bytes),
// glued with short random strings. `fc` is passed in so this file needs no dependency of its own.

export const MARKDOWNISH_FRAGMENTS = [
  '---\n', 'title: x\n', 'category: how-to\n', '---js\n', '# ', '## ', '### **', '**', '*', '_', '`', '```\n', '> ', '- ', '1. ', '   ', '\n', '\r\n', '\r',
  '[^1]', '[^1]: ', '[^a b]', '¹(https://example.com/a)', '³', '【8†source】', '\uE200cite\uE202turn0search1\uE201', '[^1_1]', '[1](https://example.com/b)',
  'What is it?', 'How do I?', 'Question: ', 'Q: ', 'A: ', 'Source: Conversation with Copilot, 10/10/2024', '## Further reading\n',
  '[link](https://example.com)', '<https://example.com>', '<!-- qadocs-disable -->', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))', '[x](&#106;avascript:alert(1))', '<a href="vbscript:x">v</a>', '![i](data:text/html,x)', '<iframe src=x>',
  '|a|b|\n|-|-|\n', '\uFEFF', '\0', '\u202E', 'text ', '\t',
];

/** An arbitrary of Markdown-ish strings, up to 60 pieces long. */
export function markdownish(fc) {
  return fc.array(fc.oneof(fc.constantFrom(...MARKDOWNISH_FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join(''));
}
