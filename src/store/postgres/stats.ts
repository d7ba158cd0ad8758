import type { AskCountRow, AssessmentMoveCount, TalkRow } from '../../meeting/stats.js';
import type { StatsReadModel } from '../contract.js';
import type { Query } from './client.js';
import { readScorecard, type Scorecard } from '../../meeting/scorecard.js';

/** The rows `stats` draws from; the arithmetic is in src/meeting/stats.ts. */
export class PgStats implements StatsReadModel {
  constructor(private readonly q: Query) {}

  async meetingDatesBetween(from: string, to: string): Promise<string[]> {
    const rows = await this.q.rows<{ held_at: string }>(
      `SELECT held_at FROM meetings WHERE status = 'complete' AND held_at >= $1 AND held_at <= $2 ORDER BY held_at`, [from, to]);
    return rows.map((row) => row.held_at);
  }

  async talkBetween(from: string, to: string): Promise<TalkRow[]> {
    return this.q.rows(`
      SELECT m.id, m.held_at AS "heldAt", sum(coalesce(ph.organizer_talk_seconds, 0)) AS "organizerSeconds",
             sum(coalesce(ph.other_talk_seconds, 0)) AS "otherSeconds",
             max(ph.longest_monologue_seconds) AS "longestMonologueSeconds",
             sum(ph.open_questions) AS "openQuestions", sum(ph.reflections) AS reflections
      FROM meetings m JOIN meeting_phases ph ON ph.meeting_id = m.id
      WHERE m.status = 'complete' AND m.held_at >= $1 AND m.held_at <= $2
      GROUP BY m.id
      HAVING count(ph.organizer_talk_seconds) + count(ph.other_talk_seconds) > 0
      ORDER BY m.held_at, m.id`, [from, to]);
  }

  /** An ask counts when its meeting was held (or, outside a meeting, when it was written down). */
  async askCountsBetween(from: string, to: string): Promise<AskCountRow[]> {
    return this.q.rows(`
      SELECT a.outcome, a.result, count(*) AS asks
      FROM asks a LEFT JOIN meetings m ON m.id = a.meeting_id
      WHERE coalesce(m.held_at, a.created_at) >= $1 AND coalesce(m.held_at, a.created_at) <= $2
      GROUP BY a.outcome, a.result`, [from, to]);
  }

  async peoplePerAssessment(): Promise<{ level: number; people: number }[]> {
    return this.q.rows(`SELECT assessment AS level, count(*) AS people FROM people GROUP BY assessment ORDER BY assessment`);
  }

  async assessmentMovesBetween(from: string, to: string): Promise<AssessmentMoveCount[]> {
    return this.q.rows<AssessmentMoveCount>(`
      SELECT from_level AS "fromLevel", to_level AS "toLevel", count(*) AS changes FROM assessment_changes
      WHERE changed_at >= $1 AND changed_at <= $2 GROUP BY from_level, to_level ORDER BY from_level, to_level`, [from, to]);
  }

  async touchesBetween(from: string, to: string): Promise<{ by: string; touches: number }[]> {
    return this.q.rows(`
      SELECT "by", count(*) AS touches FROM touches WHERE touched_at >= $1 AND touched_at <= $2 GROUP BY "by" ORDER BY "by" COLLATE "C"`, [from, to]);
  }

  async peoplePerRung(): Promise<{ rung: string; people: number }[]> {
    return this.q.rows(`SELECT rung, count(*) AS people FROM people GROUP BY rung ORDER BY rung COLLATE "C"`);
  }

  async scorecards(limit: number): Promise<{ meetingId: number; heldAt: string; scorecard: Scorecard }[]> {
    const rows = await this.q.rows<{ meetingId: number; heldAt: string; scorecard: string }>(`
      SELECT id AS "meetingId", held_at AS "heldAt", scorecard FROM meetings
      WHERE status = 'complete' AND scorecard IS NOT NULL ORDER BY held_at DESC, id DESC LIMIT $1`, [limit]);
    return rows.flatMap((row) => {
      const scorecard = readScorecard(row.scorecard);
      return scorecard ? [{ meetingId: row.meetingId, heldAt: row.heldAt, scorecard }] : [];
    });
  }
}
