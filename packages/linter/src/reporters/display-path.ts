import path from 'node:path';

/** A file's path as reports show it: POSIX and relative to `cwd` when inside it, else absolute. */
export function displayPath(filePath: string, cwd: string): string {
  const absolute = path.resolve(cwd, filePath);
  const relative = path.relative(cwd, absolute);
  const inside = relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
  return inside ? relative.split(path.sep).join('/') : absolute;
}
