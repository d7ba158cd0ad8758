import { RUNGS } from '../../people/ladder.js';
import { countsContacts, NEXT_MEETING_DUE, type CadenceDays } from '../../people/cadence.js';
import { CHECK_IN_DUE, type CadenceCandidate, type OpenAsk, type OpenFollowUp } from '../../people/agenda.js';
import type { AgendaFilter, AgendaReadModel } from '../contract.js';
import type { Query } from './client.js';
import { ASKED_AT } from './commitments.js';
import { dueBySql, momentSql } from './rules.js';

const DAY_MS = 86_400_000;
/** When an ask is checked on (asks a, meetings m): the domain's rule. */
const CHECKIN_DUE = momentSql(CHECK_IN_DUE, { checkinAt: 'a.checkin_at', dueAt: 'a.due_at', askedAt: ASKED_AT });
/** The latest complete meeting and other contact per person, kept up to date on write in person_figures (triggers of migrations.ts). */
const LAST_MET = (personFilter: string) => `SELECT person_id, last_met, last_touch FROM person_figures WHERE 1 = 1 ${personFilter}`;
/** One value per rung (parameters @<prefix>_<rung>, @<prefix>_other), typed: a CASE of bare parameters would be text. */
const BY_RUNG = (prefix: string, type: string) =>
  `CASE p.rung ${RUNGS.map((rung) => `WHEN '${rung}' THEN @${prefix}_${rung}::${type}`).join(' ')} ELSE @${prefix}_other::${type} END`;
/** Higher on the ladder, higher rank; a rung not on the ladder (e.g. from an import) ranks below contact. */
const RUNG_RANK = `CASE p.rung ${RUNGS.map((rung, index) => `WHEN '${rung}' THEN ${index}`).join(' ')} ELSE -1 END`;

/** The cadence's SQL over people p and their figures m (last met, last other contact): one shape without contacts, one with. */
function cadenceSql(touches: boolean) {
  // greatest() passes over a null: no touch, or no 1:1, leaves the other.
  const columns = {
    lastContact: touches ? 'greatest(m.last_met, m.last_touch)' : 'm.last_met',
    createdAt: 'p.created_at', cadenceDays: BY_RUNG('days', 'float8'), cadenceUntil: 'p.cadence_until',
  };
  return {
    /** When the next meeting is due: the domain's rule. */
    nextDue: momentSql(NEXT_MEETING_DUE, columns),
    /** Due by @until, with @from_<rung>: @until less that rung's days. */
    dueByUntil: dueBySql(NEXT_MEETING_DUE, columns, '@until::timestamptz', BY_RUNG('from', 'timestamptz')),
    candidateColumns: `p.id AS "personId", p.name AS person, p.rung, m.last_met AS "lastMet", ${touches ? 'm.last_touch' : 'NULL::timestamptz'} AS "lastTouch",
      p.created_at AS "createdAt", p.cadence_until AS "cadenceUntil"`,
  };
}

type CadenceSql = ReturnType<typeof cadenceSql>;
const CADENCE_SQL: Record<'with' | 'without', CadenceSql> = { with: cadenceSql(true), without: cadenceSql(false) };

/**
 * What needs the organizer: open follow-ups, asks to check on, people due a meeting by cadence.
 * Each list is one query (no query per person); the end of the window is applied in SQL so a large
 * database returns only what the list shows. Lists come in id order, as SQLite's rowid scans give them: PostgreSQL's
 * heap order moves with every update.
 */
export class PgAgenda implements AgendaReadModel {
  constructor(private readonly q: Query) {}

  private shape(cadence: CadenceDays): CadenceSql {
    return countsContacts(cadence) ? CADENCE_SQL.with : CADENCE_SQL.without;
  }

  async openFollowUps(filter: AgendaFilter): Promise<OpenFollowUp[]> {
    const where = ['f.done_at IS NULL'];
    if (filter.until !== null) where.push('f.due_at <= @until');
    if (filter.personId !== undefined) where.push('f.person_id = @personId');
    if (filter.organizerIds !== undefined) where.push('f.owner_id = ANY(@organizerIds::bigint[])');
    const rows = await this.q.rows<Omit<OpenFollowUp, 'ask'> & { askText: string | null; askOutcome: string | null }>(`
      SELECT f.id, f.person_id AS "personId", p.name AS person, f.text, f.due_at AS "dueAt", fa.text AS "askText", fa.outcome AS "askOutcome"
      FROM followups f JOIN people p ON p.id = f.person_id LEFT JOIN asks fa ON fa.id = f.ask_id
      WHERE ${where.join(' AND ')}
      ORDER BY f.id`, params(filter));
    return rows.map(({ askText, askOutcome, ...row }) => ({ ...row, ask: askText === null ? null : { text: askText, outcome: askOutcome } }));
  }

  /**
   * Asks they said yes or maybe to, not yet checked on; found through the people whose figures count an open ask. The
   * planner guesses the asks' own terms apart (a third of asks never checked, two thirds said yes or maybe: a fifth of
   * all asks) where in a record nearly every unchecked ask is a no, and for those 200,000 it hashed every meeting: half
   * a second on the large database for 113 asks. Its count of people with open asks is right (8 ms).
   */
  async openAsks(filter: AgendaFilter): Promise<OpenAsk[]> {
    const where = [`a.checked_at IS NULL`, `a.outcome IN ('yes', 'maybe')`, `a.result IS NULL`];
    if (filter.until !== null) where.push(`${CHECKIN_DUE} <= @until`);
    if (filter.personId !== undefined) where.push('a.person_id = @personId');
    if (filter.organizerIds !== undefined) where.push('a.owner_id = ANY(@organizerIds::bigint[])');
    return this.q.rows<OpenAsk>(`
      SELECT a.id, a.person_id AS "personId", p.name AS person, a.text, a.outcome, a.due_at AS "dueAt",
             a.checkin_at AS "checkinAt", ${ASKED_AT} AS "askedAt"
      FROM person_figures f JOIN asks a ON a.person_id = f.person_id JOIN people p ON p.id = a.person_id
        LEFT JOIN meetings m ON m.id = a.meeting_id
      WHERE f.open_asks > 0 AND ${where.join(' AND ')}
      ORDER BY a.id`, params(filter));
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
    if (filter.organizerIds !== undefined) where.push('p.owner_id = ANY(@organizerIds::bigint[])');
    if (filter.until !== null) where.push(`${sql.nextDue} <= @until`);
    return this.q.rows<CadenceCandidate>(`
      SELECT ${sql.candidateColumns}
      FROM people p LEFT JOIN (${LAST_MET(filter.personId === undefined ? '' : 'AND person_id = @personId')}) m ON m.person_id = p.id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY p.id`, { ...params(filter), ...daysParams(cadence) });
  }

  /**
   * The `limit` most overdue people due a meeting by `until` (the earliest due day first; on the same day the higher
   * rung first, then the lower id), and how many are due in all: sorted, cut and counted in SQL.
   *
   * `utcOffsetMinutes` (the local offset now) makes the due day local, as the list shows it; a daylight-saving change
   * between then and now can move a reminder due within an hour of midnight by one day in this choice, never in the
   * list's order.
   */
  async cadenceDueFirst(until: Date, cadence: CadenceDays, limit: number, utcOffsetMinutes: number, organizerIds?: number[]): Promise<{ people: CadenceCandidate[]; total: number }> {
    const bound: Record<string, unknown> = { until: until.toISOString(), days_offset: utcOffsetMinutes / 1440, limit };
    if (organizerIds !== undefined) bound.organizerIds = organizerIds;
    for (const [key, days] of Object.entries(daysParams(cadence))) {
      bound[`from_${key.slice('days_'.length)}`] = new Date(until.getTime() - days * DAY_MS).toISOString();
      bound[key] = days;
    }
    const sql = this.shape(cadence);
    const mine = organizerIds === undefined ? '' : ' AND p.owner_id = ANY(@organizerIds::bigint[])';
    const from = `FROM people p LEFT JOIN person_figures m ON m.person_id = p.id WHERE ${sql.dueByUntil}${mine}`;
    if (limit <= 0) return { people: [], total: (await this.q.row<{ total: number }>(`SELECT count(*) AS total ${from}`, bound))!.total };
    // The local day as a whole number: days since the epoch, shifted by the offset, rounded down as SQLite's CAST of a positive number.
    const dueDay = `floor(extract(epoch FROM ${sql.nextDue}) / 86400 + @days_offset::float8)`;
    // Counted in the same pass as the page is picked: the join of every person to their figures was most of each query.
    const rows = await this.q.rows<CadenceCandidate & { total: number }>(`
      SELECT ${sql.candidateColumns}, count(*) OVER () AS total
      ${from}
      ORDER BY ${dueDay}, ${RUNG_RANK} DESC, p.id
      LIMIT @limit`, bound);
    return { people: rows.map(({ total: _total, ...person }) => person), total: rows[0]?.total ?? 0 };
  }

  async cadencePerson(personId: number): Promise<CadenceCandidate | undefined> {
    return this.q.row<CadenceCandidate>(`
      SELECT p.id AS "personId", p.name AS person, p.rung, m.last_met AS "lastMet",
             m.last_touch AS "lastTouch", p.created_at AS "createdAt", p.cadence_until AS "cadenceUntil"
      FROM people p LEFT JOIN (${LAST_MET('AND person_id = @id')}) m ON m.person_id = p.id WHERE p.id = @id`, { id: personId });
  }
}

function daysParams(cadence: CadenceDays): Record<string, number> {
  return Object.fromEntries([...RUNGS.map((rung) => [`days_${rung}`, cadence.rungs[rung] ?? cadence.other]), ['days_other', cadence.other]]);
}

function params(filter: AgendaFilter): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (filter.until !== null) result.until = filter.until;
  if (filter.personId !== undefined) result.personId = filter.personId;
  if (filter.organizerIds !== undefined) result.organizerIds = filter.organizerIds;
  return result;
}
