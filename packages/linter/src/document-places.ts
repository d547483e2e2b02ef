import type { Position } from '@qadocs/schema';
import type { LintDocument } from './lint-document.js';

/** The `---` line that opens the front matter, or the start of line 1 when there is none. */
export function frontMatterOpener(document: LintDocument): Position {
  const range = document.parsed.frontMatter.range;
  if (!range) return document.location.position(0, 0);
  const lineEnd = document.source.slice(range[0]).search(/\r|\n/);
  return document.location.position(range[0], lineEnd === -1 ? document.source.length : range[0] + lineEnd);
}

/**
 * Where a message about the declared category belongs: the `category:` line, else the `---` that
 * opens the front matter (or line 1 when there is none).
 */
export function categoryPlace(document: LintDocument): Position {
  return document.frontMatterFields.get('category')?.position ?? frontMatterOpener(document);
}
