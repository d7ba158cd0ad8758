import type { Statement } from 'better-sqlite3';
import type {
  AssessmentChange, AssessmentMove, ContactDetails, ForgetCounts, ImportDetails, NameCandidate, NewPerson, PeopleFilter, PeopleRepository, PersonRow, PersonSummary, RungChange, RungMoveChange,
} from '../contract.js';
import { statementCache, type Db } from './db.js';

function personColumns(alias = ''): string {
  const a = alias ? `${alias}.` : '';
  return `${a}id, ${a}name, ${a}email, ${a}phone, ${a}neighborhood, ${a}organization, ${a}notes, ${a}source,
  ${a}source_detail AS sourceDetail, ${a}referred_by AS referredBy, ${a}rung, ${a}potential, ${a}assessment,
  ${a}language, ${a}interpreter, ${a}created_at AS createdAt, ${a}updated_at AS updatedAt`;
}
const PERSON_COLUMNS = personColumns();

type StoredPerson<P extends PersonRow = PersonRow> = Omit<P, 'interpreter'> & { interpreter: number };

/** A person as read: SQLite keeps the interpreter need as 0 or 1. */
function person<P extends PersonRow = PersonRow>(row: StoredPerson<P>): P {
  return { ...row, interpreter: row.interpreter === 1 } as P;
}

/** What a write binds for the interpreter need: better-sqlite3 binds no booleans. */
export function storedInterpreter(interpreter: boolean | undefined): number | undefined {
  return interpreter === undefined ? undefined : Number(interpreter);
}

export const RUNG_CHANGE_COLUMNS = `c.from_rung AS fromRung, c.to_rung AS toRung, c.cause, c.reason, c.detail,
  c.meeting_id AS meetingId, m.held_at AS meetingHeldAt, c.changed_at AS changedAt`;

/** Everything about people themselves: who they are, where they stand, who brought whom. */
export class SqlitePeople implements PeopleRepository {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statementCache(db);
  }

  async get(id: number): Promise<PersonRow | undefined> {
    const row = this.sql(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = ?`).get(id) as StoredPerson | undefined;
    return row && person(row);
  }

  async withNameKey(nameKey: string): Promise<PersonRow[]> {
    return (this.sql(`SELECT ${PERSON_COLUMNS} FROM people WHERE name_key = ? ORDER BY id`).all(nameKey) as StoredPerson[]).map(person);
  }

  async withNameWord(typedKey: string, most: number): Promise<NameCandidate[]> {
    const word = (typedKey.split(' ')[0] ?? '').replace(/[\\%_]/g, (c) => `\\${c}`);
    const params = { start: `${word}%`, inner: `% ${word}%`, most };
    const matching = (column: string) => `(${column} LIKE @start ESCAPE '\\' OR ${column} LIKE @inner ESCAPE '\\')`;
    return (this.sql(`
      SELECT ${personColumns('p')}, NULL AS formerName, f.last_met AS lastMet
      FROM people p LEFT JOIN person_figures f ON f.person_id = p.id WHERE ${matching('p.name_key')}
      UNION ALL
      SELECT ${personColumns('p')}, n.name AS formerName, f.last_met AS lastMet
      FROM person_names n JOIN people p ON p.id = n.person_id LEFT JOIN person_figures f ON f.person_id = p.id
      WHERE ${matching('n.name_key')}
      LIMIT @most`).all(params) as StoredPerson<NameCandidate>[]).map((row) => person<NameCandidate>(row));
  }

  async formerNames(id: number): Promise<string[]> {
    return (this.sql(`SELECT name FROM person_names WHERE person_id = ? ORDER BY id`).all(id) as { name: string }[]).map(({ name }) => name);
  }

  async allNames(): Promise<{ id: number; name: string }[]> {
    return this.sql(`SELECT id, name FROM people ORDER BY name`).all() as { id: number; name: string }[];
  }

  async add(added: NewPerson, now: string): Promise<number> {
    const rung = added.rung ?? 'contact';
    const id = Number(
      this.sql(`
        INSERT INTO people (name, name_key, email, phone, neighborhood, organization, notes, source, source_detail,
                            referred_by, rung, potential, language, interpreter, created_at, updated_at)
        VALUES (@name, @nameKey, @email, @phone, @neighborhood, @organization, @notes, @source, @sourceDetail,
                @referredBy, @rung, @potential, @language, @interpreter, @now, @now)`).run({
        email: null, phone: null, neighborhood: null, organization: null, notes: null, source: null,
        sourceDetail: null, referredBy: null, potential: null, language: null, ...added, interpreter: Number(added.interpreter ?? false), rung, now,
      }).lastInsertRowid,
    );
    this.recordRungChange(id, null, rung, { cause: 'added', at: now });
    return id;
  }

  async updateDetails(id: number, details: ContactDetails, now: string): Promise<void> {
    const given = Object.entries({ ...details, interpreter: storedInterpreter(details.interpreter) }).filter(([, value]) => value !== undefined && value !== null);
    if (given.length === 0) return;
    const columns = given.map(([field]) => `${field} = @${field}`).join(', ');
    this.sql(`UPDATE people SET ${columns}, updated_at = @now WHERE id = @id`).run({ ...Object.fromEntries(given), now, id });
  }

  async replaceDetails(id: number, details: ImportDetails, now: string): Promise<void> {
    this.sql(`
      UPDATE people SET email = @email, phone = @phone, neighborhood = @neighborhood, organization = @organization,
                        notes = @notes, updated_at = @now
      WHERE id = @id`).run({ ...details, id, now });
  }

  async setPotential(id: number, potential: number, now: string): Promise<void> {
    this.sql(`UPDATE people SET potential = ?, updated_at = ? WHERE id = ?`).run(potential, now, id);
  }

  async setReferredBy(id: number, referrerId: number, now: string): Promise<void> {
    this.sql(`UPDATE people SET referred_by = ?, updated_at = ? WHERE id = ?`).run(referrerId, now, id);
  }

  async moveToRung(id: number, rung: string, change: RungMoveChange): Promise<boolean> {
    const current = await this.get(id);
    if (!current || current.rung === rung) return false;
    this.sql(`UPDATE people SET rung = ?, updated_at = ? WHERE id = ?`).run(rung, change.at, id);
    this.recordRungChange(id, current.rung, rung, change);
    return true;
  }

  async assess(id: number, level: number, move: AssessmentMove): Promise<boolean> {
    const current = this.sql(`SELECT assessment FROM people WHERE id = ?`).get(id) as { assessment: number } | undefined;
    if (!current || current.assessment === level) return false;
    this.sql(`UPDATE people SET assessment = ?, updated_at = ? WHERE id = ?`).run(level, move.at, id);
    this.sql(`
      INSERT INTO assessment_changes (person_id, from_level, to_level, cause, reason, meeting_id, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(id, current.assessment, level, move.cause, move.reason ?? null, move.meetingId ?? null, move.at);
    return true;
  }

  async assessmentHistory(id: number): Promise<AssessmentChange[]> {
    return this.sql(`
      SELECT from_level AS fromLevel, to_level AS toLevel, cause, reason, meeting_id AS meetingId, changed_at AS changedAt
      FROM assessment_changes WHERE person_id = ? ORDER BY changed_at, id`).all(id) as AssessmentChange[];
  }

  private recordRungChange(id: number, from: string | null, to: string, change: RungMoveChange): void {
    this.sql(`
      INSERT INTO rung_changes (person_id, from_rung, to_rung, cause, reason, detail, meeting_id, changed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(id, from, to, change.cause, change.reason ?? null, change.detail ?? null, change.meetingId ?? null, change.at);
  }

  async rungHistory(id: number): Promise<RungChange[]> {
    return this.sql(`
      SELECT ${RUNG_CHANGE_COLUMNS}
      FROM rung_changes c LEFT JOIN meetings m ON m.id = c.meeting_id
      WHERE c.person_id = ? ORDER BY c.changed_at, c.id`).all(id) as RungChange[];
  }

  async referredBy(id: number): Promise<{ id: number; name: string } | undefined> {
    return this.sql(`SELECT r.id, r.name FROM people p JOIN people r ON r.id = p.referred_by WHERE p.id = ?`).get(id) as
      | { id: number; name: string }
      | undefined;
  }

  async referrals(id: number): Promise<{ id: number; name: string; rung: string }[]> {
    return this.sql(`SELECT id, name, rung FROM people WHERE referred_by = ? ORDER BY created_at, id`).all(id) as { id: number; name: string; rung: string }[];
  }

  /** Everyone in one pass: no query per person; the counts come kept up to date in person_figures. */
  async summaries(filter: PeopleFilter = {}, limit?: number): Promise<PersonSummary[]> {
    const { where, params } = summaryWhere(filter);
    const rows = this.sql(`
        SELECT p.id, p.name, p.rung, p.potential, p.assessment, p.language, p.interpreter, f.last_met AS lastMet, coalesce(f.meetings, 0) AS meetings,
          coalesce(f.open_asks, 0) AS openAsks, coalesce(f.open_followups, 0) AS openFollowups
        FROM people p
        LEFT JOIN person_figures f ON f.person_id = p.id
        ${where}
        ORDER BY p.name_key, p.name, p.id
        ${limit === undefined ? '' : 'LIMIT @limit'}`)
      .all(limit === undefined ? params : { ...params, limit }) as (Omit<PersonSummary, 'interpreter'> & { interpreter: number })[];
    return rows.map((row) => ({ ...row, interpreter: row.interpreter === 1 }));
  }

  async summaryCount(filter: PeopleFilter = {}): Promise<number> {
    if (filter.metBefore && !filter.rungs && !filter.assessments) return this.notMetSinceCount(filter.metBefore);
    const { where, params } = summaryWhere(filter);
    return (this.sql(`SELECT count(*) AS n FROM people p LEFT JOIN person_figures f ON f.person_id = p.id ${where}`).get(params) as { n: number }).n;
  }

  /**
   * Everyone, less those met since: two counts a table's own b-tree answers, where a join looked every person's figures
   * up (100,000 lookups, ~60 ms on the large database for `people --stale 60`). Exact because a figures row belongs to a
   * person (a foreign key that cascades) and a person without one counts as never met, as in summaryWhere.
   */
  private notMetSinceCount(metBefore: string): number {
    return (this.sql(`
      SELECT (SELECT count(*) FROM people) - (SELECT count(*) FROM person_figures WHERE last_met >= @metBefore) AS n`).get({ metBefore }) as { n: number }).n;
  }

  async forgetCounts(id: number): Promise<ForgetCounts> {
    return this.sql(`
      SELECT (SELECT count(*) FROM meetings WHERE person_id = @id) AS meetings,
             (SELECT count(*) FROM notes WHERE person_id = @id) AS notes,
             (SELECT count(*) FROM asks WHERE person_id = @id) AS asks,
             (SELECT count(*) FROM followups WHERE person_id = @id) AS followups,
             (SELECT count(*) FROM rung_changes WHERE person_id = @id) AS rungChanges,
             (SELECT count(*) FROM people WHERE referred_by = @id) AS referralsUnlinked`).get({ id }) as ForgetCounts;
  }

  /** The schema does the cascade (meetings and their phases, notes, asks, follow-ups, rung history); referrals are unlinked. */
  async forget(id: number): Promise<ForgetCounts> {
    const counts = await this.forgetCounts(id);
    this.sql(`DELETE FROM people WHERE id = ?`).run(id);
    return counts;
  }
}

/** The people list's filters as SQL over people p and person_figures f (a file has one organizer: organizerIds is moot). */
function summaryWhere(filter: PeopleFilter): { where: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.rungs) {
    where.push(`p.rung IN (${filter.rungs.map((_, i) => `@rung${i}`).join(', ')})`);
    filter.rungs.forEach((rung, i) => (params[`rung${i}`] = rung));
  }
  if (filter.assessments) where.push(`p.assessment IN (${filter.assessments.map(Number).join(', ')})`);
  if (filter.metBefore) {
    where.push(`(f.last_met IS NULL OR f.last_met < @metBefore)`);
    params.metBefore = filter.metBefore;
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}
