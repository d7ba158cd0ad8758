import type { Statement } from 'better-sqlite3';
import { statementCache, type Db } from './db.js';

export interface PersonRow {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  neighborhood: string | null;
  organization: string | null;
  notes: string | null;
  source: string | null;
  sourceDetail: string | null;
  referredBy: number | null;
  rung: string;
  potential: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewPerson {
  name: string;
  nameKey: string;
  email?: string | null;
  phone?: string | null;
  neighborhood?: string | null;
  organization?: string | null;
  notes?: string | null;
  source?: 'referral' | 'event' | 'import' | 'other' | null;
  sourceDetail?: string | null;
  referredBy?: number | null;
  rung?: string;
  potential?: number | null;
}

export type ContactDetails = Pick<NewPerson, 'email' | 'phone' | 'neighborhood' | 'organization' | 'notes'>;

export interface PersonSummary {
  id: number;
  name: string;
  rung: string;
  potential: number | null;
  lastMet: string | null;
  meetings: number;
  openAsks: number;
  openFollowups: number;
}

export interface RungChange {
  fromRung: string | null;
  toRung: string;
  reason: string | null;
  meetingId: number | null;
  changedAt: string;
}

const PERSON_COLUMNS = `id, name, email, phone, neighborhood, organization, notes, source,
  source_detail AS sourceDetail, referred_by AS referredBy, rung, potential,
  created_at AS createdAt, updated_at AS updatedAt`;

/** Everything about people themselves: who they are, where they stand, who brought whom. */
export class PeopleStore {
  private readonly byId: Statement<[number], PersonRow>;
  private readonly byNameKey: Statement<[string], PersonRow>;
  private readonly insertPerson: Statement;
  private readonly insertRungChange: Statement;
  private readonly updateRung: Statement;

  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statementCache(db);
    this.byId = db.prepare(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = ?`);
    this.byNameKey = db.prepare(`SELECT ${PERSON_COLUMNS} FROM people WHERE name_key = ? ORDER BY id`);
    this.insertPerson = db.prepare(`
      INSERT INTO people (name, name_key, email, phone, neighborhood, organization, notes, source, source_detail,
                          referred_by, rung, potential, created_at, updated_at)
      VALUES (@name, @nameKey, @email, @phone, @neighborhood, @organization, @notes, @source, @sourceDetail,
              @referredBy, @rung, @potential, @now, @now)`);
    this.insertRungChange = db.prepare(`
      INSERT INTO rung_changes (person_id, from_rung, to_rung, reason, meeting_id, changed_at)
      VALUES (?, ?, ?, ?, ?, ?)`);
    this.updateRung = db.prepare(`UPDATE people SET rung = ?, updated_at = ? WHERE id = ?`);
  }

  get(id: number): PersonRow | undefined {
    return this.byId.get(id);
  }

  withNameKey(nameKey: string): PersonRow[] {
    return this.byNameKey.all(nameKey);
  }

  allNames(): { id: number; name: string }[] {
    return this.sql(`SELECT id, name FROM people ORDER BY name`).all() as { id: number; name: string }[];
  }

  /** Adds a person standing on their first rung, with that first step in their rung history. */
  add(person: NewPerson, now: string): number {
    const rung = person.rung ?? 'contact';
    const id = Number(
      this.insertPerson.run({
        email: null, phone: null, neighborhood: null, organization: null, notes: null, source: null,
        sourceDetail: null, referredBy: null, potential: null, ...person, rung, now,
      }).lastInsertRowid,
    );
    this.insertRungChange.run(id, null, rung, 'added', null, now);
    return id;
  }

  /** Fills in contact details that were given; a detail left out keeps what was known. */
  updateDetails(id: number, details: ContactDetails, now: string): void {
    const given = Object.entries(details).filter(([, value]) => value !== undefined && value !== null);
    if (given.length === 0) return;
    const columns = given.map(([field]) => `${field} = @${field}`).join(', ');
    this.sql(`UPDATE people SET ${columns}, updated_at = @now WHERE id = @id`).run({ ...Object.fromEntries(given), now, id });
  }

  setPotential(id: number, potential: number, now: string): void {
    this.sql(`UPDATE people SET potential = ?, updated_at = ? WHERE id = ?`).run(potential, now, id);
  }

  setReferredBy(id: number, referrerId: number, now: string): void {
    this.sql(`UPDATE people SET referred_by = ?, source = coalesce(source, 'referral'), updated_at = ? WHERE id = ?`)
      .run(referrerId, now, id);
  }

  /** Moves a person on the ladder and records when and why; standing still records nothing. */
  moveToRung(id: number, rung: string, change: { reason: string | null; meetingId: number | null; at: string }): boolean {
    const current = this.get(id);
    if (!current || current.rung === rung) return false;
    this.updateRung.run(rung, change.at, id);
    this.insertRungChange.run(id, current.rung, rung, change.reason, change.meetingId, change.at);
    return true;
  }

  rungHistory(id: number): RungChange[] {
    return this.sql(`SELECT from_rung AS fromRung, to_rung AS toRung, reason, meeting_id AS meetingId, changed_at AS changedAt
                FROM rung_changes WHERE person_id = ? ORDER BY changed_at, id`)
      .all(id) as RungChange[];
  }

  referredBy(id: number): { id: number; name: string } | undefined {
    return this.sql(`SELECT r.id, r.name FROM people p JOIN people r ON r.id = p.referred_by WHERE p.id = ?`)
      .get(id) as { id: number; name: string } | undefined;
  }

  referrals(id: number): { id: number; name: string; rung: string }[] {
    return this.sql(`SELECT id, name, rung FROM people WHERE referred_by = ? ORDER BY created_at, id`)
      .all(id) as { id: number; name: string; rung: string }[];
  }

  /** Everyone with what the list needs, in one pass: no query per person; the counts come kept up to date in person_figures. */
  summaries(filter: { rungs?: string[]; metBefore?: string } = {}): PersonSummary[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (filter.rungs) {
      where.push(`p.rung IN (${filter.rungs.map((_, i) => `@rung${i}`).join(', ')})`);
      filter.rungs.forEach((rung, i) => (params[`rung${i}`] = rung));
    }
    if (filter.metBefore) {
      where.push(`(f.last_met IS NULL OR f.last_met < @metBefore)`);
      params.metBefore = filter.metBefore;
    }
    return this.sql(`
        SELECT p.id, p.name, p.rung, p.potential, f.last_met AS lastMet, coalesce(f.meetings, 0) AS meetings,
          coalesce(f.open_asks, 0) AS openAsks, coalesce(f.open_followups, 0) AS openFollowups
        FROM people p
        LEFT JOIN person_figures f ON f.person_id = p.id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY p.name COLLATE NOCASE, p.id`)
      .all(params) as PersonSummary[];
  }
}
