import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_DIR } from './temp-folder.js';

/** A document from the project's own content that lints with no problem at all. */
export const cleanDocument = (): string => readFileSync(path.join(CONTENT_DIR, 'how-to/configure-rules.md'), 'utf8');

/**
 * The clean document with exactly two warnings and no error: the description restates the title
 * (`frontmatter/description-differs`, line 3) and the question heading is wrapped in `**`
 * (`structure/heading-emphasis`, line 7, fixable).
 */
export function documentWithWarnings(): string {
  const text = cleanDocument()
    .replace(/^description: .*$/m, 'description: Configure qadocs rules.')
    .replace(/^# (How do I configure qadocs rules for my project\?)$/m, '# **$1**');
  if (text === cleanDocument()) throw new Error('the clean document changed: update documentWithWarnings');
  return text;
}

/** The clean document with one error: a footnote reference with no definition (`citation/undefined`), on its last line. */
export function documentWithError(): string {
  return `${cleanDocument()}\nThe presets are described on the rules page[^presets].\n`;
}

/** Write files (name -> text or bytes) under `dir`, creating folders; returns `dir`. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): string {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
