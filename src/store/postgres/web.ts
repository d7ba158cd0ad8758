import type {
  NewRelationship, NewTouch, NewUnit, Place, Relationship, RelationshipKind, Touch, Unit, UnitEdit, WebRepository,
} from '../contract-web.js';
import type { Query } from './client.js';
import { relationship, stored, type RelationshipRow } from '../web-rows.js';

/** A relationship row seen from @me: the other person and, for 'leads', which way it runs. */
const SEEN_FROM_ME = `
  SELECT r.id, r.kind, r.note, r.created_at AS since, r.ended_at AS "endedAt", p.id AS "otherId", p.name AS "otherName",
         CASE WHEN r.kind = 'leads' THEN CASE WHEN r.person_id = @me THEN 'leads' ELSE 'led-by' END END AS direction
  FROM relationships r JOIN people p ON p.id = CASE WHEN r.person_id = @me THEN r.other_id ELSE r.person_id END`;

const UNIT = `
  SELECT u.id, u.name, u.kind, u.size, u.created_at AS "createdAt", (SELECT count(*) FROM unit_members m WHERE m.unit_id = u.id) AS people
  FROM units u`;

export class PgWeb implements WebRepository {
  constructor(private readonly q: Query) {}

  async relationshipsOf(personId: number): Promise<Relationship[]> {
    const rows = await this.q.rows<RelationshipRow>(`${SEEN_FROM_ME} WHERE r.person_id = @me OR r.other_id = @me ORDER BY r.ended_at IS NOT NULL, r.created_at, r.id`, { me: personId });
    return rows.map(relationship);
  }

  async between(personId: number, otherId: number, kind?: RelationshipKind): Promise<Relationship[]> {
    const rows = await this.q.rows<RelationshipRow>(`${SEEN_FROM_ME}
      WHERE r.ended_at IS NULL AND ((r.person_id = @me AND r.other_id = @other) OR (r.person_id = @other AND r.other_id = @me))
        AND (@kind::text IS NULL OR r.kind = @kind::text)
      ORDER BY r.created_at, r.id`, { me: personId, other: otherId, kind: kind ?? null });
    return rows.map(relationship);
  }

  async units(): Promise<Unit[]> {
    return this.q.rows<Unit>(`${UNIT} ORDER BY u.name_key COLLATE "C", u.id`);
  }

  async unitWithKey(nameKey: string): Promise<Unit | undefined> {
    return this.q.row<Unit>(`${UNIT} WHERE u.name_key = $1`, [nameKey]);
  }

  async placesOf(personId: number): Promise<Place[]> {
    return this.q.rows<Place>(`
      SELECT u.id, u.name, u.kind, u.size, m.created_at AS since
      FROM unit_members m JOIN units u ON u.id = m.unit_id WHERE m.person_id = $1 ORDER BY u.name_key COLLATE "C", u.id`, [personId]);
  }

  async touchesOf(personId: number, most: number): Promise<Touch[]> {
    return this.q.rows<Touch>(`
      SELECT id, by, note, touched_at AS "touchedAt" FROM touches WHERE person_id = $1 ORDER BY touched_at DESC, id DESC LIMIT $2`, [personId, most]);
  }

  async touch(t: NewTouch, now: string): Promise<number> {
    const row = await this.q.row<{ id: number }>(`
      INSERT INTO touches (person_id, by, note, touched_at, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [t.personId, t.by, t.note, t.touchedAt, now]);
    return row!.id;
  }

  async relate(r: NewRelationship, now: string): Promise<number | undefined> {
    const [personId, otherId] = stored(r.personId, r.otherId, r.kind);
    // "Already" means one this login can read (row security filters the NOT EXISTS): on a team server a teammate's it
    // may not read is never told of, and this one is recorded in its own name beside it.
    const row = await this.q.row<{ id: number }>(`
      INSERT INTO relationships (person_id, other_id, kind, note, created_at)
      SELECT $1::bigint, $2::bigint, $3::text, $4::text, $5::timestamptz
      WHERE NOT EXISTS (SELECT 1 FROM relationships WHERE person_id = $1::bigint AND other_id = $2::bigint AND kind = $3::text AND ended_at IS NULL)
      ON CONFLICT DO NOTHING RETURNING id`, [personId, otherId, r.kind, r.note, now]);
    return row?.id;
  }

  async unrelate(personId: number, otherId: number, kind: RelationshipKind | undefined, now: string): Promise<number> {
    return this.q.run(`
      UPDATE relationships SET ended_at = @now
      WHERE ended_at IS NULL AND ((person_id = @a AND other_id = @b) OR (person_id = @b AND other_id = @a)) AND (@kind::text IS NULL OR kind = @kind::text)`,
    { a: personId, b: otherId, kind: kind ?? null, now });
  }

  async addUnit(unit: NewUnit, now: string): Promise<number> {
    const row = await this.q.row<{ id: number }>(`INSERT INTO units (name, name_key, kind, size, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
      [unit.name, unit.nameKey, unit.kind, unit.size, now]);
    return row!.id;
  }

  async editUnit(id: number, edit: UnitEdit, now: string): Promise<void> {
    const columns: Record<keyof UnitEdit, string> = { name: 'name', nameKey: 'name_key', kind: 'kind', size: 'size' };
    const given = (Object.keys(columns) as (keyof UnitEdit)[]).filter((field) => edit[field] !== undefined);
    if (given.length === 0) return;
    const sets = given.map((field) => `${columns[field]} = @${field}`).join(', ');
    await this.q.run(`UPDATE units SET ${sets}, updated_at = @now WHERE id = @id`, { ...Object.fromEntries(given.map((f) => [f, edit[f]])), id, now });
  }

  async join(personId: number, unitId: number, now: string): Promise<boolean> {
    return (await this.q.run(`INSERT INTO unit_members (unit_id, person_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (unit_id, person_id) DO NOTHING`, [unitId, personId, now])) > 0;
  }

  async leave(personId: number, unitId: number): Promise<boolean> {
    return (await this.q.run(`DELETE FROM unit_members WHERE unit_id = $1 AND person_id = $2`, [unitId, personId])) > 0;
  }
}

/**
 * What a merge does to the web, as statements on `dup` and `kept` (SQL expressions: parameters here, a function's
 * arguments in team_merge_people): the duplicate's relationships and places carried to the person kept before the
 * duplicate is deleted (the cascade would take them); one between the two goes, one the kept person already has
 * (same kind, other person, way round, open or ended alike) is not doubled, and symmetric ones are lower id first again.
 */
export function mergeWebStatements(dup: string, kept: string): string[] {
  const moved = (column: string) => `CASE WHEN ${column} = ${dup} THEN ${kept} ELSE ${column} END`;
  return [
    `DELETE FROM relationships WHERE (person_id = ${dup} AND other_id = ${kept}) OR (person_id = ${kept} AND other_id = ${dup})`,
    `DELETE FROM relationships WHERE id IN (
      SELECT r.id FROM relationships r WHERE (r.person_id = ${dup} OR r.other_id = ${dup}) AND EXISTS (
        SELECT 1 FROM relationships k WHERE (k.person_id = ${kept} OR k.other_id = ${kept}) AND k.kind = r.kind
          AND (k.ended_at IS NULL) = (r.ended_at IS NULL)
          AND CASE WHEN k.person_id = ${kept} THEN k.other_id ELSE k.person_id END = CASE WHEN r.person_id = ${dup} THEN r.other_id ELSE r.person_id END
          AND (r.kind <> 'leads' OR (k.person_id = ${kept}) = (r.person_id = ${dup}))))`,
    `UPDATE relationships SET
      person_id = CASE WHEN kind = 'leads' THEN ${moved('person_id')} ELSE least(${moved('person_id')}, ${moved('other_id')}) END,
      other_id = CASE WHEN kind = 'leads' THEN ${moved('other_id')} ELSE greatest(${moved('person_id')}, ${moved('other_id')}) END
    WHERE person_id = ${dup} OR other_id = ${dup}`,
    `DELETE FROM unit_members WHERE person_id = ${dup} AND unit_id IN (SELECT unit_id FROM unit_members WHERE person_id = ${kept})`,
    `UPDATE unit_members SET person_id = ${kept} WHERE person_id = ${dup}`,
  ];
}
