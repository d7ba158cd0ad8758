import type { Statement } from 'better-sqlite3';
import type {
  NewRelationship, NewTouch, NewUnit, Place, Relationship, RelationshipKind, Touch, Unit, UnitEdit, WebRepository,
} from '../contract-web.js';
import { statementCache, type Db } from './db.js';
import { relationship, stored, type RelationshipRow } from '../web-rows.js';

/** A relationship row seen from @me: the other person and, for 'leads', which way it runs. */
const SEEN_FROM_ME = `
  SELECT r.id, r.kind, r.note, r.created_at AS since, r.ended_at AS endedAt, p.id AS otherId, p.name AS otherName,
         CASE WHEN r.kind = 'leads' THEN CASE WHEN r.person_id = @me THEN 'leads' ELSE 'led-by' END END AS direction
  FROM relationships r JOIN people p ON p.id = CASE WHEN r.person_id = @me THEN r.other_id ELSE r.person_id END`;

const UNIT = `
  SELECT u.id, u.name, u.kind, u.size, u.created_at AS createdAt, (SELECT count(*) FROM unit_members m WHERE m.unit_id = u.id) AS people
  FROM units u`;

export class SqliteWeb implements WebRepository {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statementCache(db);
  }

  async relationshipsOf(personId: number): Promise<Relationship[]> {
    const rows = this.sql(`${SEEN_FROM_ME} WHERE r.person_id = @me OR r.other_id = @me ORDER BY r.ended_at IS NOT NULL, r.created_at, r.id`).all({ me: personId });
    return (rows as RelationshipRow[]).map(relationship);
  }

  async between(personId: number, otherId: number, kind?: RelationshipKind): Promise<Relationship[]> {
    const rows = this.sql(`${SEEN_FROM_ME}
      WHERE r.ended_at IS NULL AND ((r.person_id = @me AND r.other_id = @other) OR (r.person_id = @other AND r.other_id = @me))
        AND (@kind IS NULL OR r.kind = @kind)
      ORDER BY r.created_at, r.id`).all({ me: personId, other: otherId, kind: kind ?? null });
    return (rows as RelationshipRow[]).map(relationship);
  }

  async units(): Promise<Unit[]> {
    return this.sql(`${UNIT} ORDER BY u.name_key, u.id`).all() as Unit[];
  }

  async unitWithKey(nameKey: string): Promise<Unit | undefined> {
    return this.sql(`${UNIT} WHERE u.name_key = ?`).get(nameKey) as Unit | undefined;
  }

  async placesOf(personId: number): Promise<Place[]> {
    return this.sql(`
      SELECT u.id, u.name, u.kind, u.size, m.created_at AS since
      FROM unit_members m JOIN units u ON u.id = m.unit_id WHERE m.person_id = ? ORDER BY u.name_key, u.id`).all(personId) as Place[];
  }

  async touchesOf(personId: number, most: number): Promise<Touch[]> {
    return this.sql(`SELECT id, by, note, touched_at AS touchedAt FROM touches WHERE person_id = ? ORDER BY touched_at DESC, id DESC LIMIT ?`)
      .all(personId, most) as Touch[];
  }

  async touch(t: NewTouch, now: string): Promise<number> {
    return Number(this.sql(`INSERT INTO touches (person_id, by, note, touched_at, created_at) VALUES (?, ?, ?, ?, ?)`)
      .run(t.personId, t.by, t.note, t.touchedAt, now).lastInsertRowid);
  }

  async relate(r: NewRelationship, now: string): Promise<number | undefined> {
    const [personId, otherId] = stored(r.personId, r.otherId, r.kind);
    const result = this.sql(`
      INSERT INTO relationships (person_id, other_id, kind, note, created_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (person_id, other_id, kind) WHERE ended_at IS NULL DO NOTHING`).run(personId, otherId, r.kind, r.note, now);
    return result.changes === 0 ? undefined : Number(result.lastInsertRowid);
  }

  async unrelate(personId: number, otherId: number, kind: RelationshipKind | undefined, now: string): Promise<number> {
    return this.sql(`
      UPDATE relationships SET ended_at = @now
      WHERE ended_at IS NULL AND ((person_id = @a AND other_id = @b) OR (person_id = @b AND other_id = @a)) AND (@kind IS NULL OR kind = @kind)`)
      .run({ a: personId, b: otherId, kind: kind ?? null, now }).changes;
  }

  async addUnit(unit: NewUnit, now: string): Promise<number> {
    return Number(this.sql(`INSERT INTO units (name, name_key, kind, size, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(unit.name, unit.nameKey, unit.kind, unit.size, now, now).lastInsertRowid);
  }

  async editUnit(id: number, edit: UnitEdit, now: string): Promise<void> {
    const columns: Record<keyof UnitEdit, string> = { name: 'name', nameKey: 'name_key', kind: 'kind', size: 'size' };
    const given = (Object.keys(columns) as (keyof UnitEdit)[]).filter((field) => edit[field] !== undefined);
    if (given.length === 0) return;
    const sets = given.map((field) => `${columns[field]} = @${field}`).join(', ');
    this.sql(`UPDATE units SET ${sets}, updated_at = @now WHERE id = @id`).run({ ...Object.fromEntries(given.map((f) => [f, edit[f]])), id, now });
  }

  async join(personId: number, unitId: number, now: string): Promise<boolean> {
    return this.sql(`INSERT INTO unit_members (unit_id, person_id, created_at) VALUES (?, ?, ?) ON CONFLICT (unit_id, person_id) DO NOTHING`)
      .run(unitId, personId, now).changes > 0;
  }

  async leave(personId: number, unitId: number): Promise<boolean> {
    return this.sql(`DELETE FROM unit_members WHERE unit_id = ? AND person_id = ?`).run(unitId, personId).changes > 0;
  }
}

/**
 * A merge carries the duplicate's relationships and places to the person kept, before the duplicate is deleted (the
 * cascade would take them): one between the two goes, one the kept person already has (same kind, same other person,
 * same way round, open or ended alike) is not doubled, and symmetric ones are kept lower id first again.
 */
export function mergeWeb(sql: (sql: string) => Statement, dup: number, kept: number): void {
  const ids = { dup, kept };
  const moved = (column: string) => `CASE WHEN ${column} = @dup THEN @kept ELSE ${column} END`;
  sql(`DELETE FROM relationships WHERE (person_id = @dup AND other_id = @kept) OR (person_id = @kept AND other_id = @dup)`).run(ids);
  sql(`
    DELETE FROM relationships WHERE id IN (
      SELECT r.id FROM relationships r WHERE (r.person_id = @dup OR r.other_id = @dup) AND EXISTS (
        SELECT 1 FROM relationships k WHERE (k.person_id = @kept OR k.other_id = @kept) AND k.kind = r.kind
          AND (k.ended_at IS NULL) = (r.ended_at IS NULL)
          AND CASE WHEN k.person_id = @kept THEN k.other_id ELSE k.person_id END = CASE WHEN r.person_id = @dup THEN r.other_id ELSE r.person_id END
          AND (r.kind <> 'leads' OR (k.person_id = @kept) = (r.person_id = @dup))))`).run(ids);
  sql(`
    UPDATE relationships SET
      person_id = CASE WHEN kind = 'leads' THEN ${moved('person_id')} ELSE min(${moved('person_id')}, ${moved('other_id')}) END,
      other_id = CASE WHEN kind = 'leads' THEN ${moved('other_id')} ELSE max(${moved('person_id')}, ${moved('other_id')}) END
    WHERE person_id = @dup OR other_id = @dup`).run(ids);
  sql(`DELETE FROM unit_members WHERE person_id = @dup AND unit_id IN (SELECT unit_id FROM unit_members WHERE person_id = @kept)`).run(ids);
  sql(`UPDATE unit_members SET person_id = @kept WHERE person_id = @dup`).run(ids);
}
