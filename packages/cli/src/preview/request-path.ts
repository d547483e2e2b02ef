/**
 * The path segments a preview request names, decoded, or null when the request may not be served:
 * not an origin-form path (`http://…`, `*`), an undecodable escape, a NUL, a backslash (Windows reads
 * it as a separator), or a segment that is empty, `.`, `..` or hidden (`.git`, `.env`), whether written
 * plainly or percent-encoded (`%2e%2e`). Checked on the raw request: `new URL()` would resolve `/../x`
 * to `/x` and hide the attempt.
 */
export function requestSegments(rawUrl: string): string[] | null {
  if (!rawUrl.startsWith('/')) return null;
  const rawPath = rawUrl.split(/[?#]/, 1)[0]!;
  if (rawPath === '/') return [];
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (/[\u0000\\]/.test(decoded)) return null;
  const segments = decoded.slice(1).split('/');
  if (segments.some((segment) => segment === '' || segment.startsWith('.'))) return null;
  return segments;
}
