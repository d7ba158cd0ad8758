import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Store } from '../contract.js';
import type { HealthReadModel, RecordAsIs, SchemaFound } from '../contract-health.js';
import { DomainError, UserError } from '../../support/errors.js';
import { APPLICATION_ID, BUSY_TIMEOUT_MS, foreignReason, identityOf, SCHEMA_VERSION, sqliteCode, type Db } from './db.js';
import { SqliteStore } from './engine.js';
import { checkPlace } from './location.js';
import { NotADatabase, openBackup } from './privacy.js';

export class SqliteHealth implements HealthReadModel {
  constructor(private readonly db: Db) {}

  async schema(): Promise<SchemaFound> {
    const identity = identityOf(this.db);
    const empty = identity.version === 0 && identity.tables === 0;
    return { found: empty ? null : identity.version, expected: SCHEMA_VERSION, newer: identity.version > SCHEMA_VERSION, foreign: foreignReason(identity) };
  }

  async integrity(): Promise<string[]> {
    try {
      const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
      const found = rows.map((row) => row.integrity_check);
      return found.length === 1 && found[0] === 'ok' ? [] : found;
    } catch (error) {
      // A page so damaged that the check itself cannot walk the file.
      if (/^SQLITE_(CORRUPT|NOTADB)/.test(sqliteCode(error) ?? '')) return [(error as Error).message];
      throw error;
    }
  }
}

/** Loads the compiled engine as every command does, on a database in memory: the loader's error, or undefined. */
export function engineProblem(): unknown {
  try {
    new Database(':memory:').close();
    return undefined;
  } catch (error) {
    return error;
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export async function openFileAsIs(path: string): Promise<RecordAsIs | undefined> {
  if (!checkPlace(path).exists) return undefined;
  const db = unreadableSaid(path, () => openAsIsDb(path));
  return {
    health: new SqliteHealth(db),
    close: async () => {
      if (db.open) db.close();
    },
  };
}

export async function openFileStoreAsIs(path: string): Promise<Store> {
  return new SqliteStore(unreadableSaid(path, () => openAsIsDb(path)), path, true);
}

/** A file that cannot be read (its mode, its owner, the disk) in one line, with what to check. */
function unreadableSaid<T>(path: string, open: () => T): T {
  try {
    return open();
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? sqliteCode(error) ?? '';
    const why = /EACCES|EPERM|CANTOPEN/.test(code) ? 'permission denied' : (error as Error).message.split('\n')[0];
    throw new UserError(`cannot read the database ${path}: ${why}`, { hint: 'check that the file and its folder are yours to read (ls -l)' });
  }
}

/** Read as a backup offered to restore is read (in memory when it has no WAL of its own); throws why it cannot be. */
export async function peopleInCopy(path: string): Promise<number> {
  try {
    const { db, summary } = openBackup(path);
    db.close();
    return summary.people;
  } catch (error) {
    throw error instanceof NotADatabase ? new Error(error.why) : error;
  }
}

/**
 * Read only, and nothing made beside it: SQLite opening a WAL database, even read only, creates its -wal and -shm
 * files and leaves them. So a file at rest (no WAL in use) is read into memory; only a WAL in use, whose files are
 * there already, is opened in place.
 */
function openAsIsDb(path: string): Db {
  const wal = `${path}-wal`;
  const walInUse = existsSync(wal) && (statSync(wal).size > 0 || existsSync(`${path}-shm`));
  if (walInUse) return new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  if (statSync(path).size === 0) return new Database(':memory:', { readonly: false });
  if (!startsLikeSqlite(path)) throw new DomainError('database.not-ours', { place: path, server: false, why: 'it is not a SQLite database', restore: true });
  const bytes = readFileSync(path);
  // Header bytes 18 and 19 are 2 in a WAL database; one in memory cannot have a WAL, so the copy says 1 (a journal).
  if (bytes[18] === 2) bytes.fill(1, 18, 20);
  return new Database(bytes, { readonly: true });
}

function startsLikeSqlite(path: string): boolean {
  return header(path, SQLITE_HEADER.length).equals(SQLITE_HEADER);
}

function header(path: string, length: number): Buffer {
  const head = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, length, 0);
  } finally {
    closeSync(fd);
  }
  return head;
}

/**
 * Other oneonone databases in the database's folder (a backup saved there, a copy made by hand), found by the
 * application id in their header (bytes 68 to 71) without opening them; not the outboxes, which live there too.
 */
export function recordsBeside(database: string): string[] {
  const folder = dirname(database);
  const ours = (file: string) => {
    try {
      const head = header(file, 72);
      return head.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER) && head.readUInt32BE(68) === APPLICATION_ID;
    } catch {
      return false;
    }
  };
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry !== basename(database) && !/^outbox-[0-9a-f]+\.db$/.test(entry) && !/-(wal|shm|journal)$/.test(entry))
    .map((entry) => join(folder, entry))
    .filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile() === true && ours(file))
    .sort();
}
