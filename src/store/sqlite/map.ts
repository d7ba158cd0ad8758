import type { Statement } from 'better-sqlite3';
import { walkOut } from '../../people/map.js';
import type { MapPerson, MapReadModel, MapTie, PowerMap } from '../contract-power.js';
import { statementCache, type Db } from './db.js';

/** The ids given, as a set to look each up in: one JSON array parameter whatever their number. */
const IDS = `(SELECT value FROM json_each(@ids))`;

/**
 * Everyone tied to the ring: open relationships either way round (relationships_person, relationships_other) and
 * referrals either way (people_referred_by, the primary key). Each arm is an index lookup per id of the ring.
 */
const NEXT_RING = `
  SELECT other_id AS id FROM relationships WHERE person_id IN ${IDS} AND ended_at IS NULL
  UNION SELECT person_id FROM relationships WHERE other_id IN ${IDS} AND ended_at IS NULL
  UNION SELECT id FROM people WHERE referred_by IN ${IDS}
  UNION SELECT referred_by FROM people WHERE id IN ${IDS} AND referred_by IS NOT NULL`;

/** Every tie among the people kept: a relationship as stored (for 'leads', the leader first), a referral from the referrer. */
const TIES = `
  SELECT person_id AS "from", other_id AS "to", kind FROM relationships
  WHERE person_id IN ${IDS} AND +other_id IN ${IDS} AND ended_at IS NULL
  UNION SELECT referred_by, id, 'referred' FROM people WHERE id IN ${IDS} AND +referred_by IN ${IDS}
  ORDER BY 1, 2, 3`;

/** The power map: a walk of set queries, one a ring, then the people kept and the ties among them. */
export class SqliteMap implements MapReadModel {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statementCache(db);
  }

  async around(start: readonly number[], depth: number, most: number): Promise<PowerMap> {
    const { kept, leftOut } = await walkOut(start, depth, most, async (ring) =>
      (this.sql(NEXT_RING).pluck().all({ ids: JSON.stringify(ring) }) as number[]));
    const ids = JSON.stringify(kept.map((p) => p.id));
    const rows = this.sql(`SELECT id, name, rung, assessment FROM people WHERE id IN ${IDS}`).all({ ids }) as Omit<MapPerson, 'depth'>[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const people = kept.flatMap(({ id, depth: at }) => {
      const row = byId.get(id);
      return row ? [{ ...row, depth: at }] : [];
    });
    const ties = this.sql(TIES).all({ ids }) as MapTie[];
    return { people, ties, leftOut };
  }

  async membersOf(unitId: number): Promise<number[]> {
    return this.sql(`SELECT m.person_id FROM unit_members m JOIN people p ON p.id = m.person_id WHERE m.unit_id = ? ORDER BY m.person_id`)
      .pluck().all(unitId) as number[];
  }
}
