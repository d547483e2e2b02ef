/** Windows device names: a file named `con.json` cannot be created there. */
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** Embeddings, overrides, isolates and marks: they reorder how a file name is shown. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Anything but white space and zero-width characters: a segment needs one to be a name a reader can see. */
const VISIBLE = /[^\s\u180e\u200b-\u200d\u2060-\u2064\ufeff]/;

/**
 * Why a document id cannot be used as a relative output path, or null when it can.
 * Ids become `json/docs/<id>.json` and `html/<id>.html`, so anything that could leave the output folder
 * or fail on another platform is refused here, in one place shared by the parser and the exporter.
 */
export function unsafeDocumentIdReason(id: string): string | null {
  if (id.length === 0) return 'it is empty';
  if (id.length > 200) return 'it is longer than 200 characters';
  if (id.includes('\0')) return 'it contains a NUL character';
  // eslint-disable-next-line no-control-regex
  if (/[\u0001-\u001f\u007f-\u009f]/.test(id)) return 'it contains a control character';
  if (BIDI_CONTROLS.test(id)) return 'it contains a bidirectional control character (the name would read differently from its bytes)';
  if (id.includes('\\')) return 'it contains a backslash';
  if (/^[a-zA-Z]:/.test(id)) return 'it starts with a drive letter';
  if (id.startsWith('/')) return 'it is an absolute path';
  if (/[<>:"|?*]/.test(id)) return 'it contains a character that is not allowed in file names (<>:"|?*)';
  for (const segment of id.split('/')) {
    if (segment === '') return 'it has an empty path segment';
    if (segment === '.' || segment === '..') return `it has a \`${segment}\` segment`;
    if (/[. ]$/.test(segment)) return 'a path segment ends with a dot or a space';
    if (RESERVED_NAMES.test(segment)) return `\`${segment}\` is a reserved device name`;
    if (!VISIBLE.test(segment)) return 'a path segment has no visible character';
  }
  return null;
}
