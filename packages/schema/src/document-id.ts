/** Windows device names: a file named `con.json` cannot be created there. */
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

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
  if (/[\u0001-\u001f\u007f]/.test(id)) return 'it contains a control character';
  if (id.includes('\\')) return 'it contains a backslash';
  if (/^[a-zA-Z]:/.test(id)) return 'it starts with a drive letter';
  if (id.startsWith('/')) return 'it is an absolute path';
  if (/[<>:"|?*]/.test(id)) return 'it contains a character that is not allowed in file names (<>:"|?*)';
  for (const segment of id.split('/')) {
    if (segment === '') return 'it has an empty path segment';
    if (segment === '.' || segment === '..') return `it has a \`${segment}\` segment`;
    if (/[. ]$/.test(segment)) return 'a path segment ends with a dot or a space';
    if (RESERVED_NAMES.test(segment)) return `\`${segment}\` is a reserved device name`;
  }
  return null;
}
