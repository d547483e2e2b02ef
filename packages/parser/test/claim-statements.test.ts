import type { List, ListItem } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { isClaimItem } from '../src/claim-statements.js';
import { nodeText } from '../src/node-text.js';

/** The first list item of a one-item Markdown list, and its text, parsed as parseDocument parses (GFM). */
function item(markdown: string): [ListItem, string] {
  const list = unified().use(remarkParse).use(remarkGfm).parse(markdown).children[0] as List;
  const listItem = list.children[0]!;
  return [listItem, nodeText(listItem)];
}

describe('a definition of a code identifier is not a claim', () => {
  it.each([
    ['- `$XDG_CACHE_HOME`: set an alternative location for storing cached files.'],
    ['- `$XDG_CONFIG_HOME`：设置 Helm 配置的替代存储位置。'],
    ['- `--timeout` – how long the command waits, five minutes by default.'],
    ['- `maxFileSize` — files larger than this are refused before they are read.'],
  ])('%s', (markdown) => {
    expect(isClaimItem(...item(markdown))).toBe(false);
  });

  it.each([
    ['- The `--force` flag deletes and recreates the resource without asking.'],
    ['- `helm init` was removed, and the client talks to the API server directly.'],
    ['- 可移植性：每个浏览器的 ISA 都必须相同。'],
    ['- Portability: The ISA must be the same for every browser.'],
  ])('but a statement that mentions code, or follows a label, is: %s', (markdown) => {
    expect(isClaimItem(...item(markdown))).toBe(true);
  });
});
