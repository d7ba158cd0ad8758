import type { Statement } from 'better-sqlite3';
import { loadedOnFirstUse } from '../lazy.js';
import type {
  AgendaReadModel, ChangeLabel, CheckedBackup, CompletionReadModel, HealthReadModel, MapReadModel, StructureReadModel, SearchReadModel, ExportReadModel, LadderReadModel, LeaderReadModel, OpenOptions, StatsReadModel, Store, StoreSummary, Transaction,
} from '../contract.js';
import { copyPath } from '../../support/copies.js';
import { DomainError, UserError } from '../../support/errors.js';
import { BackupRefused } from '../errors.js';
import { SqliteCommitments } from './commitments.js';
import { BUSY_TIMEOUT_MS, cannotWrite, openDatabase, openEmpty, SCHEMA_VERSION, sqliteCode, statementCache, type Db } from './db.js';
import { SqliteImportLookup } from './import.js';
import { SqliteCorrections } from './corrections.js';
import { SqliteJournal } from './journal.js';
import { checkPlace } from './location.js';
import { SqliteMeetings } from './meetings.js';
import { SqlitePeople } from './people.js';
import { backupTo, NotADatabase, openBackup, scrub, summarize, vacuumInto } from './privacy.js';
import { restoreOver } from './restore.js';
import type { SqliteExports } from './export.js';
import { SqliteSettings } from './settings.js';
import { SqliteWeb } from './web.js';

/** One SQLite file (or, for a reading command where there is none, an empty database in memory) behind the contract. */
export class SqliteStore implements Store {
  readonly people: SqlitePeople;
  readonly meetings: SqliteMeetings;
  readonly commitments: SqliteCommitments;
  readonly settings: SqliteSettings;
  readonly imports: SqliteImportLookup;
  readonly web: SqliteWeb;
  private readonly journal: SqliteJournal;
  private readonly corrections: SqliteCorrections;
  private readonly tx: Transaction;
  readonly agenda: AgendaReadModel;
  readonly leaders: LeaderReadModel;
  readonly ladder: LadderReadModel;
  readonly stats: StatsReadModel;
  readonly exports: ExportReadModel;
  readonly search: SearchReadModel;
  readonly completion: CompletionReadModel;
  readonly health: HealthReadModel;
  readonly map: MapReadModel;
  readonly structure: StructureReadModel;
  private exportsLoad?: Promise<SqliteExports>;
  /** The end of the last write asked for: each write waits for the one before, so two never share a transaction. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly sql: (sql: string) => Statement;

  constructor(readonly db: Db, readonly location: string, readonly exists: boolean) {
    this.sql = statementCache(db);
    this.people = new SqlitePeople(db);
    this.meetings = new SqliteMeetings(db);
    this.commitments = new SqliteCommitments(db);
    this.settings = new SqliteSettings(db);
    this.imports = new SqliteImportLookup(db);
    this.web = new SqliteWeb(db);
    this.journal = new SqliteJournal(db);
    this.corrections = new SqliteCorrections(db);
    this.agenda = loadedOnFirstUse(async () => new (await import('./agenda.js')).SqliteAgenda(db));
    this.leaders = loadedOnFirstUse(async () => new (await import('./leaders.js')).SqliteLeaders(db));
    this.ladder = loadedOnFirstUse(async () => new (await import('./leaders.js')).SqliteLadder(db));
    this.stats = loadedOnFirstUse(async () => new (await import('./stats.js')).SqliteStats(db));
    this.search = loadedOnFirstUse(async () => new (await import('./search.js')).SqliteSearch(db));
    this.completion = loadedOnFirstUse(async () => new (await import('./completion.js')).SqliteCompletion(db));
    this.health = loadedOnFirstUse(async () => new (await import('./health.js')).SqliteHealth(db));
    this.map = loadedOnFirstUse(async () => new (await import('./map.js')).SqliteMap(db));
    this.structure = loadedOnFirstUse(async () => new (await import('./structure.js')).SqliteStructure(db));
    const file = exists ? location : undefined;
    this.exports = loadedOnFirstUse(() => (this.exportsLoad ??= import('./export.js').then(({ SqliteExports }) => new SqliteExports(db, file))));
    this.tx = {
      people: this.people, meetings: this.meetings, commitments: this.commitments, settings: this.settings, imports: this.imports, journal: this.journal, corrections: this.corrections, agenda: this.agenda, web: this.web,
    };
  }

  /**
   * better-sqlite3's transaction() cannot await, so BEGIN IMMEDIATE … COMMIT by hand, as prepared statements: the write
   * lock is taken up front, so two terminals queue instead of failing.
   */
  write<T>(work: (tx: Transaction) => Promise<T>, change?: ChangeLabel): Promise<T> {
    const run = async (): Promise<T> => {
      await this.begin();
      try {
        const recording = change && this.journal.open(change, new Date().toISOString());
        const result = await work(this.tx);
        this.sql(recording !== undefined && !this.journal.close(recording) ? 'ROLLBACK' : 'COMMIT').run();
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.sql('ROLLBACK').run();
        throw error;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result.catch((error: unknown) => {
      throw isDiskProblem(error) ? cannotWrite(this.location, error) : error;
    });
  }

  /**
   * Waits for the write lock without blocking the event loop (SQLite's own busy wait would freeze the live screen and
   * any other store in this process for as long as another writer holds it), for as long as the busy timeout.
   */
  private async begin(): Promise<void> {
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      this.db.pragma('busy_timeout = 0');
      try {
        this.sql('BEGIN IMMEDIATE').run();
        return;
      } catch (error) {
        if (sqliteCode(error) !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      } finally {
        this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  async summary(): Promise<StoreSummary> {
    return summarize(this.db);
  }

  async backup(target: string): Promise<void> {
    await backupTo(this.db, target);
  }

  async scrub(): Promise<boolean> {
    return scrub(this.db);
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.exportsLoad) (await this.exportsLoad).close();
    if (this.db.open) this.db.close();
  }
}

export async function openSqliteStore(path: string, options: OpenOptions): Promise<Store> {
  if (options.mode === 'read' && !checkPlace(path).exists) return new SqliteStore(openEmpty(), path, false);
  const db = openDatabase(path, { beforeMigrate: copyBeforeUpgrade(path, options) });
  return new SqliteStore(db, path, true);
}

/** Before a schema upgrade, a private copy of the database as it was, beside it; no copy, no upgrade. */
export function copyBeforeUpgrade(path: string, options: OpenOptions): (db: Db, fromVersion: number) => void {
  return (db, fromVersion) => {
    const copy = copyPath(path, `before-v${SCHEMA_VERSION}`);
    vacuumInto(db, copy);
    options.onUpgradeCopy?.(copy, fromVersion, SCHEMA_VERSION);
  };
}

/** What the database at `path` holds, read without upgrading or creating it; undefined when there is none. */
export async function inspectSqlite(path: string): Promise<StoreSummary | undefined> {
  if (!checkPlace(path).exists) return undefined;
  const db = openDatabase(path, { readonly: true, create: false });
  try {
    return summarize(db);
  } finally {
    db.close();
  }
}

/** A consistent copy of the database at `path` (safe while another oneonone writes), without upgrading it. */
export async function backupSqlite(path: string, target: string): Promise<StoreSummary> {
  const db = openDatabase(path, { readonly: true, create: false });
  try {
    const summary = summarize(db);
    await backupTo(db, target);
    return summary;
  } finally {
    db.close();
  }
}

export async function checkSqliteBackup(file: string): Promise<CheckedBackup> {
  const { db, summary } = refusedAsBackup(() => openBackup(file));
  return {
    summary,
    restoreOver: (location, keepAs) => restoreOver(db, location, keepAs),
    close: async () => {
      if (db.open) db.close();
    },
  };
}

/** The checks of every open, worded for a file offered as a backup. */
function refusedAsBackup<T>(open: () => T): T {
  try {
    return open();
  } catch (error) {
    if (error instanceof NotADatabase) throw new BackupRefused(error.why);
    if (error instanceof UserError && /no database at/.test(error.message)) throw new BackupRefused('it is empty');
    if (error instanceof DomainError && error.code === 'database.not-ours') throw new BackupRefused((error as DomainError<'database.not-ours'>).params.why);
    throw error;
  }
}


function isDiskProblem(error: unknown): boolean {
  return /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/.test(sqliteCode(error) ?? '');
}
