import type { Statement } from 'better-sqlite3';
import { RUNGS } from '../../people/ladder.js';
import { countsContacts, NEXT_MEETING_DUE, type CadenceDays } from '../../people/cadence.js';
import { CHECK_IN_DUE, type CadenceCandidate, type OpenAsk, type OpenFollowUp } from '../../people/agenda.js';
import type { AgendaFilter, AgendaReadModel } from '../contract.js';
import { ASKED_AT } from './commitments.js';
import { statementCache, type Db } from './db.js';
import { dueBySql, momentSql } from './rules.js';

const DAY_MS = 86_400_000;
/** When an ask is checked on (asks a, meetings m): the domain's rule. */
const CHECKIN_DUE = momentSql(CHECK_IN_DUE, { checkinAt: 'a.checkin_at', dueAt: 'a.due_at', askedAt: ASKED_AT });
/** The latest complete meeting and other contact per person, kept up to date on write in person_figures (migrations 003, 015). */
const LAST_MET = (personFilter: string) => `SELECT person_id, last_met, last_touch FROM person_figures WHERE 1 = 1 ${personFilter}`;
/** A person's cadence in days by rung (parameters @days_<rung>, @days_other), as people/cadence.ts cadenceFor. */
const CADENCE_DAYS = `CASE p.rung ${RUNGS.map((rung) => `WHEN '${rung}' THEN @days_${rung}`).join(' ')} ELSE @days_other END`;
/** How many candidates soonestDue reads for each place in the list. */
const CANDIDATES_PER_PLACE = 4;
/** More than the rounding of text moments to the millisecond can move a Julian day. */
const JULIAN_DAY_SLACK = 1e-6;

/** The cadence's SQL over people p and their figures m (last met, last other contact): one shape without contacts, one with. */
function cadenceSql(touches: boolean) {
  // Text moments of one form (toISOString) compare as they sort; a touch before the last 1:1, or none, leaves last_met.
  const lastContact = touches ? `CASE WHEN m.last_touch > coalesce(m.last_met, '') THEN m.last_touch ELSE m.last_met END` : 'm.last_met';
  const columns = { lastContact, createdAt: 'p.created_at', cadenceDays: CADENCE_DAYS, cadenceUntil: 'p.cadence_until' };
  const nextDue = momentSql(NEXT_MEETING_DUE, columns);
  const dueByUntil = dueBySql(NEXT_MEETING_DUE, columns, '@until', `CASE p.rung ${RUNGS.map((rung) => `WHEN '${rung}' THEN @from_${rung}`).join(' ')} ELSE @from_other END`);
  return {
    /** When the next meeting is due: the domain's rule. */
    nextDue,
    /** People due a meeting by @until, with @from_<rung>: @until less that rung's days. */
    dueFrom: `FROM people p LEFT JOIN person_figures m ON m.person_id = p.id WHERE ${dueByUntil}`,
    /** The local day the next meeting is due, a whole number (@days_offset: the UTC offset in days). */
    dueDay: `CAST(julianday(${nextDue}) + @days_offset + 0.5 AS INTEGER)`,
    /** A lower bound of the next meeting's moment as a Julian day: the rule's start plus the rung's days, without its floor. */
    soonestDue: `julianday(coalesce(${NEXT_MEETING_DUE.from.map((field) => columns[field]).join(', ')})) + ${CADENCE_DAYS}`,
    candidateColumns: `p.id AS personId, p.name AS person, p.rung, m.last_met AS lastMet, ${touches ? 'm.last_touch' : 'NULL'} AS lastTouch,
      p.created_at AS createdAt, p.cadence_until AS cadenceUntil`,
  };
}

type CadenceSql = ReturnType<typeof cadenceSql>;
const CADENCE_SQL: Record<'with' | 'without', CadenceSql> = { with: cadenceSql(true), without: cadenceSql(false) };
/** Higher on the ladder, higher rank; a rung not on the ladder (e.g. from an import) ranks below contact. */
const RUNG_RANK = `CASE p.rung ${RUNGS.map((rung, index) => `WHEN '${rung}' THEN ${index}`).join(' ')} ELSE -1 END`;

/**
 * What needs the organizer: open follow-ups, asks to check on, people due a meeting by cadence.
 * Each list is one query (no query per person); the end of the window is applied in SQL so a large
 * database returns only what the list shows.
 */
export class SqliteAgenda implements AgendaReadModel {
  /** One prepared statement per shape of filter, made on first use. */
  private readonly cached: (sql: string) => Statement;

  constructor(db: Db) {
    this.cached = statementCache(db);
  }

  private shape(cadence: CadenceDays): CadenceSql {
    return countsContacts(cadence) ? CADENCE_SQL.with : CADENCE_SQL.without;
  }

  async openFollowUps(filter: AgendaFilter): Promise<OpenFollowUp[]> {
    const open = ['done_at IS NULL'];
    if (filter.until !== null) open.push('due_at <= @until');
    const where = filter.personId === undefined ? [inIdOrder('followups', open)] : [...open.map((term) => `f.${term}`), 'f.person_id = @personId'];
    const rows = this.cached(`
      SELECT f.id, f.person_id AS personId, p.name AS person, f.text, f.due_at AS dueAt, fa.text AS askText, fa.outcome AS askOutcome
      FROM followups f JOIN people p ON p.id = f.person_id LEFT JOIN asks fa ON fa.id = f.ask_id
      WHERE ${where.join(' AND ')}`).all(params(filter)) as (Omit<OpenFollowUp, 'ask'> & { askText: string | null; askOutcome: string | null })[];
    return rows.map(({ askText, askOutcome, ...row }) => ({ ...row, ask: askText === null ? null : { text: askText, outcome: askOutcome } }));
  }

  /** Asks they said yes or maybe to, not yet checked on. */
  async openAsks(filter: AgendaFilter): Promise<OpenAsk[]> {
    const unchecked = [`checked_at IS NULL`, `outcome IN ('yes', 'maybe')`];
    const where = filter.personId === undefined ? [inIdOrder('asks', unchecked)] : unchecked.map((term) => `a.${term}`);
    where.push(`a.result IS NULL`);
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
  async cadenceDue(filter: AgendaFilter, cadence: CadenceDays): Promise<CadenceCandidate[]> {
    const sql = this.shape(cadence);
    const where: string[] = [];
    if (filter.personId !== undefined) where.push('p.id = @personId');
    if (filter.until !== null) where.push(`${sql.nextDue} <= @until`);
    return this.cached(`
      SELECT ${sql.candidateColumns}
      FROM people p LEFT JOIN (${LAST_MET(filter.personId === undefined ? '' : 'AND person_id = @personId')}) m ON m.person_id = p.id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).all({ ...params(filter), ...(filter.until === null ? {} : daysParams(cadence)) }) as CadenceCandidate[];
  }

  /**
   * The `limit` most overdue people due a meeting by `until` (the earliest due day first; on the same day the higher
   * rung first, then the lower id), and how many are due in all. Sorted and cut in SQL (a top-N sort that keeps only
   * `limit` rows) and counted without building a row per person, so a backlog of 100,000 costs two passes over
   * people and person_figures, not 100,000 objects.
   *
   * `utcOffsetMinutes` (the local offset now) makes the due day local, as the list shows it; a daylight-saving change
   * between then and now can move a reminder due within an hour of midnight by one day in this choice, never in the
   * list's order.
   */
  async cadenceDueFirst(until: Date, cadence: CadenceDays, limit: number, utcOffsetMinutes: number): Promise<{ people: CadenceCandidate[]; total: number }> {
    const bound: Record<string, unknown> = { until: until.toISOString(), days_offset: utcOffsetMinutes / 1440 };
    for (const [key, days] of Object.entries(daysParams(cadence))) {
      bound[`from_${key.slice('days_'.length)}`] = new Date(until.getTime() - days * DAY_MS).toISOString();
      bound[key] = days;
    }
    const sql = this.shape(cadence);
    const total = (this.cached(`SELECT count(*) AS total ${sql.dueFrom}`).get(omit(bound, 'days_')) as { total: number }).total;
    const people = this.soonestDue(sql, bound, limit) ?? (this.cached(`
      SELECT ${sql.candidateColumns}
      ${sql.dueFrom}
      ORDER BY ${sql.dueDay}, ${RUNG_RANK} DESC, p.id
      LIMIT @limit`).all({ ...bound, limit }) as CadenceCandidate[]);
    return { people, total };
  }

  /**
   * The first `limit` in the list's order, worked out exactly for a few candidates only: the due day (date arithmetic
   * on text) for every one of 46,000 people due was most of the query. The candidates are the first by a cheap lower
   * bound of the due moment (the start plus the rung's days, as a Julian day; a floor set by cadence_until only moves it
   * later); when the bound of the first left out already falls after the last day kept, nobody left out could be in the
   * list. Otherwise (many due on one day) undefined, and the caller sorts them all.
   */
  private soonestDue(sql: CadenceSql, bound: Record<string, unknown>, limit: number): CadenceCandidate[] | undefined {
    if (limit <= 0) return [];
    const most = limit * CANDIDATES_PER_PLACE;
    const candidates = this.cached(`SELECT p.id, ${sql.soonestDue} AS soonest ${sql.dueFrom} ORDER BY soonest LIMIT @most`)
      .all({ ...omit(bound, 'days_offset'), most }) as { id: number; soonest: number | null }[];
    const rows = this.cached(`
      SELECT ${sql.candidateColumns}, ${sql.dueDay} AS dueDay
      FROM people p LEFT JOIN person_figures m ON m.person_id = p.id
      WHERE p.id IN (SELECT value FROM json_each(@ids))
      ORDER BY ${sql.dueDay}, ${RUNG_RANK} DESC, p.id
      LIMIT @limit`).all({ ...omit(bound, 'until', 'from_'), ids: JSON.stringify(candidates.map(({ id }) => id)), limit }) as (CadenceCandidate & { dueDay: number | null })[];
    if (candidates.length === most) {
      const firstLeftOut = candidates.at(-1)!.soonest;
      const lastKept = rows.at(-1)?.dueDay;
      if (firstLeftOut === null || lastKept === null || lastKept === undefined) return undefined;
      if (Math.floor(firstLeftOut - JULIAN_DAY_SLACK + (bound.days_offset as number) + 0.5) <= lastKept) return undefined;
    }
    return rows.map(({ dueDay: _day, ...person }) => person);
  }

  async cadencePerson(personId: number): Promise<CadenceCandidate | undefined> {
    return this.cached(`
      SELECT p.id AS personId, p.name AS person, p.rung, m.last_met AS lastMet,
             m.last_touch AS lastTouch, p.created_at AS createdAt, p.cadence_until AS cadenceUntil
      FROM people p LEFT JOIN (${LAST_MET('AND person_id = @id')}) m ON m.person_id = p.id WHERE p.id = @id`).get({ id: personId }) as
      | CadenceCandidate
      | undefined;
  }
}

/**
 * The rows of `table` (aliased by its initial) that `terms` pick, read in id order: the ids come from the index the
 * terms are on alone, sorted, so the rows and the people and meetings joined to them are read in the order they lie
 * in the file. Read in the index's order instead, each row was a jump to another page (5,000 open check-ins on the
 * large database: 71–85 ms instead of 93–107).
 */
function inIdOrder(table: string, terms: string[]): string {
  return `${table[0]}.id IN (SELECT id FROM ${table} WHERE ${terms.join(' AND ')})`;
}

function daysParams(cadence: CadenceDays): Record<string, number> {
  return Object.fromEntries([...RUNGS.map((rung) => [`days_${rung}`, cadence.rungs[rung] ?? cadence.other]), ['days_other', cadence.other]]);
}

/** better-sqlite3 refuses named parameters a statement does not use. */
function omit(values: Record<string, unknown>, ...prefixes: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !prefixes.some((prefix) => key.startsWith(prefix))));
}

function params(filter: AgendaFilter): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (filter.until !== null) result.until = filter.until;
  if (filter.personId !== undefined) result.personId = filter.personId;
  return result;
}
