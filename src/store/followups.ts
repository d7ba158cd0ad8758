import type { Statement } from 'better-sqlite3';
import { RUNGS } from '../people/ladder.js';
import type { CadenceDays } from '../people/cadence.js';
import type { CadenceCandidate, OpenAsk, OpenFollowUp } from '../people/agenda.js';
import { statementCache, type Db } from './db.js';

/** Filters for the morning list: an end (null = no end) and, optionally, one person. */
export interface AgendaFilter {
  until: string | null;
  personId?: number;
}

export interface FollowUpState {
  id: number;
  personId: number;
  person: string;
  text: string;
  dueAt: string;
  doneAt: string | null;
}

export interface AskState {
  id: number;
  personId: number;
  person: string;
  text: string;
  outcome: string | null;
  result: string | null;
  dueAt: string | null;
  checkinAt: string | null;
  checkedAt: string | null;
  askedAt: string;
}

export interface CadenceState extends CadenceCandidate {}

/** ISO 8601 as toISOString writes it, so computed moments compare as text with stored ones. */
const ISO = `'%Y-%m-%dT%H:%M:%fZ'`;
const ASKED_AT = `coalesce(m.held_at, a.created_at)`;
const CHECKIN_DUE = `coalesce(a.checkin_at, a.due_at, strftime(${ISO}, ${ASKED_AT}, '+7 days'))`;
/** The latest complete meeting per person, kept up to date on write in person_figures (migration 003). */
const LAST_MET = (personFilter: string) => `SELECT person_id, last_met FROM person_figures WHERE 1 = 1 ${personFilter}`;

/**
 * What needs the organizer: open follow-ups, asks to check on, people due a meeting by cadence.
 * Each list is one query (no query per person); the end of the window is applied in SQL so a large
 * database returns only what the list shows.
 */
export class FollowUpStore {
  /** One prepared statement per shape of filter, made on first use. */
  private readonly cached: (sql: string) => Statement;
  private readonly followUpById: Statement<[number], FollowUpState>;
  private readonly closeFollowUpStatement: Statement<[string, number]>;
  private readonly moveFollowUp: Statement<[string, number]>;
  private readonly askById: Statement<[number], AskState>;
  private readonly checkAskStatement: Statement<[string | null, string, number]>;
  private readonly moveCheckIn: Statement<[string, number]>;
  private readonly cadenceById: Statement<[{ id: number }], CadenceState>;
  private readonly setCadenceUntilStatement: Statement<[string, number]>;

  constructor(private readonly db: Db) {
    this.cached = statementCache(db);
    this.followUpById = db.prepare(`
      SELECT f.id, f.person_id AS personId, p.name AS person, f.text, f.due_at AS dueAt, f.done_at AS doneAt
      FROM followups f JOIN people p ON p.id = f.person_id WHERE f.id = ?`);
    this.closeFollowUpStatement = db.prepare(`UPDATE followups SET done_at = ? WHERE id = ? AND done_at IS NULL`);
    this.moveFollowUp = db.prepare(`UPDATE followups SET due_at = ? WHERE id = ? AND done_at IS NULL`);
    this.askById = db.prepare(`
      SELECT a.id, a.person_id AS personId, p.name AS person, a.text, a.outcome, a.result, a.due_at AS dueAt,
             a.checkin_at AS checkinAt, a.checked_at AS checkedAt, ${ASKED_AT} AS askedAt
      FROM asks a JOIN people p ON p.id = a.person_id LEFT JOIN meetings m ON m.id = a.meeting_id WHERE a.id = ?`);
    this.checkAskStatement = db.prepare(`UPDATE asks SET result = coalesce(?, result), checked_at = coalesce(checked_at, ?) WHERE id = ?`);
    this.moveCheckIn = db.prepare(`UPDATE asks SET checkin_at = ? WHERE id = ? AND checked_at IS NULL`);
    this.cadenceById = db.prepare(`
      SELECT p.id AS personId, p.name AS person, p.rung, m.last_met AS lastMet, p.created_at AS createdAt, p.cadence_until AS cadenceUntil
      FROM people p LEFT JOIN (${LAST_MET('AND person_id = @id')}) m ON m.person_id = p.id WHERE p.id = @id`);
    this.setCadenceUntilStatement = db.prepare(`UPDATE people SET cadence_until = ? WHERE id = ?`);
  }

  openFollowUps(filter: AgendaFilter): OpenFollowUp[] {
    const where = ['f.done_at IS NULL'];
    if (filter.until !== null) where.push('f.due_at <= @until');
    if (filter.personId !== undefined) where.push('f.person_id = @personId');
    return this.cached(`
      SELECT f.id, f.person_id AS personId, p.name AS person, f.text, f.due_at AS dueAt
      FROM followups f JOIN people p ON p.id = f.person_id
      WHERE ${where.join(' AND ')}`).all(params(filter)) as OpenFollowUp[];
  }

  /** Asks they said yes or maybe to, not yet checked on. */
  openAsks(filter: AgendaFilter): OpenAsk[] {
    const where = [`a.checked_at IS NULL`, `a.outcome IN ('yes', 'maybe')`, `a.result IS NULL`];
    if (filter.until !== null) where.push(`${CHECKIN_DUE} <= @until`);
    if (filter.personId !== undefined) where.push('a.person_id = @personId');
    return this.cached(`
      SELECT a.id, a.person_id AS personId, p.name AS person, a.text, a.outcome, a.due_at AS dueAt,
             a.checkin_at AS checkinAt, ${ASKED_AT} AS askedAt
      FROM asks a JOIN people p ON p.id = a.person_id LEFT JOIN meetings m ON m.id = a.meeting_id
      WHERE ${where.join(' AND ')}`).all(params(filter)) as OpenAsk[];
  }

  /**
   * People whose next meeting falls by `until`: the cadence counted from the last complete meeting (or from when
   * they were added) in whole days, never before `cadence_until`. The exact day is worked out in people/cadence.ts;
   * this is the same arithmetic, so it only keeps the database from handing over everyone.
   */
  cadenceDue(filter: AgendaFilter, cadence: CadenceDays): CadenceCandidate[] {
    const where: string[] = [];
    if (filter.personId !== undefined) where.push('p.id = @personId');
    if (filter.until !== null) {
      const days = `CASE p.rung ${RUNGS.map((rung) => `WHEN '${rung}' THEN @days_${rung}`).join(' ')} ELSE @days_other END`;
      where.push(`max(strftime(${ISO}, coalesce(m.last_met, p.created_at), '+' || ${days} || ' days'), coalesce(p.cadence_until, '')) <= @until`);
    }
    const daysParams = filter.until === null ? {} : Object.fromEntries([
      ...RUNGS.map((rung) => [`days_${rung}`, cadence.rungs[rung] ?? cadence.other]),
      ['days_other', cadence.other],
    ]);
    return this.cached(`
      SELECT p.id AS personId, p.name AS person, p.rung, m.last_met AS lastMet, p.created_at AS createdAt, p.cadence_until AS cadenceUntil
      FROM people p LEFT JOIN (${LAST_MET(filter.personId === undefined ? '' : 'AND person_id = @personId')}) m ON m.person_id = p.id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).all({ ...params(filter), ...daysParams }) as CadenceCandidate[];
  }

  followUp(id: number): FollowUpState | undefined {
    return this.followUpById.get(id);
  }

  /** True when it was open and is now closed. */
  closeFollowUp(id: number, at: string): boolean {
    return this.closeFollowUpStatement.run(at, id).changes === 1;
  }

  snoozeFollowUp(id: number, dueAt: string): boolean {
    return this.moveFollowUp.run(dueAt, id).changes === 1;
  }

  ask(id: number): AskState | undefined {
    return this.askById.get(id);
  }

  /** Marks the check-in done; a result (kept/broken) is recorded when given. A first check time is kept. */
  checkAsk(id: number, result: 'kept' | 'broken' | null, at: string): void {
    this.checkAskStatement.run(result, at, id);
  }

  snoozeCheckIn(id: number, at: string): boolean {
    return this.moveCheckIn.run(at, id).changes === 1;
  }

  cadencePerson(personId: number): CadenceState | undefined {
    return this.cadenceById.get({ id: personId });
  }

  setCadenceUntil(personId: number, until: string): void {
    this.setCadenceUntilStatement.run(until, personId);
  }
}

function params(filter: AgendaFilter): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (filter.until !== null) result.until = filter.until;
  if (filter.personId !== undefined) result.personId = filter.personId;
  return result;
}
