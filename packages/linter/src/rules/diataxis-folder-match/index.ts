import { z } from 'zod';
import { CATEGORIES, type Category } from '@qadocs/schema';
import { defineRule } from '../../rule.js';
import type { LintSettings } from '../../config/settings.js';
import { categoryPlace } from '../../document-places.js';

export default defineRule({
  id: 'diataxis/folder-match',
  description: 'Require a document in a category folder to declare that category',
  severity: 'error',
  fixable: false,
  messages: {
    mismatch: 'Unexpected category `{{declared}}` in the `{{folder}}/` folder, expected `{{expected}}` (or move the file out of `{{folder}}/`)',
  },
  options: z.object({}).strict(),
  check(document, context) {
    const declared = document.record.category;
    // No valid category is `diataxis/category`'s to report; there is nothing to compare.
    if (declared === null) return;
    const folder = firstFolder(document.path, context.settings.contentRoot);
    if (folder === null) return;
    const expected = categoryOfFolder(folder, context.settings);
    if (expected === null || expected === declared) return;
    context.report({ messageId: 'mismatch', data: { declared, folder, expected }, place: categoryPlace(document) });
  },
});

/** The first folder of a path under the content root: `how-to` for `how-to/install.md` or `content/how-to/install.md`. */
function firstFolder(documentPath: string, contentRoot: string): string | null {
  const root = contentRoot.replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '');
  let segments = documentPath.split('/').filter((segment) => segment !== '' && segment !== '.');
  const rootSegments = root === '' || root === '.' ? [] : root.split('/');
  if (rootSegments.length > 0 && rootSegments.every((segment, index) => segments[index] === segment)) segments = segments.slice(rootSegments.length);
  return segments.length >= 2 ? segments[0]! : null;
}

/** The category a folder name stands for: the four names, the configured folder names, then the aliases. */
function categoryOfFolder(folder: string, settings: LintSettings): Category | null {
  const name = folder.toLowerCase();
  if ((CATEGORIES as readonly string[]).includes(name)) return name as Category;
  const { folders, aliases } = settings.categories;
  for (const table of [folders, aliases]) {
    const match = Object.entries(table).find(([key]) => key.toLowerCase() === name);
    if (match) return match[1];
  }
  return null;
}
