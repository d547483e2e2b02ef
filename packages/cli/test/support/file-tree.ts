import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** One file of a snapshot: its content hash and modification time. */
export interface FileState {
  sha256: string;
  mtimeMs: number;
}

/** Every file under `dir` (POSIX relative path -> state), sorted by path; `skip` drops top-level entries. */
export function snapshotTree(dir: string, skip: readonly string[] = []): Map<string, FileState> {
  const files = new Map<string, FileState>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(current, entry.name);
      const relative = path.relative(dir, full).split(path.sep).join('/');
      if (skip.includes(relative)) continue;
      if (entry.isDirectory()) walk(full);
      else files.set(relative, { sha256: createHash('sha256').update(readFileSync(full)).digest('hex'), mtimeMs: statSync(full).mtimeMs });
    }
  };
  walk(dir);
  return files;
}

/** The content hashes only (path -> sha256), for byte-for-byte comparisons of two trees. */
export function contentOf(snapshot: Map<string, FileState>): Record<string, string> {
  return Object.fromEntries([...snapshot].map(([file, state]) => [file, state.sha256]));
}

/** The paths whose modification time differs between two snapshots of the same tree (or that appeared or went). */
export function touchedFiles(before: Map<string, FileState>, after: Map<string, FileState>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((file) => before.get(file)?.mtimeMs !== after.get(file)?.mtimeMs).sort();
}
