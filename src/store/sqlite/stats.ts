import type { Statement } from 'better-sqlite3';
import type { AskCountRow, AssessmentMoveCount, TalkRow } from '../../meeting/stats.js';
import type { StatsReadModel } from '../contract.js';
import { statementCache, type Db } from './db.js';
import { readScorecard, type Scorecard } from '../../meeting/scorecard.js';

/** The rows `stats` draws from; the arithmetic is in src/meeting/stats.ts. */
export class SqliteStats implements StatsReadModel {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statementCache(db);
  }

  async meetingDatesBetween(from: string, to: string): Promise<string[]> {
    return this.sql(`SELECT held_at FROM meetings WHERE status = 'complete' AND held_at >= ? AND held_at <= ? ORDER BY held_at`)
      .pluck().all(from, to) as string[];
  }

  async talkBetween(from: string, to: string): Promise<TalkRow[]> {
    return this.sql(`
      SELECT m.id, m.held_at AS heldAt, sum(coalesce(ph.organizer_talk_seconds, 0)) AS organizerSeconds,
             sum(coalesce(ph.other_talk_seconds, 0)) AS otherSeconds,
             max(ph.longest_monologue_seconds) AS longestMonologueSeconds,
             sum(ph.open_questions) AS openQuestions, sum(ph.reflections) AS reflections
      FROM meetings m JOIN meeting_phases ph ON ph.meeting_id = m.id
      WHERE m.status = 'complete' AND m.held_at >= ? AND m.held_at <= ?
      GROUP BY m.id
      HAVING count(ph.organizer_talk_seconds) + count(ph.other_talk_seconds) > 0
      ORDER BY m.held_at, m.id`).all(from, to) as TalkRow[];
  }

  /** An ask counts when its meeting was held (or, outside a meeting, when it was written down). */
  async askCountsBetween(from: string, to: string): Promise<AskCountRow[]> {
    return this.sql(`
      SELECT a.outcome, a.result, count(*) AS asks
      FROM asks a LEFT JOIN meetings m ON m.id = a.meeting_id
      WHERE coalesce(m.held_at, a.created_at) >= ? AND coalesce(m.held_at, a.created_at) <= ?
      GROUP BY a.outcome, a.result`).all(from, to) as AskCountRow[];
  }

  async peoplePerRung(): Promise<{ rung: string; people: number }[]> {
    return this.sql(`SELECT rung, count(*) AS people FROM people GROUP BY rung`).all() as { rung: string; people: number }[];
  }

  async peoplePerAssessment(): Promise<{ level: number; people: number }[]> {
    return this.sql(`SELECT assessment AS level, count(*) AS people FROM people GROUP BY assessment ORDER BY assessment`).all() as { level: number; people: number }[];
  }

  async assessmentMovesBetween(from: string, to: string): Promise<AssessmentMoveCount[]> {
    return this.sql(`
      SELECT from_level AS fromLevel, to_level AS toLevel, count(*) AS changes FROM assessment_changes
      WHERE changed_at >= ? AND changed_at <= ? GROUP BY from_level, to_level ORDER BY from_level, to_level`).all(from, to) as AssessmentMoveCount[];
  }

  async touchesBetween(from: string, to: string): Promise<{ by: string; touches: number }[]> {
    return this.sql(`SELECT "by", count(*) AS touches FROM touches WHERE touched_at >= ? AND touched_at <= ? GROUP BY "by" ORDER BY "by"`)
      .all(from, to) as { by: string; touches: number }[];
  }

  async scorecards(limit: number): Promise<{ meetingId: number; heldAt: string; scorecard: Scorecard }[]> {
    const rows = this.sql(`
      SELECT id AS meetingId, held_at AS heldAt, scorecard FROM meetings
      WHERE status = 'complete' AND scorecard IS NOT NULL ORDER BY held_at DESC, id DESC LIMIT ?`).all(limit) as { meetingId: number; heldAt: string; scorecard: string }[];
    return rows.flatMap((row) => {
      const scorecard = readScorecard(row.scorecard);
      return scorecard ? [{ meetingId: row.meetingId, heldAt: row.heldAt, scorecard }] : [];
    });
  }
}
