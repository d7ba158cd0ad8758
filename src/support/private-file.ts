import { chmodSync, closeSync, existsSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DomainError, type WriteProblem } from './errors.js';

const WHY: Record<string, WriteProblem> = {
  ENOENT: 'no-folder',
  EACCES: 'permission',
  EPERM: 'permission',
  EISDIR: 'is-folder',
  EROFS: 'read-only',
  ENOSPC: 'disk-full',
};

/**
 * Writes a file only its owner can read (0600): what we write holds people's names. Written beside the target
 * and renamed into place, so a half-written file never replaces a good one.
 */
export function writePrivateFile(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
    throw new DomainError('file.cannot-write', { path, why: WHY[code] ?? { code }, folder: dirname(path) });
  }
}

/** Why a file cannot be written where asked: its folder is missing, it is a folder, or it is the database (or its WAL). */
export type OutPathProblem = 'no-folder' | 'is-folder' | 'is-database';

/** Checked before the database is opened, so a command refuses before it reads anything. */
export function outPathProblem(path: string, dbPath: string): OutPathProblem | undefined {
  if (!existsSync(dirname(path))) return 'no-folder';
  if (existsSync(path) && statSync(path).isDirectory()) return 'is-folder';
  const real = (p: string): string => (existsSync(p) ? realpathSync(p) : resolve(p));
  return [dbPath, `${dbPath}-wal`, `${dbPath}-shm`].some((p) => real(p) === real(path)) ? 'is-database' : undefined;
}
