import type { Statement } from 'better-sqlite3';
import type { AskCountRow, TalkRow } from '../meeting/stats.js';
import type { Db } from './db.js';

/** The rows `stats` draws from; the arithmetic is in src/meeting/stats.ts. */
export class StatsStore {
  private readonly meetingDates: Statement<[string, string], string>;
  private readonly talk: Statement<[string, string], TalkRow>;
  private readonly asks: Statement<[string, string], AskCountRow>;
  private readonly rungs: Statement<[], { rung: string; people: number }>;

  constructor(db: Db) {
    this.meetingDates = db.prepare(`SELECT held_at FROM meetings WHERE status = 'complete' AND held_at >= ? AND held_at <= ? ORDER BY held_at`).pluck() as Statement<[string, string], string>;
    this.talk = db.prepare(`
      SELECT m.id, m.held_at AS heldAt, sum(coalesce(ph.organizer_talk_seconds, 0)) AS organizerSeconds,
             sum(coalesce(ph.other_talk_seconds, 0)) AS otherSeconds
      FROM meetings m JOIN meeting_phases ph ON ph.meeting_id = m.id
      WHERE m.status = 'complete' AND m.held_at >= ? AND m.held_at <= ?
      GROUP BY m.id
      HAVING count(ph.organizer_talk_seconds) + count(ph.other_talk_seconds) > 0
      ORDER BY m.held_at, m.id`);
    // An ask counts when its meeting was held (or, outside a meeting, when it was written down).
    this.asks = db.prepare(`
      SELECT a.outcome, a.result, count(*) AS asks
      FROM asks a LEFT JOIN meetings m ON m.id = a.meeting_id
      WHERE coalesce(m.held_at, a.created_at) >= ? AND coalesce(m.held_at, a.created_at) <= ?
      GROUP BY a.outcome, a.result`);
    this.rungs = db.prepare(`SELECT rung, count(*) AS people FROM people GROUP BY rung`);
  }

  meetingDatesBetween(from: string, to: string): string[] {
    return this.meetingDates.all(from, to);
  }

  talkBetween(from: string, to: string): TalkRow[] {
    return this.talk.all(from, to);
  }

  askCountsBetween(from: string, to: string): AskCountRow[] {
    return this.asks.all(from, to);
  }

  peoplePerRung(): { rung: string; people: number }[] {
    return this.rungs.all();
  }
}
