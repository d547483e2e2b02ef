import type { Definition, Image, ImageReference, Link, LinkReference } from 'mdast';

/** Link reference definitions (`[corallo]: https://…`) by identifier; the first of a repeated one wins, as in CommonMark. */
export type LinkDefinitions = ReadonlyMap<string, Definition>;

/**
 * Where a link or image points, whether written inline (`[text](url)`) or by reference (`[text][id]`,
 * `[text][]`, `[id]`, resolved through the document's definitions). Null for a reference to nothing.
 */
export function linkDestination(node: Link | LinkReference | Image | ImageReference, definitions: LinkDefinitions): string | null {
  if (node.type === 'link' || node.type === 'image') return node.url;
  return definitions.get(node.identifier)?.url ?? null;
}
