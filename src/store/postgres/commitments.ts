import type {
  AskChange, AskRecord, AskState, CommitmentRepository, FollowUpRecord, FollowUpState, NewAsk, NewFollowUp,
} from '../contract.js';
import type { Query } from './client.js';

export const ASK_COLUMNS = `id, meeting_id AS "meetingId", text, due_at AS "dueAt", barriers, support, outcome, result,
  checkin_at AS "checkinAt", checked_at AS "checkedAt", created_at AS "createdAt"`;
/** A follow-up with the ask it follows (followups f, asks fa). */
export const FOLLOWUP_COLUMNS = `f.id, f.meeting_id AS "meetingId", f.text, f.due_at AS "dueAt", f.done_at AS "doneAt", f.created_at AS "createdAt",
  fa.id AS "askId", fa.text AS "askText", fa.outcome AS "askOutcome"`;
export const FOLLOWUP_JOIN = `LEFT JOIN asks fa ON fa.id = f.ask_id`;
/** When it was asked: the meeting's time, else when it was recorded (asks a, meetings m). */
export const ASKED_AT = `coalesce(m.held_at, a.created_at)`;

export type FollowUpRow = Omit<FollowUpRecord, 'ask'> & { askId: number | null; askText: string | null; askOutcome: string | null };

export function followUpRecord({ askId, askText, askOutcome, ...row }: FollowUpRow): FollowUpRecord {
  return { ...row, ask: askId === null ? null : { id: askId, text: askText!, outcome: askOutcome } };
}

/** The columns an ask change may set, by field. */
const ASK_CHANGE_COLUMNS: Record<keyof AskChange, string> = { dueAt: 'due_at', barriers: 'barriers', support: 'support', outcome: 'outcome' };

/** Asks and follow-ups: what the person agreed to, and what the organizer will do next. */
export class PgCommitments implements CommitmentRepository {
  constructor(private readonly q: Query) {}

  async asksForPerson(personId: number): Promise<AskRecord[]> {
    return this.q.rows<AskRecord>(`SELECT ${ASK_COLUMNS} FROM asks WHERE person_id = $1 ORDER BY created_at DESC, id DESC`, [personId]);
  }

  /** Ties on the due time in the order they were written, as SQLite hands them over. */
  async followUpsForPerson(personId: number): Promise<FollowUpRecord[]> {
    return (await this.q.rows<FollowUpRow>(
      `SELECT ${FOLLOWUP_COLUMNS} FROM followups f ${FOLLOWUP_JOIN} WHERE f.person_id = $1 ORDER BY f.done_at IS NOT NULL, f.due_at, f.id`,
      [personId],
    )).map(followUpRecord);
  }

  async currentAsk(meetingId: number): Promise<AskRecord | undefined> {
    return this.q.row<AskRecord>(`SELECT ${ASK_COLUMNS} FROM asks WHERE meeting_id = $1 ORDER BY id DESC LIMIT 1`, [meetingId]);
  }

  async followUp(id: number): Promise<FollowUpState | undefined> {
    const row = await this.q.row<Omit<FollowUpState, 'ask'> & Pick<FollowUpRow, 'askId' | 'askText' | 'askOutcome'>>(`
      SELECT f.id, f.person_id AS "personId", p.name AS person, f.text, f.due_at AS "dueAt", f.done_at AS "doneAt",
             fa.id AS "askId", fa.text AS "askText", fa.outcome AS "askOutcome"
      FROM followups f JOIN people p ON p.id = f.person_id ${FOLLOWUP_JOIN} WHERE f.id = $1`, [id]);
    if (!row) return undefined;
    const { askId, askText, askOutcome, ...rest } = row;
    return { ...rest, ask: askId === null ? null : { id: askId, text: askText!, outcome: askOutcome } };
  }

  async ask(id: number): Promise<AskState | undefined> {
    return this.q.row<AskState>(`
      SELECT a.id, a.person_id AS "personId", p.name AS person, a.text, a.outcome, a.result, a.due_at AS "dueAt",
             a.checkin_at AS "checkinAt", a.checked_at AS "checkedAt", ${ASKED_AT} AS "askedAt"
      FROM asks a JOIN people p ON p.id = a.person_id LEFT JOIN meetings m ON m.id = a.meeting_id WHERE a.id = $1`, [id]);
  }

  async addAsk(personId: number, meetingId: number | null, ask: NewAsk, now: string): Promise<number> {
    return (await this.q.row<{ id: number }>(`
      INSERT INTO asks (person_id, meeting_id, text, due_at, barriers, support, outcome, created_at)
      VALUES (@personId, @meetingId, @text, @dueAt, @barriers, @support, @outcome, @now) RETURNING id`,
    { ...ask, personId, meetingId, now }))!.id;
  }

  async updateAsk(askId: number, change: AskChange): Promise<void> {
    const given = (Object.keys(ASK_CHANGE_COLUMNS) as (keyof AskChange)[]).filter((field) => change[field] !== undefined);
    if (given.length === 0) return;
    const columns = given.map((field) => `${ASK_CHANGE_COLUMNS[field]} = @${field}`).join(', ');
    await this.q.run(`UPDATE asks SET ${columns} WHERE id = @id`, { ...change, id: askId });
  }

  async addFollowUp(personId: number, meetingId: number | null, followUp: NewFollowUp, now: string): Promise<number> {
    return (await this.q.row<{ id: number }>(
      `INSERT INTO followups (person_id, meeting_id, ask_id, text, due_at, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [personId, meetingId, followUp.askId ?? null, followUp.text, followUp.dueAt, now],
    ))!.id;
  }

  async setFollowUpText(meetingId: number, followUpId: number, text: string): Promise<void> {
    await this.q.run(`UPDATE followups SET text = $1 WHERE id = $2 AND meeting_id = $3`, [text, followUpId, meetingId]);
  }

  async closeFollowUp(id: number, at: string): Promise<boolean> {
    return (await this.q.run(`UPDATE followups SET done_at = $1 WHERE id = $2 AND done_at IS NULL`, [at, id])) === 1;
  }

  async snoozeFollowUp(id: number, dueAt: string): Promise<boolean> {
    return (await this.q.run(`UPDATE followups SET due_at = $1 WHERE id = $2 AND done_at IS NULL`, [dueAt, id])) === 1;
  }

  async checkAsk(id: number, result: 'kept' | 'broken' | null, at: string): Promise<void> {
    await this.q.run(`UPDATE asks SET result = coalesce($1::text, result), checked_at = coalesce(checked_at, $2::timestamptz) WHERE id = $3`, [result, at, id]);
  }

  async snoozeCheckIn(id: number, at: string): Promise<boolean> {
    return (await this.q.run(`UPDATE asks SET checkin_at = $1 WHERE id = $2 AND checked_at IS NULL`, [at, id])) === 1;
  }

  async setCadenceUntil(personId: number, until: string): Promise<void> {
    await this.q.run(`UPDATE people SET cadence_until = $1 WHERE id = $2`, [until, personId]);
  }
}
