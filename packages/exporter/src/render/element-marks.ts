import type { Element } from 'hast';

/** Flags the renderer keeps on hast elements (in `data`, which is never serialized). */
export type ElementMark =
  /** A footnote call, back-link or footnote-section element GFM generated (not a raw-HTML look-alike). */
  | 'generatedFootnote'
  /** An element the page itself builds with a fixed id (`#source`, `#further-reading`). */
  | 'pageOwned';

declare module 'hast' {
  interface ElementData {
    generatedFootnote?: boolean;
    pageOwned?: boolean;
  }
}

/** Set a mark on an element. */
export function markElement<T extends Element>(element: T, mark: ElementMark): T {
  const data = (element.data ?? {}) as NonNullable<Element['data']>;
  data[mark] = true;
  element.data = data;
  return element;
}

/** Whether an element carries a mark. */
export function hasMark(element: Element, mark: ElementMark): boolean {
  return element.data?.[mark] === true;
}
