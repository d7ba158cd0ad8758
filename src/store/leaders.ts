import type { Statement } from 'better-sqlite3';
import type { LeaderFacts } from '../people/ranking.js';
import { statementCache, type Db } from './db.js';

export interface LeaderFilter {
  /** Only these rungs (already widened to "at or above"). */
  rungs?: string[];
  minPotential?: number;
  /** Only people whose last meeting was before this moment, or who were never met. */
  metBefore?: string;
}

export interface RungMove {
  personId: number;
  name: string;
  fromRung: string;
  toRung: string;
  reason: string | null;
  changedAt: string;
}

/**
 * The counts behind the leaders list and the ladder. Each is one statement (never a query per person); the
 * per-person counts are read from person_figures, which triggers keep exact on every write (migration 003),
 * instead of GROUP BY over every meeting and ask on each read.
 */
export class LeaderStore {
  /** One prepared statement per shape of filter, made on first use. */
  private readonly cached: (sql: string) => Statement;
  private readonly countsByRung: Statement<[], { rung: string; people: number }>;
  private readonly movesSince: Statement<[string], RungMove>;

  constructor(private readonly db: Db) {
    this.cached = statementCache(db);
    this.countsByRung = db.prepare(`SELECT rung, count(*) AS people FROM people GROUP BY rung`);
    this.movesSince = db.prepare(`
      SELECT c.person_id AS personId, p.name, c.from_rung AS fromRung, c.to_rung AS toRung, c.reason, c.changed_at AS changedAt
      FROM rung_changes c JOIN people p ON p.id = c.person_id
      WHERE c.changed_at >= ? AND c.from_rung IS NOT NULL AND c.from_rung <> c.to_rung
      ORDER BY c.changed_at DESC, c.id DESC`);
  }

  facts(filter: LeaderFilter = {}): LeaderFacts[] {
    const where: string[] = [];
    const values: Record<string, unknown> = {};
    if (filter.rungs) {
      where.push(`p.rung IN (${filter.rungs.map((_, i) => `@rung${i}`).join(', ')})`);
      filter.rungs.forEach((rung, i) => (values[`rung${i}`] = rung));
    }
    if (filter.minPotential !== undefined) {
      where.push('p.potential >= @minPotential');
      values.minPotential = filter.minPotential;
    }
    if (filter.metBefore !== undefined) {
      where.push('(m.last_met IS NULL OR m.last_met < @metBefore)');
      values.metBefore = filter.metBefore;
    }
    return this.cached(`
      SELECT p.id, p.name, p.rung, p.potential,
             coalesce(m.meetings, 0) AS meetings, m.last_met AS lastMet,
             coalesce(m.asks_made, 0) AS asksMade, coalesce(m.asks_yes, 0) AS asksYes,
             coalesce(m.asks_kept, 0) AS asksKept, coalesce(m.asks_broken, 0) AS asksBroken,
             coalesce(m.referrals, 0) AS referrals
      FROM people p
      LEFT JOIN person_figures m ON m.person_id = p.id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).all(values) as LeaderFacts[];
  }

  rungCounts(): { rung: string; people: number }[] {
    return this.countsByRung.all();
  }

  /** Real moves only (not the first rung a person was added on), newest first. */
  moves(since: string): RungMove[] {
    return this.movesSince.all(since);
  }
}
