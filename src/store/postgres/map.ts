import { walkOut } from '../../people/map.js';
import type { MapPerson, MapReadModel, MapTie, PowerMap } from '../contract-power.js';
import type { Query } from './client.js';

/**
 * Everyone tied to the ring: open relationships either way round (relationships_person, relationships_other) and
 * referrals either way (people_referred_by, the primary key). The person at the far end is joined, so on a team
 * server row security keeps out whoever the login may not read, and the walk never goes on through them.
 */
const NEXT_RING = `
  SELECT r.other_id AS id FROM relationships r JOIN people p ON p.id = r.other_id WHERE r.person_id = ANY($1::bigint[]) AND r.ended_at IS NULL
  UNION SELECT r.person_id FROM relationships r JOIN people p ON p.id = r.person_id WHERE r.other_id = ANY($1::bigint[]) AND r.ended_at IS NULL
  UNION SELECT p.id FROM people p WHERE p.referred_by = ANY($1::bigint[])
  UNION SELECT q.id FROM people p JOIN people q ON q.id = p.referred_by WHERE p.id = ANY($1::bigint[])`;

/**
 * Every tie among the people kept: a relationship as stored (for 'leads', the leader first), a referral from the
 * referrer. UNION: on a team server two organizers may each have recorded the same one.
 */
const TIES = `
  SELECT * FROM (
    SELECT person_id AS "from", other_id AS "to", kind FROM relationships
    WHERE person_id = ANY($1::bigint[]) AND other_id = ANY($1::bigint[]) AND ended_at IS NULL
    UNION SELECT referred_by, id, 'referred' FROM people WHERE id = ANY($1::bigint[]) AND referred_by = ANY($1::bigint[])
  ) t ORDER BY "from", "to", kind COLLATE "C"`;

/** The power map: a walk of set queries, one a ring, then the people kept and the ties among them. */
export class PgMap implements MapReadModel {
  constructor(private readonly q: Query) {}

  async around(start: readonly number[], depth: number, most: number): Promise<PowerMap> {
    const { kept, leftOut } = await walkOut(start, depth, most, async (ring) =>
      (await this.q.rows<{ id: number }>(NEXT_RING, [ring])).map((row) => row.id));
    const ids = kept.map((p) => p.id);
    const rows = await this.q.rows<Omit<MapPerson, 'depth'>>(`SELECT id, name, rung, assessment FROM people WHERE id = ANY($1::bigint[])`, [ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const people = kept.flatMap(({ id, depth: at }) => {
      const row = byId.get(id);
      return row ? [{ ...row, depth: at }] : [];
    });
    const ties = await this.q.rows<MapTie>(TIES, [ids]);
    return { people, ties, leftOut };
  }

  async membersOf(unitId: number): Promise<number[]> {
    const rows = await this.q.rows<{ id: number }>(`
      SELECT m.person_id AS id FROM unit_members m JOIN people p ON p.id = m.person_id WHERE m.unit_id = $1 ORDER BY m.person_id`, [unitId]);
    return rows.map((row) => row.id);
  }
}
