import { RUNGS } from '../../people/ladder.js';
import { COLD_AFTER_DAYS, LEADER_SCORE, compareLeaders, daysSinceMet, localDays, scoreCeiling, type RankedLeader } from '../../people/ranking.js';
import type { LadderReadModel, LeaderFilter, LeaderPage, LeaderReadModel, RungMove } from '../contract.js';
import type { Query } from './client.js';
import { RUNG_CHANGE_COLUMNS } from './people.js';
import { formulaSql } from './rules.js';

/**
 * Calendar days (local time) from the last complete meeting to today, never negative; NULL when never met. In whole
 * days of unix seconds shifted by the UTC offsets of `localDays` (@today, @offset0, @since1, @offset1, …), as the
 * SQLite engine counts them. Exact over the last COLD_AFTER_DAYS + 3 days; before that any answer is over
 * COLD_AFTER_DAYS, which is all the score needs (the days shown are worked out again in JS).
 */
function daysSinceMetSql(offsets: number): string {
  const seconds = 'extract(epoch FROM m.last_met)';
  const offset =
    offsets === 1
      ? '@offset0::integer'
      : `CASE ${Array.from({ length: offsets - 1 }, (_, i) => `WHEN ${seconds} >= @since${i + 1}::bigint THEN @offset${i}::integer`).join(' ')} ELSE @offset${offsets - 1}::integer END`;
  // The casts type parameters a CASE alone leaves as text; greatest() ignores NULLs, so never met needs its own CASE.
  return `CASE WHEN m.last_met IS NOT NULL THEN greatest(0, @today::integer - floor((${seconds} + ${offset}) / 86400)) END`;
}

/**
 * The domain's LEADER_SCORE as one SQL expression over people p and person_figures m. `offsets`: how many UTC offsets
 * `localDays` found (1 unless the clocks changed in the last two months).
 */
export function leaderScoreSql(offsets = 1): string {
  return formulaSql(LEADER_SCORE, {
    potential: 'p.potential',
    rungLevel: `CASE p.rung ${RUNGS.map((rung, index) => `WHEN '${rung}' THEN ${index + 1}`).join(' ')} ELSE 0 END`,
    asksYes: 'coalesce(m.asks_yes, 0)',
    asksKept: 'coalesce(m.asks_kept, 0)',
    asksBroken: 'coalesce(m.asks_broken, 0)',
    referrals: 'coalesce(m.referrals, 0)',
    meetings: 'coalesce(m.meetings, 0)',
    daysSinceMet: daysSinceMetSql(offsets),
  });
}

/** The named values daysSinceMetSql reads. */
function localDayValues(now: Date): { count: number; values: Record<string, number> } {
  const { today, offsets } = localDays(now, COLD_AFTER_DAYS + 3);
  const values: Record<string, number> = { today };
  offsets.forEach(({ since, offset }, i) => {
    values[`offset${i}`] = offset;
    if (since !== undefined) values[`since${i + 1}`] = since;
  });
  return { count: offsets.length, values };
}

/** Leadership potential, highest first: 5 to 1 (the CHECK of the schema), then 0 for not yet rated. */
const POTENTIAL_LEVELS = [5, 4, 3, 2, 1, 0] as const;

/**
 * The figures behind the leaders list, as the SQLite engine reads them: per-person counts from person_figures
 * (kept by triggers), ranked in SQL, only the top few leaving the database.
 */
export class PgLeaders implements LeaderReadModel {
  constructor(private readonly q: Query) {}

  /**
   * The `limit` best-scored people as of `now`, in the order of `rankLeaders`; the same two shortcuts as
   * SqliteLeaders.top: lower potentials are read only if their score ceiling reaches the page, and a tie at the end
   * of the page (SQL sorts names in byte order, rankLeaders as people read them) is read whole to choose from.
   */
  async top(filter: LeaderFilter, now: Date, limit: number): Promise<LeaderPage> {
    const { where, values } = whereOf(filter);
    const days = localDayValues(now);
    // How many pass the filters with each potential or more (0: everyone, the not yet rated too); one pass, no sort.
    const atLeast = (await this.q.row<Record<string, number>>(`
      SELECT ${POTENTIAL_LEVELS.map((level) => (level === 0 ? 'count(*)' : `count(*) FILTER (WHERE p.potential >= ${level})`) + ` AS "${level}"`).join(', ')}
      FROM people p
      ${filter.metBefore === undefined ? '' : 'LEFT JOIN person_figures m ON m.person_id = p.id'}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, values))!;
    const total = atLeast['0']!;
    if (limit <= 0) return { leaders: [], total };
    const ceiling = (level: number) => scoreCeiling(level === 0 ? null : level);

    // A NULL limit is no limit.
    const read = async (floor: number, extra: string, more: Record<string, unknown>): Promise<RankedLeader[]> =>
      (await this.q.rows<Omit<RankedLeader, 'daysSinceMet'>>(`
        SELECT * FROM (
          SELECT p.id, p.name, p.rung, p.potential,
                 coalesce(m.meetings, 0) AS meetings, m.last_met AS "lastMet",
                 coalesce(m.asks_made, 0) AS "asksMade", coalesce(m.asks_yes, 0) AS "asksYes",
                 coalesce(m.asks_kept, 0) AS "asksKept", coalesce(m.asks_broken, 0) AS "asksBroken",
                 coalesce(m.referrals, 0) AS referrals,
                 ${leaderScoreSql(days.count)} AS score
          FROM people p
          LEFT JOIN person_figures m ON m.person_id = p.id
          ${[...where, ...(floor > 0 ? ['p.potential >= @floor'] : [])].map((condition, i) => `${i ? 'AND' : 'WHERE'} ${condition}`).join(' ')}) AS ranked
        ${extra}
        ORDER BY score DESC, coalesce(potential, 0) DESC, name COLLATE "C", id
        LIMIT @limit`, { ...values, ...days.values, ...(floor > 0 ? { floor } : {}), ...more })).map(
        ({ score, ...facts }): RankedLeader => ({ ...facts, daysSinceMet: daysSinceMet(facts.lastMet, now), score }),
      );

    // The highest potentials that fill the page (and one more, to see a tie at its end), and the next potential down…
    let floor = Math.max(0, (POTENTIAL_LEVELS.find((level) => atLeast[level]! > limit) ?? 0) - 1);
    let rows = await read(floor, '', { limit: limit + 1 });
    // …and every lower potential whose ceiling reaches the last score on that page.
    if (rows.length >= limit) {
      const needed = Math.min(...POTENTIAL_LEVELS.filter((level) => ceiling(level) >= rows[limit - 1]!.score));
      if (needed < floor) rows = await read((floor = needed), '', { limit: limit + 1 });
    }
    if (rows.length <= limit) return { leaders: rows.sort(compareLeaders), total };

    const last = rows[limit - 1]!;
    const tiedWithLast = (row: RankedLeader) => row.score === last.score && (row.potential ?? 0) === (last.potential ?? 0);
    let candidates = rows.slice(0, limit);
    if (tiedWithLast(rows[limit]!)) {
      const tie = await read(floor, 'WHERE score = @tieScore AND coalesce(potential, 0) = @tiePotential', {
        tieScore: last.score, tiePotential: last.potential ?? 0, limit: null,
      });
      candidates = [...candidates.filter((row) => !tiedWithLast(row)), ...tie];
    }
    return { leaders: candidates.sort(compareLeaders).slice(0, limit), total };
  }
}

/** How many stand on each rung, and who moved. */
export class PgLadder implements LadderReadModel {
  constructor(private readonly q: Query) {}

  async rungCounts(): Promise<{ rung: string; people: number }[]> {
    return this.q.rows(`SELECT rung, count(*) AS people FROM people GROUP BY rung ORDER BY rung COLLATE "C"`);
  }

  async moves(since: string): Promise<RungMove[]> {
    return this.q.rows(`
      SELECT c.person_id AS "personId", p.name, ${RUNG_CHANGE_COLUMNS}
      FROM rung_changes c JOIN people p ON p.id = c.person_id LEFT JOIN meetings m ON m.id = c.meeting_id
      WHERE c.changed_at >= $1 AND c.from_rung IS NOT NULL AND c.from_rung <> c.to_rung
      ORDER BY c.changed_at DESC, c.id DESC`, [since]);
  }
}

function whereOf(filter: LeaderFilter): { where: string[]; values: Record<string, unknown> } {
  const where: string[] = [];
  const values: Record<string, unknown> = {};
  if (filter.rungs) {
    where.push('p.rung = ANY(@rungs::text[])');
    values.rungs = filter.rungs;
  }
  if (filter.minPotential !== undefined) {
    where.push('p.potential >= @minPotential');
    values.minPotential = filter.minPotential;
  }
  if (filter.assessments) {
    where.push('p.assessment = ANY(@assessments::int[])');
    values.assessments = filter.assessments;
  }
  if (filter.metBefore !== undefined) {
    where.push('(m.last_met IS NULL OR m.last_met < @metBefore)');
    values.metBefore = filter.metBefore;
  }
  if (filter.organizerIds !== undefined) {
    where.push('p.owner_id = ANY(@organizerIds::bigint[])');
    values.organizerIds = filter.organizerIds;
  }
  return { where, values };
}
