import Database from 'better-sqlite3';
import { chmodSync, closeSync, openSync } from 'node:fs';
import { DomainError, UserError } from '../../support/errors.js';
import { checkPlace, makeFolders } from './location.js';
import { nativeAddonProblem } from '../../support/native-addon.js';
import { MIGRATIONS, type Migration } from './migrations.js';

export type Db = Database.Database;

/** "one1": marks a SQLite file as ours, so an unrelated database is never migrated by mistake. */
export const APPLICATION_ID = 0x6f6e6531;
export const SCHEMA_VERSION = MIGRATIONS.length;
/** How long a write waits for another terminal's to finish. */
export const BUSY_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  /** Commands that only read must not create a database as a side effect of a typo in --db. */
  create?: boolean;
  readonly?: boolean;
  /** Called with the open database before a pending migration runs (the trust layer backs up here). */
  beforeMigrate?: (db: Db, fromVersion: number) => void;
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const place = checkPlace(path);
  if (!place.exists && options.create === false) {
    throw new UserError(`no database at ${path} yet`, { hint: 'record a meeting first with oneonone log or oneonone start' });
  }
  if (!place.exists) {
    makeFolders(place);
    createPrivateFile(path);
  }
  const db = connect(path, options.readonly ?? false);
  try {
    checkIdentity(db, path);
    if (!options.readonly) prepare(db, options);
    return db;
  } catch (error) {
    db.close();
    // A read-only folder, a read-only file or a full disk can first show up on the first read or pragma.
    throw /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/.test(sqliteCode(error) ?? '') ? cannotWrite(path, error) : error;
  }
}

function createPrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'a', 0o600));
    chmodSync(path, 0o600);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

/** A database with the schema and nothing in it, for a reading command where there is no file yet. */
export function openEmpty(): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, {});
  return db;
}

function connect(path: string, readonly: boolean): Db {
  try {
    return new Database(path, { readonly, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw nativeAddonProblem(error) ?? cannotWrite(path, error);
  }
}

/** What marks a file as ours: its application id, its schema version, whether it holds tables at all. */
export interface Identity {
  applicationId: number;
  version: number;
  tables: number;
}

export function identityOf(db: Db): Identity {
  return {
    applicationId: db.pragma('application_id', { simple: true }) as number,
    version: db.pragma('user_version', { simple: true }) as number,
    tables: (db.prepare(`SELECT count(*) AS n FROM sqlite_master`).get() as { n: number }).n,
  };
}

/** Why a file is someone else's, or undefined when it is ours or empty. */
export function foreignReason({ applicationId, tables }: Identity): string | undefined {
  if (applicationId === 0 && tables > 0) return 'it is a SQLite database made by another program';
  if (applicationId !== 0 && applicationId !== APPLICATION_ID) return 'it belongs to another program';
  return undefined;
}

/** Reads only: a foreign or newer file must be left exactly as it was. */
function checkIdentity(db: Db, path: string): void {
  let identity: Identity;
  try {
    // One snapshot: read apart, another terminal's first upgrade can commit between the id (0) and the tables (many).
    identity = db.transaction(() => identityOf(db))();
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_NOTADB') throw notOurs(path, 'it is not a SQLite database');
    throw error;
  }
  const foreign = foreignReason(identity);
  if (foreign) throw notOurs(path, foreign);
  const { version } = identity;
  if (version > SCHEMA_VERSION) {
    throw new UserError(
      `the database ${path} was written by a newer version of oneonone (schema ${version}; this one knows up to ${SCHEMA_VERSION})`,
      { hint: 'upgrade oneonone (npm install in its folder); the file was left untouched' },
    );
  }
}

function prepare(db: Db, options: OpenOptions): void {
  untilNotBusy(() => db.pragma('journal_mode = WAL'));
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  untilNotBusy(() => migrate(db, options));
}

/**
 * Two terminals opening a new file at the same moment both switch it to WAL and both migrate it; SQLite answers
 * one of them SQLITE_BUSY at once there (its busy timeout does not cover a change of journal mode), so it waits
 * and tries again, as a write does, up to the same timeout.
 */
function untilNotBusy<T>(work: () => T): T {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      return work();
    } catch (error) {
      if (sqliteCode(error) !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 + Math.random() * 20);
    }
  }
}

function migrate(db: Db, options: OpenOptions): void {
  const version = schemaVersion(db);
  if (version === SCHEMA_VERSION) return;
  if (version > 0) options.beforeMigrate?.(db, version);
  // One write lock for the whole upgrade: another terminal never sees a half-made schema, and re-reading
  // the version under that lock means steps it already applied are not applied twice.
  db.transaction(() => {
    for (let target = schemaVersion(db) + 1; target <= SCHEMA_VERSION; target++) applyMigration(db, MIGRATIONS[target - 1]!, target);
  }).immediate();
}

/** Each step in its own savepoint, recorded by name. */
function applyMigration(db: Db, migration: Migration, version: number): void {
  db.transaction(() => {
    if (version === 1) {
      db.exec(`CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }
    db.exec(migration.sql);
    migration.data?.(db);
    db.prepare(`INSERT INTO migrations (name, applied_at) VALUES (?, ?)`).run(migration.name, new Date().toISOString());
    db.pragma(`user_version = ${version}`);
  })();
}

function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Prepares each distinct statement once per connection, however often a repository method is called. */
export function statementCache(db: Db): (sql: string) => Database.Statement {
  const prepared = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = prepared.get(sql);
    if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
}

export function sqliteCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

function notOurs(path: string, why: string): UserError {
  return new DomainError('database.not-ours', { place: path, server: false, why, restore: false });
}

export function cannotWrite(path: string, error: unknown): UserError {
  const code = sqliteCode(error) ?? '';
  const reason = /FULL|ENOSPC/.test(code)
    ? 'the disk is full'
    : /READONLY|EACCES|EPERM|EROFS|CANTOPEN/.test(code)
      ? 'the file or its folder cannot be written'
      : /IOERR/.test(code)
        ? 'writing to the disk failed (is the disk full?)'
        : error instanceof Error
        ? error.message
        : String(error);
  return new UserError(`cannot use the database ${path}: ${reason}`, {
    hint: 'check the folder exists and is writable, and that the disk has room; nothing was saved',
  });
}
