import type { StructureReadModel, UnitStructure } from '../contract-power.js';
import { leadersLeading, unitStructure, type StructureRow } from '../web-rows.js';
import type { Query } from './client.js';

/** Someone of the unit who leads: on the leader rung or above, or leading someone (an open 'leads' tie). */
const LEADS_SQL = `p.rung IN ('leader', 'organizer') OR EXISTS (SELECT 1 FROM relationships r WHERE r.person_id = p.id AND r.kind = 'leads' AND r.ended_at IS NULL)`;

/** As SQLite's; on a team, row security leaves out the members and meetings the viewer may not read. */
export class PgStructure implements StructureReadModel {
  constructor(private readonly q: Query) {}

  async structure(unitId: number | undefined, since: string): Promise<UnitStructure[]> {
    const units = await this.q.rows<StructureRow>(`
      SELECT u.id, u.name, u.kind, u.size,
             count(p.id)::int AS known, count(CASE WHEN p.assessment > 0 THEN 1 END)::int AS assessed,
             count(CASE WHEN p.assessment IN (1, 2) THEN 1 END)::int AS supporters,
             (SELECT count(*) FROM unit_members x JOIN meetings g ON g.person_id = x.person_id AND g.status = 'complete' AND g.held_at >= @since::timestamptz
              WHERE x.unit_id = u.id)::int AS recent
      FROM units u LEFT JOIN unit_members m ON m.unit_id = u.id LEFT JOIN people p ON p.id = m.person_id
      WHERE @unit::bigint IS NULL OR u.id = @unit::bigint
      GROUP BY u.id ORDER BY u.name_key COLLATE "C", u.id`, { unit: unitId ?? null, since });
    const result: UnitStructure[] = [];
    for (const row of units) result.push(unitStructure(row, await this.leadersOf(row.id)));
    return result;
  }

  private async leadersOf(unitId: number): Promise<UnitStructure['leaders']> {
    const leaders = await this.q.rows<{ id: number; name: string }>(`
      SELECT p.id, p.name FROM unit_members m JOIN people p ON p.id = m.person_id
      WHERE m.unit_id = $1 AND (${LEADS_SQL}) ORDER BY p.name_key COLLATE "C", p.id`, [unitId]);
    const led = await this.q.rows<{ leader: number; id: number; name: string }>(`
      SELECT r.person_id AS leader, o.id, o.name
      FROM unit_members m JOIN relationships r ON r.person_id = m.person_id AND r.kind = 'leads' AND r.ended_at IS NULL
        JOIN unit_members om ON om.person_id = r.other_id AND om.unit_id = m.unit_id JOIN people o ON o.id = r.other_id
      WHERE m.unit_id = $1 ORDER BY o.name_key COLLATE "C", o.id`, [unitId]);
    return leadersLeading(leaders, led);
  }
}
