import { chmodSync, closeSync, fsyncSync, openSync, unlinkSync } from 'node:fs';
import type { Statement } from 'better-sqlite3';
import { APPLICATION_ID, cannotWrite, openDatabase, type Db } from './db.js';

/** What forgetting a person took with them, counted before the erase. */
export interface ForgetCounts {
  meetings: number;
  notes: number;
  asks: number;
  followups: number;
  rungChanges: number;
  /** People they referred: kept, with the link to them removed. */
  referralsUnlinked: number;
}

/**
 * Erasing a person beyond recovery. The schema does the cascade (meetings and their phases, notes, asks,
 * follow-ups, rung history; referrals are unlinked by ON DELETE SET NULL). With secure_delete on, freed
 * cells are zeroed; `scrub` then folds the WAL into the file, rebuilds the file and empties the WAL,
 * so no old copy of a page survives in either.
 */
export class PrivacyStore {
  private readonly counts: Statement<[number, number, number, number, number, number], ForgetCounts>;
  private readonly deletePerson: Statement<[number]>;

  constructor(private readonly db: Db) {
    this.counts = db.prepare(`
      SELECT (SELECT count(*) FROM meetings WHERE person_id = ?) AS meetings,
             (SELECT count(*) FROM notes WHERE person_id = ?) AS notes,
             (SELECT count(*) FROM asks WHERE person_id = ?) AS asks,
             (SELECT count(*) FROM followups WHERE person_id = ?) AS followups,
             (SELECT count(*) FROM rung_changes WHERE person_id = ?) AS rungChanges,
             (SELECT count(*) FROM people WHERE referred_by = ?) AS referralsUnlinked`);
    this.deletePerson = db.prepare(`DELETE FROM people WHERE id = ?`);
  }

  /** What forgetting this person would erase. */
  countFor(personId: number): ForgetCounts {
    return this.counts.get(personId, personId, personId, personId, personId, personId)!;
  }

  /** Call inside store.write: everything about the person goes, or nothing does. */
  forget(personId: number): ForgetCounts {
    const counts = this.countFor(personId);
    this.deletePerson.run(personId);
    return counts;
  }

  /**
   * After a forget, outside any transaction: no page that held the person may survive in the file or the WAL.
   * Temp files of the VACUUM stay in memory so the text is not copied to a temp folder either.
   * Returns false when another program kept the WAL from being emptied (its old frames are zeroed anyway).
   */
  scrub(): boolean {
    this.db.pragma('temp_store = MEMORY');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.exec('VACUUM');
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    return result !== undefined && result.busy === 0;
  }
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

/** What a backup file holds, checked before anything is replaced with it. */
export interface BackupSummary {
  version: number;
  people: number;
  meetings: number;
}

/**
 * Opens a file read-only through the same identity and version checks as every command, then asks for
 * proof that it is a whole oneonone database: our application id, a schema, no damage.
 */
export function openBackup(path: string): { db: Db; summary: BackupSummary } {
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
export function summarize(db: Db): BackupSummary {
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
