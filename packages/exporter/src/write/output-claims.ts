import type { ManifestEntry, QaDocument } from '@qadocs/schema';
import type { IndexDocument } from '../render/render-index-page.js';
import { collisionKey, folderKeys, reservedOutputReason } from './output-paths.js';

/** One document's place in the export: its output files and what the manifest and index say about it. */
export interface DocumentSlot {
  record: Pick<QaDocument, 'id' | 'path'>;
  manifest: ManifestEntry;
  index: IndexDocument;
  /** Output files, relative to the output root. */
  outputs: string[];
  /** Set when a document that sorts first took its paths, or writing it failed. */
  evicted: boolean;
}

/** Why a document did not get its output paths. */
export interface ClaimRefusal {
  ruleId: 'export/reserved-path' | 'export/collision';
  file: string;
  reason: string;
}

/**
 * Who owns which output path. Two documents whose files would be one file somewhere (same id, ids that
 * differ only in case or Unicode normalization, or a file where another needs a folder) collide; the
 * one whose source path sorts first keeps the paths, so the result never depends on arrival order.
 */
export class OutputClaims {
  readonly #slots = new Map<string, DocumentSlot>();
  readonly #files = new Map<string, DocumentSlot>();
  readonly #folders = new Map<string, DocumentSlot>();

  /** The documents that hold their paths, sorted by id. */
  documents(): DocumentSlot[] {
    return [...this.#slots.values()].sort((a, b) => compareText(a.record.id, b.record.id));
  }

  /**
   * Give `slot` its paths, or refuse. Returns the refusals to report: the new document's own, or those
   * of documents it displaced (their `evicted` is set).
   */
  claim(slot: DocumentSlot): { granted: boolean; refusals: ClaimRefusal[] } {
    const { record } = slot;
    const reserved = slot.outputs.map(reservedOutputReason).find((why) => why !== null);
    if (reserved) {
      const reason = `Unexpected document id \`${record.id}\`: ${reserved}, expected another id`;
      return { granted: false, refusals: [{ ruleId: 'export/reserved-path', file: record.path, reason }] };
    }
    const rivals = this.#rivals(slot);
    const blocking = [...rivals].find(([rival]) => compareSlots(slot, rival) > 0);
    if (blocking) return { granted: false, refusals: [{ ruleId: 'export/collision', file: record.path, reason: collisionReason(slot, blocking[1], blocking[0]) }] };
    const refusals: ClaimRefusal[] = [];
    for (const [rival, output] of rivals) {
      this.release(rival);
      const theirs = rival.outputs.find((own) => collisionKey(own) === collisionKey(output)) ?? rival.outputs[0]!;
      refusals.push({ ruleId: 'export/collision', file: rival.record.path, reason: collisionReason(rival, theirs, slot) });
    }
    this.#slots.set(collisionKey(record.id), slot);
    for (const output of slot.outputs) {
      this.#files.set(collisionKey(output), slot);
      for (const folder of folderKeys(output)) if (!this.#folders.has(folder)) this.#folders.set(folder, slot);
    }
    return { granted: true, refusals };
  }

  /** Take a document out of the export (displaced, or its files could not be written). */
  release(slot: DocumentSlot): void {
    slot.evicted = true;
    if (this.#slots.get(collisionKey(slot.record.id)) === slot) this.#slots.delete(collisionKey(slot.record.id));
    for (const [key, owner] of this.#files) if (owner === slot) this.#files.delete(key);
    for (const [key, owner] of this.#folders) if (owner === slot) this.#folders.delete(key);
  }

  /** The documents whose paths this one's would clash with, each with the output of ours that clashes. */
  #rivals(slot: DocumentSlot): Map<DocumentSlot, string> {
    const rivals = new Map<DocumentSlot, string>();
    for (const output of slot.outputs) {
      const key = collisionKey(output);
      const owner = this.#files.get(key) ?? this.#folders.get(key);
      if (owner) rivals.set(owner, output);
      for (const folder of folderKeys(output)) {
        const fileOwner = this.#files.get(folder);
        if (fileOwner) rivals.set(fileOwner, output);
      }
    }
    return rivals;
  }
}

/** Which of two colliding documents keeps the path: the one whose source path sorts first. */
function compareSlots(a: DocumentSlot, b: DocumentSlot): number {
  return compareText(a.record.path, b.record.path) || compareText(a.record.id, b.record.id);
}

/** Code-point order: the same on every machine, unlike `localeCompare`. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function collisionReason(loser: DocumentSlot, output: string, winner: DocumentSlot): string {
  const theirs = winner.outputs.find((own) => collisionKey(own) === collisionKey(output)) ?? winner.outputs.find((own) => folderKeys(output).includes(collisionKey(own)));
  let detail: string;
  if (winner.record.id === loser.record.id) detail = `\`${winner.record.path}\` has the same id \`${loser.record.id}\``;
  else if (theirs && collisionKey(theirs) === collisionKey(output)) {
    const where =
      theirs.normalize('NFC') === output.normalize('NFC')
        ? 'file systems that ignore Unicode normalization (the names differ only in how accented characters are encoded)'
        : 'case-insensitive file systems (macOS, Windows)';
    detail = `it is the same file as \`${theirs}\` of \`${winner.record.path}\` on ${where}`;
  } else detail = `it and \`${theirs ?? winner.outputs[0]}\` of \`${winner.record.path}\` need the same name as a file and as a folder`;
  return `Unexpected output path \`${output}\` for \`${loser.record.path}\`: ${detail}; expected every document to have its own id`;
}
