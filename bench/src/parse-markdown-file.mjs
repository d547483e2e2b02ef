import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * The parse floor's unit of work: read one file, split its front matter with gray-matter and parse
 * the body to mdast with remark-parse + remark-gfm. The tree is dropped; the return value is only
 * what the summary needs. Options are passed to gray-matter so that it does not keep every
 * document in its module-level cache (which would grow memory with the corpus).
 */
export function parseMarkdownFile(path) {
  const text = readFileSync(path, 'utf8');
  let body = text;
  let frontMatterError = false;
  try {
    body = matter(text, {}).content;
  } catch {
    // Broken YAML front matter: a real tool reports it and still parses the file.
    frontMatterError = true;
  }
  const tree = processor.parse(body);
  return { bytes: Buffer.byteLength(text), nodes: tree.children.length, frontMatterError };
}
