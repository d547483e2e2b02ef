import path from 'node:path';
import { CATEGORIES, type Category } from '@qadocs/schema';
import type { ResolvedConfig } from '../config/resolve-config.js';
import { slugOfQuestion } from './scaffold-document.js';

/** One of the four categories by name, or by a configured alias of one (case-insensitive); null for anything else. */
export function categoryOfName(name: string, config: ResolvedConfig): Category | null {
  const lower = name.trim().toLowerCase();
  if ((CATEGORIES as readonly string[]).includes(lower)) return lower as Category;
  const alias = Object.entries(config.settings.categories.aliases).find(([key]) => key.toLowerCase() === lower);
  return alias ? alias[1] : null;
}

/** The folder a category's documents live in: a configured folder name for it, else the category's own name. */
export function categoryFolder(category: Category, config: ResolvedConfig): string {
  const configured = Object.entries(config.settings.categories.folders).find(([, value]) => value === category);
  return configured ? configured[0] : category;
}

/** Where a new document asking `question` goes: `<contentRoot>/<category folder>/<slug of the question>.md`. */
export function newDocumentPath(category: Category, question: string, config: ResolvedConfig): string {
  return path.join(config.contentRootPath, categoryFolder(category, config), `${slugOfQuestion(question)}.md`);
}
