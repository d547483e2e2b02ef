import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why `readRegularFile` refused a file: a short reason to put in a message (never the file's content). */
export class UnreadableFile extends Error {
  override readonly name = 'UnreadableFile';
}

/**
 * A config-side file's text (config, package.json, front-matter schema), read only when it is a regular
 * file of at most `maxBytes`: a path naming `/dev/zero` would grow memory without end, a FIFO would
 * wait forever. Opened non-blocking and checked on the open descriptor, so the file checked is the
 * file read; read up to the limit whatever its size claims (`/proc` files say 0).
 */
export function readRegularFile(file: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    throw new UnreadableFile(code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'a folder' : 'the file cannot be opened', { cause: error });
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new UnreadableFile('a folder');
    if (!stats.isFile()) throw new UnreadableFile('not a regular file');
    if (stats.size > maxBytes) throw new UnreadableFile(`a file of ${stats.size} bytes, expected at most ${maxBytes}`);
    // One byte more than the size claims: reading it tells a file that grew (or whose size was 0).
    const bytes = Buffer.alloc((stats.size > 0 ? stats.size : maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === bytes.length) {
        throw new UnreadableFile(length > maxBytes ? `a file larger than ${maxBytes} bytes` : 'a file that grew while it was read');
      }
      const read = readSync(fd, bytes, length, bytes.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return bytes.toString('utf8', 0, length).replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile('the file cannot be read', { cause: error });
  } finally {
    closeSync(fd);
  }
}
