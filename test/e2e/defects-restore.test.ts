import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBin, sandbox, type RunResult, type Sandbox } from './helpers.js';

let box: Sandbox;
let lockedFolder: string | undefined;
afterEach(() => {
  if (lockedFolder) chmodSync(lockedFolder, 0o700);
  lockedFolder = undefined;
  box.cleanup();
});

const NOBODY = 65_534;

function hash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function people(db: string): string[] {
  const connection = new Database(db, { readonly: true });
  try {
    return (connection.prepare(`SELECT name FROM people ORDER BY name`).all() as { name: string }[]).map(({ name }) => name);
  } finally {
    connection.close();
  }
}

/** A backup of Ana alone, in its own folder, and a database that has moved on to Ana and Ben. */
function withBackup(): string {
  box = sandbox();
  expect(box.run(['log', 'Ana Ruiz', '--note', 'in the backup']).code).toBe(0);
  const folder = join(box.dir, 'backups');
  mkdirSync(folder);
  const backup = join(folder, 'oneonone-backup.db');
  expect(box.run(['backup', backup]).code).toBe(0);
  expect(box.run(['log', 'Ben Ode', '--note', 'after the backup']).code).toBe(0);
  return backup;
}

function chownTree(path: string, id: number): void {
  chownSync(path, id, id);
  if (lstatSync(path).isDirectory()) for (const entry of readdirSync(path)) chownTree(join(path, entry), id);
}

/** Root ignores folder permissions, so as root the restore runs as nobody, who owns the sandbox but not the locked folder's write bit. */
function restoreFromLockedFolder(backup: string): RunResult {
  const folder = join(box.dir, 'backups');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownTree(box.dir, NOBODY);
  chmodSync(folder, 0o500);
  lockedFolder = folder;
  return runBin(['restore', backup, '--yes'], { env: box.env, ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}) });
}

describe('restore FILE', () => {
  it('reads the backup without leaving FILE-wal or FILE-shm beside it, and without changing a byte of it', () => {
    const backup = withBackup();
    const before = hash(backup);
    const result = box.run(['restore', backup, '--yes']);
    expect(result.code, result.stderr).toBe(0);
    expect(people(box.db)).toEqual(['Ana Ruiz']);
    expect(existsSync(`${backup}-wal`)).toBe(false);
    expect(existsSync(`${backup}-shm`)).toBe(false);
    expect(readdirSync(join(box.dir, 'backups'))).toEqual(['oneonone-backup.db']);
    expect(hash(backup)).toBe(before);
  });

  it('restores a backup kept in a folder nobody may write to', () => {
    const backup = withBackup();
    const before = hash(backup);
    const result = restoreFromLockedFolder(backup);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^Restored .* 1 person, 1 meeting\.\n/);
    expect(people(box.db)).toEqual(['Ana Ruiz']);
    expect(readdirSync(join(box.dir, 'backups'))).toEqual(['oneonone-backup.db']);
    expect(hash(backup)).toBe(before);
  });

  it('still reads changes a backup holds in its own WAL, and leaves that WAL as it found it', () => {
    const backup = withBackup();
    const writer = new Database(backup);
    try {
      writer.pragma('wal_autocheckpoint = 0');
      writer.prepare(`UPDATE people SET notes = 'only in the backup WAL' WHERE name = 'Ana Ruiz'`).run();
      const walBefore = hash(`${backup}-wal`);
      const result = box.run(['restore', backup, '--yes']);
      expect(result.code, result.stderr).toBe(0);
      const restored = new Database(box.db, { readonly: true });
      expect(restored.prepare(`SELECT notes FROM people`).get()).toEqual({ notes: 'only in the backup WAL' });
      restored.close();
      expect(hash(`${backup}-wal`)).toBe(walBefore);
    } finally {
      writer.close();
    }
  });

  it('still refuses a file that is not a oneonone backup, in one line', () => {
    box = sandbox();
    expect(box.run(['log', 'Ana Ruiz']).code).toBe(0);
    const other = join(box.dir, 'other.db');
    const db = new Database(other);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x)');
    db.close();
    const result = box.run(['restore', other, '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`oneonone: ${other} is not a oneonone backup: it is a SQLite database made by another program\nhint: give a file made by oneonone backup; nothing was changed\n`);
    expect(existsSync(`${other}-shm`)).toBe(false);
  });
});
