import type {
  DraftRow, MeetingPhaseRecord, MeetingReader, MeetingRecord, MeetingRepository, NewMeeting, NewSession, NoteRecord, NoteVisibility, PhaseProgressRow,
} from '../contract.js';
import type { Query } from './client.js';
import { ASK_COLUMNS, FOLLOWUP_COLUMNS, FOLLOWUP_JOIN, followUpRecord, type FollowUpRow } from './commitments.js';
import { readChecklist, readScorecard, type ChecklistItem, type Scorecard } from '../../meeting/scorecard.js';

const PHASE_COLUMNS = `position, phase_key AS key, title, planned_seconds AS "plannedSeconds", max_talk_share AS "maxTalkShare",
  actual_seconds AS "actualSeconds", organizer_talk_seconds AS "organizerTalkSeconds", other_talk_seconds AS "otherTalkSeconds",
  extra_seconds AS "extraSeconds", longest_monologue_seconds AS "longestMonologueSeconds",
  open_questions AS "openQuestions", reflections`;
const NOTE_COLUMNS = `id, meeting_id AS "meetingId", tag, text, phase_key AS phase, created_at AS "createdAt"`;
const DRAFT_COLUMNS = `m.id, m.person_id AS "personId", p.name AS "personName", m.template, m.goal, m.planned_minutes AS "plannedMinutes",
  m.planned_ask AS "plannedAsk", m.step, m.current_phase AS "currentPhase", m.held_at AS "heldAt", m.updated_at AS "updatedAt",
  m.claimed_by AS "claimedBy"`;

type MeetingRow = Omit<MeetingRecord, 'person' | 'phases' | 'notes' | 'asks' | 'followups' | 'checklist' | 'scorecard'> & {
  personId: number; personName: string; checklist: string | null; scorecard: string | null;
};

/**
 * Meetings and what came out of them: phases and notes, and the draft that `start` writes as it happens
 * (phase progress every second, each debrief answer as it is given) until it is marked complete.
 */
export class PgMeetings implements MeetingRepository, MeetingReader {
  /** Whether notes have a visibility here (a team server), once known. */
  private visibilityColumn: boolean | undefined;

  constructor(private readonly q: Query) {}

  async add(meeting: NewMeeting, now: string): Promise<number> {
    const { id } = (await this.q.row<{ id: number }>(`
      INSERT INTO meetings (person_id, held_at, goal, template, planned_minutes, status, planned_ask, agitation,
                            checklist, scorecard, reflection, mode, place, current_phase, created_at, updated_at, completed_at)
      VALUES (@personId, @heldAt, @goal, @template, @plannedMinutes, @status, @plannedAsk, @agitation,
              @checklist, @scorecard, @reflection, @mode, @place, @currentPhase, @now, @now, @completedAt)
      RETURNING id`, {
      plannedAsk: null, agitation: null, reflection: null, mode: null, place: null, ...meeting,
      checklist: meeting.checklist?.length ? JSON.stringify(meeting.checklist) : null,
      scorecard: meeting.scorecard ? JSON.stringify(meeting.scorecard) : null,
      currentPhase: meeting.status === 'draft' ? 0 : null,
      completedAt: meeting.status === 'complete' ? now : null, now,
    }))!;
    for (const phase of meeting.phases) {
      await this.q.run(`
        INSERT INTO meeting_phases (meeting_id, position, phase_key, title, planned_seconds, max_talk_share,
                                    actual_seconds, organizer_talk_seconds, other_talk_seconds, longest_monologue_seconds, open_questions, reflections)
        VALUES (@meetingId, @position, @key, @title, @plannedSeconds, @maxTalkShare,
                @actualSeconds, @organizerTalkSeconds, @otherTalkSeconds, @longestMonologueSeconds, @openQuestions, @reflections)`,
      { actualSeconds: null, organizerTalkSeconds: null, otherTalkSeconds: null, longestMonologueSeconds: null, openQuestions: null, reflections: null, ...phase, meetingId: id });
    }
    return id;
  }

  /**
   * Ids are identities, never reused, so a live note cannot take the id of a deleted one that undo may put back. A
   * visibility chosen by the organizer is written where notes have one (a team server: `team init` adds the column,
   * and a trigger gives a note written without one its tag's); a server without a team has none to write.
   */
  async addNote(
    personId: number, meetingId: number | null, tag: string, text: string, phase: string | null, now: string, visibility?: NoteVisibility,
  ): Promise<number> {
    if (visibility !== undefined && (await this.hasVisibility())) {
      return (await this.q.row<{ id: number }>(
        `INSERT INTO notes (person_id, meeting_id, tag, text, phase_key, created_at, visibility) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [personId, meetingId, tag, text, phase, now, visibility],
      ))!.id;
    }
    return (await this.q.row<{ id: number }>(
      `INSERT INTO notes (person_id, meeting_id, tag, text, phase_key, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [personId, meetingId, tag, text, phase, now],
    ))!.id;
  }

  async get(id: number): Promise<MeetingRecord | undefined> {
    return (await this.whole(`m.id = $1`, [id]))[0];
  }

  private async hasVisibility(): Promise<boolean> {
    this.visibilityColumn ??= (await this.q.row<{ has: boolean }>(`
      SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('notes') AND attname = 'visibility' AND NOT attisdropped) AS has`))?.has ?? false;
    return this.visibilityColumn;
  }

  async forPerson(personId: number): Promise<MeetingRecord[]> {
    return this.whole(`m.person_id = $1`, [personId]);
  }

  async phases(meetingId: number): Promise<MeetingPhaseRecord[]> {
    return this.q.rows<MeetingPhaseRecord>(`SELECT ${PHASE_COLUMNS} FROM meeting_phases WHERE meeting_id = $1 ORDER BY position`, [meetingId]);
  }

  /**
   * The meetings that match, newest first, each with its phases, notes, asks and follow-ups: one query however many
   * (a round trip to the server costs more than the rows). The parts come as JSON, their times turned back to ISO.
   */
  private async whole(where: string, params: unknown[]): Promise<MeetingRecord[]> {
    const part = (columns: string, from: string, order: string) =>
      `(SELECT coalesce(json_agg(x ORDER BY ${order}), '[]') FROM (SELECT ${columns} FROM ${from}) x)`;
    const rows = await this.q.rows<MeetingRow & { phases: MeetingPhaseRecord[]; notes: NoteRecord[]; asks: MeetingRecord['asks']; followups: FollowUpRow[] }>(`
      SELECT m.id, m.person_id AS "personId", p.name AS "personName", m.held_at AS "heldAt", m.goal, m.template,
             m.planned_minutes AS "plannedMinutes", m.status, m.step, m.current_phase AS "currentPhase",
             m.planned_ask AS "plannedAsk", m.agitation, m.created_at AS "createdAt", m.updated_at AS "updatedAt",
             m.completed_at AS "completedAt", m.checklist, m.scorecard, m.reflection, m.mode, m.place,
             ${part(PHASE_COLUMNS, 'meeting_phases WHERE meeting_id = m.id', 'x.position')} AS phases,
             ${part(NOTE_COLUMNS, 'notes WHERE meeting_id = m.id', 'x.id')} AS notes,
             ${part(ASK_COLUMNS, 'asks WHERE meeting_id = m.id', 'x.id')} AS asks,
             ${part(FOLLOWUP_COLUMNS, `followups f ${FOLLOWUP_JOIN} WHERE f.meeting_id = m.id`, 'x.id')} AS followups
      FROM meetings m JOIN people p ON p.id = m.person_id WHERE ${where} ORDER BY m.held_at DESC, m.id DESC`, params);
    return rows.map(({ personId, personName, phases, notes, asks, followups, checklist, scorecard, ...rest }) => ({
      ...rest,
      checklist: readChecklist(checklist),
      scorecard: readScorecard(scorecard),
      person: { id: personId, name: personName },
      phases,
      notes: notes.map(isoTimes),
      asks: asks.map(isoTimes),
      followups: followups.map(isoTimes).map(followUpRecord),
    }));
  }

  async idsForPerson(personId: number): Promise<number[]> {
    return (await this.q.rows<{ id: number }>(`SELECT id FROM meetings WHERE person_id = $1 ORDER BY held_at DESC, id DESC`, [personId])).map(({ id }) => id);
  }

  async notesForPerson(personId: number): Promise<NoteRecord[]> {
    return this.q.rows<NoteRecord>(`SELECT ${NOTE_COLUMNS} FROM notes WHERE person_id = $1 ORDER BY created_at, id`, [personId]);
  }

  async latestDraft(): Promise<DraftRow | undefined> {
    return this.q.row<DraftRow>(`
      SELECT ${DRAFT_COLUMNS} FROM meetings m JOIN people p ON p.id = m.person_id
      WHERE m.status = 'draft' ORDER BY m.updated_at DESC, m.id DESC LIMIT 1`);
  }

  async latestComplete(): Promise<number | undefined> {
    return (await this.q.row<{ id: number }>(`SELECT id FROM meetings WHERE status = 'complete' ORDER BY held_at DESC, id DESC LIMIT 1`))?.id;
  }

  async draft(id: number): Promise<DraftRow | undefined> {
    return this.q.row<DraftRow>(`SELECT ${DRAFT_COLUMNS} FROM meetings m JOIN people p ON p.id = m.person_id WHERE m.id = $1 AND m.status = 'draft'`, [id]);
  }

  async begin(meetingId: number, at: string): Promise<void> {
    await this.q.run(`UPDATE meetings SET held_at = $1 WHERE id = $2 AND status = 'draft'`, [at, meetingId]);
  }

  async claim(meetingId: number, by: string, stale: (holder: string) => boolean): Promise<string | undefined> {
    const row = await this.q.row<{ holder: string | null }>(`SELECT claimed_by AS holder FROM meetings WHERE id = $1`, [meetingId]);
    if (row?.holder && row.holder !== by && !stale(row.holder)) return row.holder;
    await this.q.run(`UPDATE meetings SET claimed_by = $1 WHERE id = $2`, [by, meetingId]);
    return undefined;
  }

  async release(meetingId: number, by: string): Promise<void> {
    await this.q.run(`UPDATE meetings SET claimed_by = NULL WHERE id = $1 AND claimed_by = $2`, [meetingId, by]);
  }

  async claimed(): Promise<{ id: number; personId: number; personName: string; claimedBy: string }[]> {
    return this.q.rows(`
      SELECT m.id, m.person_id AS "personId", p.name AS "personName", m.claimed_by AS "claimedBy"
      FROM meetings m JOIN people p ON p.id = m.person_id WHERE m.status = 'draft' AND m.claimed_by IS NOT NULL`);
  }

  async createDraft(session: NewSession, now: string): Promise<number> {
    const id = await this.add({ ...session, status: 'draft', agitation: null }, now);
    await this.enterPhase(id, session.phases[0]?.position ?? 1, now);
    return id;
  }

  async saveProgress(meetingId: number, position: number, progress: PhaseProgressRow): Promise<void> {
    await this.q.run(`
      UPDATE meeting_phases SET actual_seconds = @actualSeconds, organizer_talk_seconds = @organizerTalkSeconds,
             other_talk_seconds = @otherTalkSeconds, extra_seconds = @extraSeconds,
             longest_monologue_seconds = @longestMonologueSeconds, open_questions = @openQuestions, reflections = @reflections
      WHERE meeting_id = @meetingId AND position = @position`, { ...progress, meetingId, position });
  }

  async enterPhase(meetingId: number, position: number, now: string): Promise<void> {
    await this.q.run(`UPDATE meetings SET current_phase = $1, step = 'phases', updated_at = $2 WHERE id = $3`, [position, now, meetingId]);
  }

  async setStep(meetingId: number, step: string, now: string): Promise<void> {
    await this.q.run(`UPDATE meetings SET step = $1, updated_at = $2 WHERE id = $3`, [step, now, meetingId]);
  }

  async setAgitation(meetingId: number, text: string | null, now: string): Promise<void> {
    await this.q.run(`UPDATE meetings SET agitation = $1, updated_at = $2 WHERE id = $3`, [text, now, meetingId]);
  }

  async dropNote(meetingId: number, noteId: number): Promise<void> {
    await this.q.run(`DELETE FROM notes WHERE id = $1 AND meeting_id = $2`, [noteId, meetingId]);
  }

  async complete(meetingId: number, now: string, scorecard: Scorecard | null = null): Promise<void> {
    await this.q.run(
      `UPDATE meetings SET status = 'complete', step = NULL, current_phase = NULL, completed_at = $1, updated_at = $1, scorecard = $3 WHERE id = $2`,
      [now, meetingId, scorecard && JSON.stringify(scorecard)],
    );
  }

  async setChecklist(meetingId: number, items: readonly ChecklistItem[], now: string): Promise<void> {
    await this.q.run(`UPDATE meetings SET checklist = $1, updated_at = $2 WHERE id = $3`, [items.length ? JSON.stringify(items) : null, now, meetingId]);
  }

  async setReflection(meetingId: number, text: string | null, now: string): Promise<void> {
    await this.q.run(`UPDATE meetings SET reflection = $1, updated_at = $2 WHERE id = $3`, [text, now, meetingId]);
  }
}

const TIMES = ['createdAt', 'dueAt', 'doneAt', 'checkinAt', 'checkedAt'] as const;

/** JSON writes a time in the session's zone ("2026-11-02T05:00:00-05:00"); the contract's times are ISO UTC. */
function isoTimes<T extends object>(row: T): T {
  const copy = { ...row } as Record<string, unknown>;
  for (const key of TIMES) if (typeof copy[key] === 'string') copy[key] = new Date(copy[key] as string).toISOString();
  return copy as unknown as T;
}
