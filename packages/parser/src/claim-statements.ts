import type { ListItem, Nodes, RootContent } from 'mdast';
import { nodeText } from './node-text.js';
import { endsWithQuestionMark } from './question-text.js';
import { isImperativeSentence } from './sentence-mood.js';

/**
 * A claim is a declarative statement of fact: the kind of sentence a source can back. A list item is
 * one when it is none of these:
 * - a question (`Which users don't have running servers?`), in any script;
 * - an instruction: it opens with a verb in the imperative (`Join our Slack community`, `Run …`);
 * - a task (`* [x] Introduce the new API`), which states work to do, not a fact;
 * - a fragment: a noun phrase or a label with no statement (`the install and start events`,
 *   `Operating system name and version`) — neither a sentence's final punctuation nor a finite verb
 *   outside a subordinate clause (`some custom events, if the library is not suited`);
 * - a citation itself: an item that opens with a link and says nothing more than what it links to
 *   (`[View types for Rust](…) — the original proposal`), the shape of a reading list;
 * - a definition of a code identifier: an item that opens with inline code and a separator
 *   (`` `$XDG_CACHE_HOME`: set an alternative location ``, `` `--timeout` – how long to wait ``), the
 *   shape of reference text describing an interface, whose source is the interface itself.
 * An item written as `Label: text` or `Label - text` is judged by its text (the colon may be the
 * full-width `：` of Chinese and Japanese).
 */
export function isClaimItem(listItem: ListItem, text: string): boolean {
  if (typeof listItem.checked === 'boolean') return false;
  if (opensWithCitationLink(listItem)) return false;
  if (opensWithCodeDefinition(listItem)) return false;
  return isStatement(text);
}

/** Whether a piece of prose reads as a declarative statement (see `isClaimItem`). */
export function isStatement(text: string): boolean {
  const unquoted = text.trim().replace(/^["“'‘]+|["”'’]+$/gu, '');
  if (unquoted === '' || endsWithQuestionMark(unquoted)) return false;
  const statement = afterLabel(unquoted);
  if (isImperativeSentence(statement)) return false;
  return endsAsSentence(statement) || hasFiniteVerb(statement);
}

/** `$XDG_DATA_HOME: set …`, `Image retrieval - Ingest …`: the part after a short leading label. */
function afterLabel(text: string): string {
  const label = /^([^:：—–\-.!?]{1,60}?)\s*(?::\s|：\s*|\s[-–—]\s)/u.exec(text);
  return label ? text.slice(label[0].length) : text;
}

/** A sentence's final punctuation, in the scripts that have their own (`。`, `।`, `။` …). */
function endsAsSentence(text: string): boolean {
  return /[.!。！।॥။።]["”'’)\]]*$/u.test(text.trim());
}

/**
 * Auxiliaries, copulas and modals (and their negations): with one of them a line states something
 * ("Artifact Streaming isn't supported", "Customers can connect …") even without a final period.
 */
const FINITE_VERB = /\b(?:is|are|was|were|am|has|have|had|does|do|did|can|could|will|would|shall|should|may|might|must|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|doesn't|don't|didn't|can't|cannot|couldn't|won't|wouldn't|shouldn't|mustn't)\b/iu;

/** A subordinate clause, to the next comma or the end: its verb does not make the line a statement ("some events, if the API is not suited"). */
const SUBORDINATE_CLAUSE = /\b(?:if|when|whenever|where|which|who|whose|because|unless|while|although|though|since|once)\b[^,;]*/giu;

function hasFiniteVerb(text: string): boolean {
  return FINITE_VERB.test(text.replace(SUBORDINATE_CLAUSE, ''));
}

/** The item opens with a link (inline or by reference) and adds at most a short description after a separator. */
function opensWithCitationLink(listItem: ListItem): boolean {
  const first = listItem.children[0];
  if (!first || first.type !== 'paragraph') return false;
  const [lead, ...rest] = first.children;
  if (!lead || (lead.type !== 'link' && lead.type !== 'linkReference')) return false;
  const after = nodeText({ type: 'paragraph', children: rest });
  return after === '' || /^[-–—:(,|]/u.test(after);
}

/** The item opens with inline code followed by a separator: a term of an interface and its definition. */
function opensWithCodeDefinition(listItem: ListItem): boolean {
  const first = listItem.children[0];
  if (!first || first.type !== 'paragraph') return false;
  const [lead, ...rest] = first.children;
  if (!lead || lead.type !== 'inlineCode') return false;
  return /^\s*(?:[:：=]|[-–—]\s)/u.test(nodeText({ type: 'paragraph', children: rest }));
}

/** Every list item under `nodes`, by the offset it starts at. */
export function listItemsByStart(nodes: readonly RootContent[]): Map<number, ListItem> {
  const items = new Map<number, ListItem>();
  const walk = (node: Nodes) => {
    if (node.type === 'listItem' && node.position?.start.offset !== undefined) items.set(node.position.start.offset, node);
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  for (const node of nodes) walk(node);
  return items;
}
