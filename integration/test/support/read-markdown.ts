import { readFileSync } from 'node:fs';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** A link, image or link definition in a Markdown file. */
export interface MarkdownLink {
  url: string;
  line: number;
}

/** What the tests read from one Markdown file. */
export interface MarkdownFacts {
  links: MarkdownLink[];
  /** The anchors GitHub gives its headings (`## Inline directives` -> `inline-directives`). */
  anchors: Set<string>;
  /** The text of every fenced code block. */
  codeBlocks: string[];
}

/** Parse a Markdown file as GitHub renders it (GFM) and collect its links, heading anchors and code blocks. */
export function readMarkdown(file: string): MarkdownFacts {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(file, 'utf8')) as Root;
  const links: MarkdownLink[] = [];
  const anchors = new Set<string>();
  const codeBlocks: string[] = [];
  const slugger = new GithubSlugger();
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') links.push({ url: node.url, line: node.position?.start.line ?? 0 });
    if (node.type === 'heading') anchors.add(slugger.slug(plainText(node)));
    if (node.type === 'code') codeBlocks.push(node.value);
  });
  return { links, anchors, codeBlocks };
}

function plainText(node: unknown): string {
  const value = node as { value?: string; children?: unknown[] };
  if (typeof value.value === 'string') return value.value;
  return (value.children ?? []).map(plainText).join('');
}
