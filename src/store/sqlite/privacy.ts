import { chmodSync, closeSync, fsyncSync, openSync, unlinkSync } from 'node:fs';
import type { StoreSummary } from '../contract.js';
import { APPLICATION_ID, cannotWrite, openDatabase, type Db } from './db.js';

/**
 * After a forget, outside any transaction: with secure_delete on, freed cells are zeroed; this folds the WAL into
 * the file, rebuilds the file and empties the WAL, so no old copy of a page survives in either. Temp files of the
 * VACUUM stay in memory so the text is not copied to a temp folder either. False when another program kept the
 * WAL from being emptied (its old frames are zeroed anyway).
 */
export function scrub(db: Db): boolean {
  db.pragma('temp_store = MEMORY');
  db.pragma('wal_checkpoint(TRUNCATE)');
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
 * Opens a file read-only through the same identity and version checks as every command, then asks for
 * proof that it is a whole oneonone database: our application id, a schema, no damage.
 */
export function openBackup(path: string): { db: Db; summary: StoreSummary } {
  const db = openDatabase(path, { readonly: true, create: false });
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID || version < 1) throw new NotADatabase('it holds no oneonone data');
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
