import type { Statement } from 'better-sqlite3';
import type {
  AskChange, AskRecord, AskState, CommitmentRepository, FollowUpRecord, FollowUpState, NewAsk, NewFollowUp,
} from '../contract.js';
import { statementCache, type Db } from './db.js';

export const ASK_COLUMNS = `id, meeting_id AS meetingId, text, due_at AS dueAt, barriers, support, outcome, result,
  checkin_at AS checkinAt, checked_at AS checkedAt, created_at AS createdAt`;
/** A follow-up with the ask it follows (followups f, asks fa). */
export const FOLLOWUP_COLUMNS = `f.id, f.meeting_id AS meetingId, f.text, f.due_at AS dueAt, f.done_at AS doneAt, f.created_at AS createdAt,
  fa.id AS askId, fa.text AS askText, fa.outcome AS askOutcome`;
export const FOLLOWUP_JOIN = `LEFT JOIN asks fa ON fa.id = f.ask_id`;
/** When it was asked: the meeting's time, else when it was recorded (asks a, meetings m). */
export const ASKED_AT = `coalesce(m.held_at, a.created_at)`;

export type FollowUpRow = Omit<FollowUpRecord, 'ask'> & { askId: number | null; askText: string | null; askOutcome: string | null };

export function followUpRecord({ askId, askText, askOutcome, ...row }: FollowUpRow): FollowUpRecord {
  return { ...row, ask: askId === null ? null : { id: askId, text: askText!, outcome: askOutcome } };
}

/** Asks and follow-ups: what the person agreed to, and what the organizer will do next. */
export class SqliteCommitments implements CommitmentRepository {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statementCache(db);
  }

  async asksForPerson(personId: number): Promise<AskRecord[]> {
    return this.sql(`SELECT ${ASK_COLUMNS} FROM asks WHERE person_id = ? ORDER BY created_at DESC, id DESC`).all(personId) as AskRecord[];
  }

  async followUpsForPerson(personId: number): Promise<FollowUpRecord[]> {
    return (this.sql(`SELECT ${FOLLOWUP_COLUMNS} FROM followups f ${FOLLOWUP_JOIN} WHERE f.person_id = ? ORDER BY f.done_at IS NOT NULL, f.due_at`)
      .all(personId) as FollowUpRow[]).map(followUpRecord);
  }

  async currentAsk(meetingId: number): Promise<AskRecord | undefined> {
    return this.sql(`SELECT ${ASK_COLUMNS} FROM asks WHERE meeting_id = ? ORDER BY id DESC LIMIT 1`).get(meetingId) as AskRecord | undefined;
  }

  async followUp(id: number): Promise<FollowUpState | undefined> {
    const row = this.sql(`
      SELECT f.id, f.person_id AS personId, p.name AS person, f.text, f.due_at AS dueAt, f.done_at AS doneAt,
             fa.id AS askId, fa.text AS askText, fa.outcome AS askOutcome
      FROM followups f JOIN people p ON p.id = f.person_id ${FOLLOWUP_JOIN} WHERE f.id = ?`).get(id) as
      | (Omit<FollowUpState, 'ask'> & Pick<FollowUpRow, 'askId' | 'askText' | 'askOutcome'>)
      | undefined;
    if (!row) return undefined;
    const { askId, askText, askOutcome, ...rest } = row;
    return { ...rest, ask: askId === null ? null : { id: askId, text: askText!, outcome: askOutcome } };
  }

  async ask(id: number): Promise<AskState | undefined> {
    return this.sql(`
      SELECT a.id, a.person_id AS personId, p.name AS person, a.text, a.outcome, a.result, a.due_at AS dueAt,
             a.checkin_at AS checkinAt, a.checked_at AS checkedAt, ${ASKED_AT} AS askedAt
      FROM asks a JOIN people p ON p.id = a.person_id LEFT JOIN meetings m ON m.id = a.meeting_id WHERE a.id = ?`).get(id) as AskState | undefined;
  }

  async addAsk(personId: number, meetingId: number | null, ask: NewAsk, now: string): Promise<number> {
    return Number(
      this.sql(`
        INSERT INTO asks (person_id, meeting_id, text, due_at, barriers, support, outcome, created_at)
        VALUES (@personId, @meetingId, @text, @dueAt, @barriers, @support, @outcome, @now)`)
        .run({ dueAt: null, barriers: null, support: null, outcome: null, ...ask, personId, meetingId, now }).lastInsertRowid,
    );
  }

  async updateAsk(askId: number, change: AskChange): Promise<void> {
    const given = Object.entries(change).filter(([, value]) => value !== undefined);
    if (given.length === 0) return;
    const columns = given.map(([field]) => `${field === 'dueAt' ? 'due_at' : field} = @${field}`).join(', ');
    this.sql(`UPDATE asks SET ${columns} WHERE id = @id`).run({ ...Object.fromEntries(given), id: askId });
  }

  async addFollowUp(personId: number, meetingId: number | null, followUp: NewFollowUp, now: string): Promise<number> {
    return Number(
      this.sql(`INSERT INTO followups (person_id, meeting_id, ask_id, text, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(personId, meetingId, followUp.askId ?? null, followUp.text, followUp.dueAt, now).lastInsertRowid,
    );
  }

  async setFollowUpText(meetingId: number, followUpId: number, text: string): Promise<void> {
    this.sql(`UPDATE followups SET text = ? WHERE id = ? AND meeting_id = ?`).run(text, followUpId, meetingId);
  }

  async closeFollowUp(id: number, at: string): Promise<boolean> {
    return this.sql(`UPDATE followups SET done_at = ? WHERE id = ? AND done_at IS NULL`).run(at, id).changes === 1;
  }

  async snoozeFollowUp(id: number, dueAt: string): Promise<boolean> {
    return this.sql(`UPDATE followups SET due_at = ? WHERE id = ? AND done_at IS NULL`).run(dueAt, id).changes === 1;
  }

  async checkAsk(id: number, result: 'kept' | 'broken' | null, at: string): Promise<void> {
    this.sql(`UPDATE asks SET result = coalesce(?, result), checked_at = coalesce(checked_at, ?) WHERE id = ?`).run(result, at, id);
  }

  async snoozeCheckIn(id: number, at: string): Promise<boolean> {
    return this.sql(`UPDATE asks SET checkin_at = ? WHERE id = ? AND checked_at IS NULL`).run(at, id).changes === 1;
  }

  async setCadenceUntil(personId: number, until: string): Promise<void> {
    this.sql(`UPDATE people SET cadence_until = ? WHERE id = ?`).run(until, personId);
  }
}
