import { CATEGORIES, type Category } from '@qadocs/schema';

/** How a category is named on the pages (singular for a badge, plural for an index heading). */
export const CATEGORY_LABELS: Record<Category, { singular: string; plural: string }> = {
  tutorial: { singular: 'Tutorial', plural: 'Tutorials' },
  'how-to': { singular: 'How-to guide', plural: 'How-to guides' },
  reference: { singular: 'Reference', plural: 'Reference' },
  explanation: { singular: 'Explanation', plural: 'Explanations' },
};

/** The index groups, in Diátaxis order, then the documents without a declared category. */
export const CATEGORY_GROUPS: ReadonlyArray<{ key: Category | null; id: string; singular: string; plural: string }> = [
  ...CATEGORIES.map((category) => ({ key: category, id: category, ...CATEGORY_LABELS[category] })),
  { key: null, id: 'uncategorized', singular: 'Uncategorized', plural: 'Uncategorized' },
];

/** The index group of a category (the uncategorized group for null). */
export function categoryGroup(category: Category | null) {
  return CATEGORY_GROUPS.find((group) => group.key === category)!;
}
