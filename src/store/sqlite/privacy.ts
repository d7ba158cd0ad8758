import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, statSync, unlinkSync } from 'node:fs';
import { nativeAddonProblem } from '../../support/native-addon.js';
import { UserError } from '../../support/errors.js';
import type { StoreSummary } from '../contract.js';
import { APPLICATION_ID, cannotWrite, foreignReason, identityOf, openDatabase, SCHEMA_VERSION, sqliteCode, type Db, type Identity } from './db.js';
import { SEARCH_OPTIMIZE } from './search-schema.js';

/**
 * After a forget, outside any transaction: with secure_delete on, freed cells are zeroed; this folds the WAL into
 * the file, rebuilds the file and empties the WAL, so no old copy of a page survives in either. Temp files of the
 * VACUUM stay in memory so the text is not copied to a temp folder either. False when another program kept the
 * WAL from being emptied (its old frames are zeroed anyway).
 */
export function scrub(db: Db): boolean {
  db.pragma('temp_store = MEMORY');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec(SEARCH_OPTIMIZE);
  db.exec('VACUUM');
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return result !== undefined && result.busy === 0;
}

/** Creates an empty private file, refusing to replace anything: no byte of content can land before it is 0600. */
export function createPrivateEmptyFile(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    throw cannotWrite(path, error);
  }
  try {
    chmodSync(path, 0o600); // a umask can only take bits away, but be explicit
  } finally {
    closeSync(fd);
  }
}

/** Flushes a finished copy to the disk so a crash right after cannot leave it half-written. */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/**
 * A consistent copy while others may be writing (SQLite's online backup API), into a new 0600 file.
 * A half-written copy is removed.
 */
export async function backupTo(db: Db, target: string): Promise<void> {
  createPrivateEmptyFile(target);
  try {
    await db.backup(target);
    syncFile(target);
  } catch (error) {
    removeQuietly(target);
    removeQuietly(`${target}-journal`);
    throw cannotWrite(target, error);
  }
}

/** The copy kept before a migration: VACUUM INTO a new 0600 file (synchronous, one consistent snapshot). */
export function vacuumInto(db: Db, target: string): void {
  createPrivateEmptyFile(target);
  try {
    db.prepare('VACUUM INTO ?').run(target);
    syncFile(target);
  } catch (error) {
    removeQuietly(target);
    throw cannotWrite(target, error);
  }
}


/**
 * Opens a backup read-only, then asks for proof that it is a whole oneonone database: our application id, a schema
 * this build knows, no damage. A backup is read into memory, so nothing (no -wal, no -shm) is ever written beside
 * the organizer's file and a backup in a read-only folder opens too; only a backup with a WAL of its own, still
 * holding changes, is read through SQLite on disk so those changes are included.
 */
export function openBackup(path: string): { db: Db; summary: StoreSummary } {
  const db = holdsOwnWal(path) ? openDatabase(path, { readonly: true, create: false }) : openInMemory(path);
  try {
    const version = checkBackupIdentity(db, path);
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new NotADatabase(`it is damaged (${check})`);
    const { people, meetings } = db
      .prepare(`SELECT (SELECT count(*) FROM people) AS people, (SELECT count(*) FROM meetings) AS meetings`)
      .get() as { people: number; meetings: number };
    return { db, summary: { version, people, meetings } };
  } catch (error) {
    db.close();
    throw error;
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function holdsOwnWal(path: string): boolean {
  return existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0;
}

function openInMemory(path: string): Db {
  const bytes = readBackup(path);
  if (!bytes.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) throw new NotADatabase('it is not a SQLite database');
  // Header bytes 18 and 19 are 2 in a WAL database; one in memory cannot have a WAL, so the copy says 1 (a journal).
  if (bytes[18] === 2) bytes.fill(1, 18, 20);
  try {
    return new Database(bytes, { readonly: true });
  } catch (error) {
    throw nativeAddonProblem(error) ?? unreadable(error);
  }
}

/** Looks at the first bytes before reading the whole file, so a large file that is no database is not read at all. */
function readBackup(path: string): Buffer {
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    if (!head.equals(SQLITE_HEADER)) return head;
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    throw new UserError(`cannot read the backup ${path}: ${why}`, { hint: 'check that the file is yours to read; nothing was changed' });
  }
}

/** The checks openDatabase makes of every file, worded for a backup; returns its schema version. */
function checkBackupIdentity(db: Db, path: string): number {
  let identity: Identity;
  try {
    identity = identityOf(db);
  } catch (error) {
    throw unreadable(error);
  }
  const foreign = foreignReason(identity);
  if (foreign) throw new NotADatabase(foreign);
  const { applicationId, version } = identity;
  if (applicationId !== APPLICATION_ID || version < 1) throw new NotADatabase('it holds no oneonone data');
  if (version > SCHEMA_VERSION) {
    throw new UserError(`${path} was written by a newer version of oneonone (schema ${version}; this one knows up to ${SCHEMA_VERSION})`, {
      hint: 'upgrade oneonone (npm install in its folder); nothing was changed',
    });
  }
  return version;
}

function unreadable(error: unknown): unknown {
  if (sqliteCode(error) === 'SQLITE_NOTADB') return new NotADatabase('it is not a SQLite database');
  if (sqliteCode(error)?.startsWith('SQLITE_CORRUPT')) return new NotADatabase('it is damaged');
  return error;
}

/** Counts of the current database, read-only; undefined when there is none yet. */
export function summarize(db: Db): StoreSummary {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version < 1) return { version, people: 0, meetings: 0 };
  return {
    version,
    ...(db.prepare(`SELECT (SELECT count(*) FROM people) AS people, (SELECT count(*) FROM meetings) AS meetings`).get() as {
      people: number;
      meetings: number;
    }),
  };
}

export class NotADatabase extends Error {
  constructor(readonly why: string) {
    super(why);
    this.name = 'NotADatabase';
  }
}
