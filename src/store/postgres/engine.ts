import type {
  AgendaReadModel, ChangeLabel, CheckedBackup, CommitmentRepository, CorrectionRepository, ExportReadModel, ImportLookup, LadderReadModel,
  LeaderReadModel, MeetingRepository, OpenOptions, PeopleRepository, CompletionReadModel, HealthReadModel, MapReadModel, StructureReadModel, SearchReadModel, SettingsRepository, StatsReadModel, Store,
  StoreSummary, TeamAdmin, Transaction,
} from '../contract.js';
import type { TeamReview } from '../review.js';
import type { ImportLocalRepository } from '../import-local.js';
import type { CoachNotes } from '../coach.js';
import { loadedOnFirstUse } from '../lazy.js';
import { UserError } from '../../support/errors.js';
import { connect, queryOn, shownLocation, type PgClient, type Query } from './client.js';
import { PgCommitments } from './commitments.js';
import { PgCorrections } from './corrections.js';
import { PgImportLookup } from './import.js';
import { PgJournal } from './journal.js';
import { PgMeetings } from './meetings.js';
import { migrate, schemaState } from './migrate.js';
import { PG_MIGRATIONS } from './migrations.js';
import { PgPeople } from './people.js';
import { PgSettings } from './settings.js';
import { PgWeb } from './web.js';

/** How often a write that lost a race with another organizer's (serialization failure, deadlock) is tried again. */
const RETRIES = 12;
const RETRYABLE = new Set(['40001', '40P01']);
/** The advisory lock every writer takes (any number, always the same; the upgrade lock is another). */
const WRITE_LOCK = 0x6f6e6577;

/**
 * A PostgreSQL database behind the contract: one client for the command, each write one SERIALIZABLE transaction,
 * tried again when it loses a race, so what SQLite serialized with its single writer stays exact here too.
 */
export class PostgresStore implements Store {
  readonly people: PeopleRepository;
  readonly meetings: MeetingRepository;
  readonly commitments: CommitmentRepository;
  readonly settings: SettingsRepository;
  readonly imports: ImportLookup;
  readonly web: PgWeb;
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
  readonly team: TeamAdmin;
  readonly review: TeamReview;
  /** On every server, as review: a server without a team has no notes, and says so when one is written. */
  readonly coach: CoachNotes;
  readonly importLocal: ImportLocalRepository;
  private readonly journal: PgJournal;
  private readonly corrections: CorrectionRepository;
  private readonly tx: Transaction;
  private readonly q: Query;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly client: PgClient, readonly location: string, readonly exists: boolean, private readonly url: string) {
    const q = (this.q = queryOn(client, location));
    this.people = new PgPeople(q);
    this.meetings = new PgMeetings(q);
    this.commitments = new PgCommitments(q);
    this.settings = new PgSettings(q);
    this.imports = new PgImportLookup(q);
    this.web = new PgWeb(q);
    this.journal = new PgJournal(q);
    this.corrections = new PgCorrections(q);
    this.agenda = loadedOnFirstUse(async () => new (await import('./agenda.js')).PgAgenda(q));
    this.leaders = loadedOnFirstUse(async () => new (await import('./leaders.js')).PgLeaders(q));
    this.ladder = loadedOnFirstUse(async () => new (await import('./leaders.js')).PgLadder(q));
    this.stats = loadedOnFirstUse(async () => new (await import('./stats.js')).PgStats(q));
    this.exports = loadedOnFirstUse(async () => new (await import('./export.js')).PgExports(q));
    this.search = loadedOnFirstUse(async () => new (await import('./search.js')).PgSearch(q));
    this.completion = loadedOnFirstUse(async () => new (await import('./completion.js')).PgCompletion(q));
    this.health = loadedOnFirstUse(async () => new (await import('./health.js')).PgHealth(q));
    this.map = loadedOnFirstUse(async () => new (await import('./map.js')).PgMap(q));
    this.structure = loadedOnFirstUse(async () => new (await import('./structure.js')).PgStructure(q));
    this.team = loadedOnFirstUse(async () => new (await import('./team.js')).PgTeam(q));
    this.review = loadedOnFirstUse(async () => new (await import('./review.js')).PgReview(q));
    this.coach = loadedOnFirstUse(async () => new (await import('./coach.js')).PgCoach(q));
    this.importLocal = loadedOnFirstUse(async () => new (await import('./import-local.js')).PgImportLocal(q));
    this.tx = {
      people: this.people, meetings: this.meetings, commitments: this.commitments, settings: this.settings, imports: this.imports,
      journal: this.journal, corrections: this.corrections, agenda: this.agenda, web: this.web,
    };
  }

  write<T>(work: (tx: Transaction) => Promise<T>, change?: ChangeLabel): Promise<T> {
    const run = () => this.serializable(work, change);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * One writer at a time on the whole database, as SQLite has it: every write reads and bumps the journal's sequence
   * and the figures of the people it touches, so concurrent SERIALIZABLE writes failed each other by the thousand
   * (7% of ten organizers' logs still failing after 12 tries). The session lock is taken before BEGIN, so the
   * transaction's snapshot is taken after the wait; SERIALIZABLE and the retries stay as the backstop.
   */
  private async serializable<T>(work: (tx: Transaction) => Promise<T>, change: ChangeLabel | undefined): Promise<T> {
    await this.q.run('SELECT pg_advisory_lock($1)', [WRITE_LOCK]);
    try {
      return await this.attempts(work, change);
    } finally {
      await this.q.run('SELECT pg_advisory_unlock($1)', [WRITE_LOCK]).catch(() => undefined);
    }
  }

  private async attempts<T>(work: (tx: Transaction) => Promise<T>, change: ChangeLabel | undefined): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.q.run('BEGIN ISOLATION LEVEL SERIALIZABLE');
      try {
        const recording = change && (await this.journal.open(change, new Date().toISOString()));
        const result = await work(this.tx);
        const touched = recording === undefined || (await this.journal.close(recording));
        await this.q.run(touched ? 'COMMIT' : 'ROLLBACK');
        return result;
      } catch (error) {
        await this.q.run('ROLLBACK').catch(() => undefined);
        if (!RETRYABLE.has((error as { code?: string }).code ?? '') || attempt >= RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  async summary(): Promise<StoreSummary> {
    const row = await this.q.row<{ people: number; meetings: number }>(
      `SELECT (SELECT count(*) FROM people) AS people, (SELECT count(*) FROM meetings) AS meetings`,
    );
    return { version: PG_MIGRATIONS.length, people: row?.people ?? 0, meetings: row?.meetings ?? 0 };
  }

  async backup(_target: string): Promise<void> {
    throw serverBackup(this.url);
  }

  /** What a server can do after a forget: its dead rows go at the next VACUUM, which a table's owner may run now. */
  async scrub(): Promise<boolean> {
    const tables = ['people', 'person_names', 'meetings', 'meeting_phases', 'notes', 'asks', 'followups', 'rung_changes', 'changes', 'change_rows', 'person_figures', 'relationships', 'unit_members'];
    try {
      // VACUUM by a login that does not own a table only warns and skips it: say so rather than claim it was done.
      const owner = await this.q.row<{ owns: boolean }>(
        `SELECT coalesce(bool_and(pg_has_role(current_user, c.relowner, 'MEMBER')), false) AS owns FROM pg_class c WHERE c.oid = ANY($1::regclass[])`, [tables],
      );
      if (!owner?.owns) return false;
      for (const table of tables) await this.q.run(`VACUUM ${table}`);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.queue;
    await this.client.end().catch(() => undefined);
  }
}

export async function openPostgresStore(url: string, options: OpenOptions): Promise<Store> {
  const client = await connect(url);
  const where = shownLocation(url);
  try {
    const state = await schemaState(client);
    if (options.mode === 'read' && state.state === 'empty') {
      await client.end();
      // A reading command never creates the schema: it reads an empty record, as on SQLite.
      const { openSqliteStore } = await import('../sqlite/engine.js');
      return emptyAt(await openSqliteStore(':memory:', { mode: 'read' }), where);
    }
    await migrate(client, where, state);
    return new PostgresStore(client, where, true, url);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw (error as { code?: string }).code === '42501' ? noAccess((client as { user?: string }).user, where) : error;
  }
}

/** A login the server knows but that may read nothing here: never on the team, or taken off it. */
function noAccess(login: string | undefined, where: string): UserError {
  return new UserError(`the login ${login ?? '(unknown)'} may not read the record at ${where}`, {
    hint: "on a team server, ask the team's admin to add you (oneonone team add); an organizer taken off the team reads nothing",
  });
}

/** An empty store shown as the server's location, for a read of a database oneonone has not set up yet. */
function emptyAt(store: Store, location: string): Store {
  const summary = async (): Promise<StoreSummary> => ({ version: PG_MIGRATIONS.length, people: 0, meetings: 0 });
  const own: Record<PropertyKey, unknown> = { location, exists: false, summary };
  return new Proxy(store, { get: (target, key) => (key in own ? own[key] : Reflect.get(target, key)) });
}

export async function inspectPostgres(url: string): Promise<StoreSummary | undefined> {
  const client = await connect(url);
  try {
    const state = await schemaState(client);
    if (state.state !== 'ours') return undefined;
    const row = (await client.query(`SELECT (SELECT count(*) FROM people) AS people, (SELECT count(*) FROM meetings) AS meetings`)).rows[0];
    return { version: state.applied.length, people: Number(row.people), meetings: Number(row.meetings) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A server keeps its own backups: oneonone says which command makes one rather than copying a database itself. */
export function serverBackup(url: string): UserError {
  return new UserError(`oneonone does not copy a PostgreSQL database itself (${shownLocation(url)})`, {
    hint: 'back it up with the server\'s own tool: pg_dump --format=custom --file=oneonone.dump "$ONEONONE_DB"; restore with pg_restore --clean --dbname "$ONEONONE_DB" oneonone.dump',
  });
}

export async function checkPostgresBackup(url: string): Promise<CheckedBackup> {
  throw serverBackup(url);
}
