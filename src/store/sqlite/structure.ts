import type { Statement } from 'better-sqlite3';
import type { StructureReadModel, UnitStructure } from '../contract-power.js';
import { leadersLeading, unitStructure, type StructureRow } from '../web-rows.js';
import { statementCache, type Db } from './db.js';

/** Someone of the unit who leads: on the leader rung or above, or leading someone (an open 'leads' tie). */
const LEADS_SQL = `p.rung IN ('leader', 'organizer') OR EXISTS (SELECT 1 FROM relationships r WHERE r.person_id = p.id AND r.kind = 'leads' AND r.ended_at IS NULL)`;

/**
 * Each unit read through its members (the unit_members key), so one unit costs its own members, not the record: the
 * CROSS JOIN keeps the planner, which has no statistics, from reading every complete meeting to find a unit's.
 */
export class SqliteStructure implements StructureReadModel {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statementCache(db);
  }

  async structure(unitId: number | undefined, since: string): Promise<UnitStructure[]> {
    const units = this.sql(`
      SELECT u.id, u.name, u.kind, u.size,
             count(p.id) AS known, count(CASE WHEN p.assessment > 0 THEN 1 END) AS assessed,
             count(CASE WHEN p.assessment IN (1, 2) THEN 1 END) AS supporters,
             (SELECT count(*) FROM unit_members x CROSS JOIN meetings g ON g.person_id = x.person_id AND g.status = 'complete' AND g.held_at >= @since
              WHERE x.unit_id = u.id) AS recent
      FROM units u LEFT JOIN unit_members m ON m.unit_id = u.id LEFT JOIN people p ON p.id = m.person_id
      WHERE @unit IS NULL OR u.id = @unit
      GROUP BY u.id ORDER BY u.name_key, u.id`).all({ unit: unitId ?? null, since }) as StructureRow[];
    return units.map((row) => unitStructure(row, this.leadersOf(row.id)));
  }

  private leadersOf(unitId: number): UnitStructure['leaders'] {
    const leaders = this.sql(`
      SELECT p.id, p.name FROM unit_members m JOIN people p ON p.id = m.person_id
      WHERE m.unit_id = ? AND (${LEADS_SQL}) ORDER BY p.name_key, p.id`).all(unitId) as { id: number; name: string }[];
    const led = this.sql(`
      SELECT r.person_id AS leader, o.id, o.name
      FROM unit_members m JOIN relationships r ON r.person_id = m.person_id AND r.kind = 'leads' AND r.ended_at IS NULL
        JOIN unit_members om ON om.person_id = r.other_id AND om.unit_id = m.unit_id JOIN people o ON o.id = r.other_id
      WHERE m.unit_id = ? ORDER BY o.name_key, o.id`).all(unitId) as { leader: number; id: number; name: string }[];
    return leadersLeading(leaders, led);
  }
}
