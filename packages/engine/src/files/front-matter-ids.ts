import { readDocumentIdentity } from '@qadocs/parser';
import { readDocument } from './read-document.js';

/** A front-matter `id:` or `slug:` key somewhere in a file that opens with front matter. */
const MAY_SET_ID = /^(?:\uFEFF)?---[^\n]*\n(?:[^\n]*\n)*?(?:id|slug)[ \t]*:/;

/**
 * The ids of the documents whose front matter sets one (`id: custom/bee`), by record path
 * (`b.md`): a page linking to `b.md` must point at `custom/bee.html`, and pages are rendered in workers
 * before the linked document's own outcome is known. Read before the run: most files have no `id` key
 * and are passed over on a byte scan; only the others get their front matter read the parser's way.
 */
export function readFrontMatterIds(files: readonly string[], root: string, maxBytes: number): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readDocument(file, maxBytes);
    } catch {
      continue; // unreadable or too large: not exported, so no page to link to
    }
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', 0, Math.min(bytes.byteLength, 64 * 1024));
    if (!MAY_SET_ID.test(head)) continue;
    const identity = readDocumentIdentity(bytes, { path: file, root });
    if (identity && identity.id !== identity.path.replace(/\.(md|mdx|markdown|txt)$/i, '')) ids[identity.path] = identity.id;
  }
  return ids;
}

