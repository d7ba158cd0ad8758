import type {
  AssessmentChange, AssessmentMove, ContactDetails, ForgetCounts, ImportDetails, NameCandidate, NewPerson, PeopleFilter, PeopleRepository, PersonRow, PersonSummary, RungChange, RungMoveChange,
} from '../contract.js';
import type { Query } from './client.js';
import { onTeam } from './on-team.js';

/** Column and the name it is read back by; PostgreSQL folds unquoted aliases to lower case, so they are quoted. */
const PERSON_FIELDS: [column: string, field: string][] = [
  ['id', 'id'], ['name', 'name'], ['email', 'email'], ['phone', 'phone'], ['neighborhood', 'neighborhood'], ['organization', 'organization'],
  ['notes', 'notes'], ['source', 'source'], ['source_detail', 'sourceDetail'], ['referred_by', 'referredBy'], ['rung', 'rung'],
  ['potential', 'potential'], ['assessment', 'assessment'], ['language', 'language'], ['interpreter', 'interpreter'],
  ['created_at', 'createdAt'], ['updated_at', 'updatedAt'],
];

function personColumns(alias = ''): string {
  const a = alias ? `${alias}.` : '';
  return PERSON_FIELDS.map(([column, field]) => `${a}${column} AS "${field}"`).join(', ');
}
const PERSON_COLUMNS = personColumns();

type StoredPerson<P extends PersonRow = PersonRow> = Omit<P, 'interpreter'> & { interpreter: number };

/** A person as read: the interpreter need is kept as 0 or 1, as SQLite keeps it. */
function person<P extends PersonRow = PersonRow>(row: StoredPerson<P>): P {
  return { ...row, interpreter: row.interpreter === 1 } as P;
}

/** What a write binds for the interpreter need: the column is an integer. */
export function storedInterpreter(interpreter: boolean | undefined): number | undefined {
  return interpreter === undefined ? undefined : Number(interpreter);
}

export const RUNG_CHANGE_COLUMNS = `c.from_rung AS "fromRung", c.to_rung AS "toRung", c.cause, c.reason, c.detail,
  c.meeting_id AS "meetingId", m.held_at AS "meetingHeldAt", c.changed_at AS "changedAt"`;

/** Everything about people themselves: who they are, where they stand, who brought whom. */
export class PgPeople implements PeopleRepository {
  constructor(private readonly q: Query) {}

  async get(id: number): Promise<PersonRow | undefined> {
    const row = await this.q.row<StoredPerson>(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = $1`, [id]);
    return row && person(row);
  }

  async withNameKey(nameKey: string): Promise<PersonRow[]> {
    return (await this.q.rows<StoredPerson>(`SELECT ${PERSON_COLUMNS} FROM people WHERE name_key = $1 ORDER BY id`, [nameKey])).map((row) => person(row));
  }

  /** Keys are lower case, so a plain LIKE matches as SQLite's does; ordered as SQLite scans: people, then former names. */
  async withNameWord(typedKey: string, most: number): Promise<NameCandidate[]> {
    const word = (typedKey.split(' ')[0] ?? '').replace(/[\\%_]/g, (c) => `\\${c}`);
    const params = { start: `${word}%`, inner: `% ${word}%`, most };
    const matching = (column: string) => `(${column} LIKE @start ESCAPE '\\' OR ${column} LIKE @inner ESCAPE '\\')`;
    const outer = [...PERSON_FIELDS.map(([, field]) => field), 'formerName', 'lastMet'].map((field) => `c."${field}"`).join(', ');
    const rows = await this.q.rows<StoredPerson<NameCandidate>>(`
      SELECT ${outer} FROM (
        SELECT ${personColumns('p')}, NULL::text AS "formerName", f.last_met AS "lastMet", 0 AS part, p.id AS seq
        FROM people p LEFT JOIN person_figures f ON f.person_id = p.id WHERE ${matching('p.name_key')}
        UNION ALL
        SELECT ${personColumns('p')}, n.name, f.last_met, 1, n.id
        FROM person_names n JOIN people p ON p.id = n.person_id LEFT JOIN person_figures f ON f.person_id = p.id
        WHERE ${matching('n.name_key')}
      ) c
      ORDER BY c.part, c.seq
      LIMIT @most`, params);
    return rows.map((row) => person<NameCandidate>(row));
  }

  async formerNames(id: number): Promise<string[]> {
    return (await this.q.rows<{ name: string }>(`SELECT name FROM person_names WHERE person_id = $1 ORDER BY id`, [id])).map(({ name }) => name);
  }

  async allNames(): Promise<{ id: number; name: string }[]> {
    return this.q.rows(`SELECT id, name FROM people ORDER BY name COLLATE "C"`);
  }

  async add(added: NewPerson, now: string): Promise<number> {
    const rung = added.rung ?? 'contact';
    const row = await this.q.row<{ id: number }>(`
      INSERT INTO people (name, name_key, email, phone, neighborhood, organization, notes, source, source_detail,
                          referred_by, rung, potential, language, interpreter, created_at, updated_at)
      VALUES (@name, @nameKey, @email, @phone, @neighborhood, @organization, @notes, @source, @sourceDetail,
              @referredBy, @rung, @potential, @language, @interpreter, @now, @now)
      RETURNING id`, {
      email: null, phone: null, neighborhood: null, organization: null, notes: null, source: null,
      sourceDetail: null, referredBy: null, potential: null, language: null, ...added, interpreter: Number(added.interpreter ?? false), rung, now,
    });
    await this.recordRungChange(row!.id, null, rung, { cause: 'added', at: now });
    return row!.id;
  }

  async updateDetails(id: number, details: ContactDetails, now: string): Promise<void> {
    const given = Object.entries({ ...details, interpreter: storedInterpreter(details.interpreter) }).filter(([, value]) => value !== undefined && value !== null);
    if (given.length === 0) return;
    const columns = given.map(([field]) => `${field} = @${field}`).join(', ');
    await this.q.run(`UPDATE people SET ${columns}, updated_at = @now WHERE id = @id`, { ...Object.fromEntries(given), now, id });
  }

  async replaceDetails(id: number, details: ImportDetails, now: string): Promise<void> {
    await this.q.run(`
      UPDATE people SET email = @email, phone = @phone, neighborhood = @neighborhood, organization = @organization,
                        notes = @notes, updated_at = @now
      WHERE id = @id`, { ...details, id, now });
  }

  async setPotential(id: number, potential: number, now: string): Promise<void> {
    await this.q.run(`UPDATE people SET potential = $1, updated_at = $2 WHERE id = $3`, [potential, now, id]);
  }

  async setReferredBy(id: number, referrerId: number, now: string): Promise<void> {
    await this.q.run(`UPDATE people SET referred_by = $1, updated_at = $2 WHERE id = $3`, [referrerId, now, id]);
  }

  async moveToRung(id: number, rung: string, change: RungMoveChange): Promise<boolean> {
    const current = await this.get(id);
    if (!current || current.rung === rung) return false;
    await this.q.run(`UPDATE people SET rung = $1, updated_at = $2 WHERE id = $3`, [rung, change.at, id]);
    await this.recordRungChange(id, current.rung, rung, change);
    return true;
  }

  async assess(id: number, level: number, move: AssessmentMove): Promise<boolean> {
    // Locked, so two terminals assessing at once each record the level they really changed from.
    const current = await this.q.row<{ assessment: number }>(`SELECT assessment FROM people WHERE id = $1 FOR UPDATE`, [id]);
    if (!current || current.assessment === level) return false;
    await this.q.run(`UPDATE people SET assessment = $1, updated_at = $2 WHERE id = $3`, [level, move.at, id]);
    await this.q.run(`
      INSERT INTO assessment_changes (person_id, from_level, to_level, cause, reason, meeting_id, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, current.assessment, level, move.cause, move.reason ?? null, move.meetingId ?? null, move.at]);
    return true;
  }

  async assessmentHistory(id: number): Promise<AssessmentChange[]> {
    return this.q.rows<AssessmentChange>(`
      SELECT from_level AS "fromLevel", to_level AS "toLevel", cause, reason, meeting_id AS "meetingId", changed_at AS "changedAt"
      FROM assessment_changes WHERE person_id = $1 ORDER BY changed_at, id`, [id]);
  }

  private async recordRungChange(id: number, from: string | null, to: string, change: RungMoveChange): Promise<void> {
    await this.q.run(`
      INSERT INTO rung_changes (person_id, from_rung, to_rung, cause, reason, detail, meeting_id, changed_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, from, to, change.cause, change.reason ?? null, change.detail ?? null, change.meetingId ?? null, change.at]);
  }

  async rungHistory(id: number): Promise<RungChange[]> {
    return this.q.rows<RungChange>(`
      SELECT ${RUNG_CHANGE_COLUMNS}
      FROM rung_changes c LEFT JOIN meetings m ON m.id = c.meeting_id
      WHERE c.person_id = $1 ORDER BY c.changed_at, c.id`, [id]);
  }

  async referredBy(id: number): Promise<{ id: number; name: string } | undefined> {
    return this.q.row(`SELECT r.id, r.name FROM people p JOIN people r ON r.id = p.referred_by WHERE p.id = $1`, [id]);
  }

  async referrals(id: number): Promise<{ id: number; name: string; rung: string }[]> {
    return this.q.rows(`SELECT id, name, rung FROM people WHERE referred_by = $1 ORDER BY created_at, id`, [id]);
  }

  /** Everyone in one pass: no query per person; the counts come kept up to date in person_figures. */
  async summaries(filter: PeopleFilter = {}, limit?: number): Promise<PersonSummary[]> {
    const { where, params } = summaryWhere(filter);
    return this.q.rows<PersonSummary>(`
      SELECT p.id, p.name, p.rung, p.potential, p.assessment, p.language, p.interpreter = 1 AS interpreter, f.last_met AS "lastMet",
        coalesce(f.meetings, 0) AS meetings,
        coalesce(f.open_asks, 0) AS "openAsks", coalesce(f.open_followups, 0) AS "openFollowups"
      FROM people p
      LEFT JOIN person_figures f ON f.person_id = p.id
      ${where}
      ORDER BY p.name_key COLLATE "C", p.name COLLATE "C", p.id
      ${limit === undefined ? '' : 'LIMIT @limit'}`, limit === undefined ? params : { ...params, limit });
  }

  async summaryCount(filter: PeopleFilter = {}): Promise<number> {
    const { where, params } = summaryWhere(filter);
    return (await this.q.row<{ n: number }>(`SELECT count(*) AS n FROM people p LEFT JOIN person_figures f ON f.person_id = p.id ${where}`, params))!.n;
  }

  async forgetCounts(id: number): Promise<ForgetCounts> {
    // On a team server the login sees only some of the notes: the counts of what goes are read as the schema's owner.
    if (await onTeam(this.q)) {
      const counts = await this.q.row<ForgetCounts>(`SELECT * FROM team_erase_counts($1)`, [id]);
      if (counts) return counts;
    }
    return (await this.q.row<ForgetCounts>(`
      SELECT (SELECT count(*) FROM meetings WHERE person_id = @id) AS meetings,
             (SELECT count(*) FROM notes WHERE person_id = @id) AS notes,
             (SELECT count(*) FROM asks WHERE person_id = @id) AS asks,
             (SELECT count(*) FROM followups WHERE person_id = @id) AS followups,
             (SELECT count(*) FROM rung_changes WHERE person_id = @id) AS "rungChanges",
             (SELECT count(*) FROM people WHERE referred_by = @id) AS "referralsUnlinked"`, { id }))!;
  }

  /** The schema does the cascade (meetings and their phases, notes, asks, follow-ups, rung history); referrals are unlinked. */
  async forget(id: number): Promise<ForgetCounts> {
    const counts = await this.forgetCounts(id);
    await this.q.run((await onTeam(this.q)) ? `SELECT team_erase_person($1)` : `DELETE FROM people WHERE id = $1`, [id]);
    return counts;
  }
}

/** The people list's filters as SQL over people p and person_figures f. */
function summaryWhere(filter: PeopleFilter): { where: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.rungs) {
    where.push(`p.rung = ANY(@rungs::text[])`);
    params.rungs = filter.rungs;
  }
  if (filter.assessments) {
    where.push(`p.assessment = ANY(@assessments::int[])`);
    params.assessments = filter.assessments;
  }
  if (filter.metBefore) {
    where.push(`(f.last_met IS NULL OR f.last_met < @metBefore::timestamptz)`);
    params.metBefore = filter.metBefore;
  }
  if (filter.organizerIds) {
    where.push(`p.owner_id = ANY(@organizerIds::bigint[])`);
    params.organizerIds = filter.organizerIds;
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}
