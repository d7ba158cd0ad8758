import type { Statement } from 'better-sqlite3';
import type {
  DraftRow, MeetingPhaseRecord, MeetingReader, MeetingRecord, MeetingRepository, NewMeeting, NewSession, NoteRecord, NoteVisibility, PhaseProgressRow,
} from '../contract.js';
import { ASK_COLUMNS, FOLLOWUP_COLUMNS, FOLLOWUP_JOIN, followUpRecord, type FollowUpRow } from './commitments.js';
import { statementCache, type Db } from './db.js';
import { readChecklist, readScorecard, type ChecklistItem, type Scorecard } from '../../meeting/scorecard.js';

const NOTE_COLUMNS = `id, meeting_id AS meetingId, tag, text, phase_key AS phase, created_at AS createdAt`;
const DRAFT_COLUMNS = `m.id, m.person_id AS personId, p.name AS personName, m.template, m.goal, m.planned_minutes AS plannedMinutes,
  m.planned_ask AS plannedAsk, m.step, m.current_phase AS currentPhase, m.held_at AS heldAt, m.updated_at AS updatedAt, m.claimed_by AS claimedBy`;

type MeetingRow = Omit<MeetingRecord, 'person' | 'phases' | 'notes' | 'asks' | 'followups' | 'checklist' | 'scorecard'> & {
  personId: number; personName: string; checklist: string | null; scorecard: string | null;
};

/**
 * Meetings and what came out of them: phases and notes, and the draft that `start` writes as it happens
 * (phase progress every second, each debrief answer as it is given) until it is marked complete.
 */
export class SqliteMeetings implements MeetingRepository, MeetingReader {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statementCache(db);
  }

  async add(meeting: NewMeeting, now: string): Promise<number> {
    const id = Number(
      this.sql(`
        INSERT INTO meetings (person_id, held_at, goal, template, planned_minutes, status, planned_ask, agitation,
                              checklist, scorecard, reflection, mode, place, current_phase, created_at, updated_at, completed_at)
        VALUES (@personId, @heldAt, @goal, @template, @plannedMinutes, @status, @plannedAsk, @agitation,
                @checklist, @scorecard, @reflection, @mode, @place, @currentPhase, @now, @now, @completedAt)`).run({
        plannedAsk: null, agitation: null, reflection: null, mode: null, place: null, ...meeting, phases: undefined,
        checklist: meeting.checklist?.length ? JSON.stringify(meeting.checklist) : null,
        scorecard: meeting.scorecard ? JSON.stringify(meeting.scorecard) : null,
        currentPhase: meeting.status === 'draft' ? 0 : null,
        completedAt: meeting.status === 'complete' ? now : null, now,
      }).lastInsertRowid,
    );
    const insertPhase = this.sql(`
      INSERT INTO meeting_phases (meeting_id, position, phase_key, title, planned_seconds, max_talk_share,
                                  actual_seconds, organizer_talk_seconds, other_talk_seconds, longest_monologue_seconds, open_questions, reflections)
      VALUES (@meetingId, @position, @key, @title, @plannedSeconds, @maxTalkShare,
              @actualSeconds, @organizerTalkSeconds, @otherTalkSeconds, @longestMonologueSeconds, @openQuestions, @reflections)`);
    for (const phase of meeting.phases) {
      insertPhase.run({ actualSeconds: null, organizerTalkSeconds: null, otherTalkSeconds: null, longestMonologueSeconds: null, openQuestions: null, reflections: null, ...phase, meetingId: id });
    }
    return id;
  }

  /** A file has one organizer, so no visibility: a note's choice (keep it private) is ignored here (the outbox keeps it beside). */
  async addNote(personId: number, meetingId: number | null, tag: string, text: string, phase: string | null, now: string, _visibility?: NoteVisibility): Promise<number> {
    return Number(
      // A live note is saved outside any change: it must not take the id of a deleted note that undo may put back.
      this.sql(`
        INSERT INTO notes (id, person_id, meeting_id, tag, text, phase_key, created_at)
        VALUES (max(coalesce((SELECT max(id) FROM notes), 0), coalesce((SELECT max(row_id) FROM change_rows WHERE tbl = 'notes'), 0)) + 1,
                ?, ?, ?, ?, ?, ?)`)
        .run(personId, meetingId, tag, text, phase, now).lastInsertRowid,
    );
  }

  async get(id: number): Promise<MeetingRecord | undefined> {
    const meeting = this.sql(`
        SELECT m.id, m.person_id AS personId, p.name AS personName, m.held_at AS heldAt, m.goal, m.template,
               m.planned_minutes AS plannedMinutes, m.status, m.step, m.current_phase AS currentPhase,
               m.planned_ask AS plannedAsk, m.agitation, m.created_at AS createdAt, m.updated_at AS updatedAt,
               m.completed_at AS completedAt, m.checklist, m.scorecard, m.reflection, m.mode, m.place
        FROM meetings m JOIN people p ON p.id = m.person_id WHERE m.id = ?`).get(id) as MeetingRow | undefined;
    if (!meeting) return undefined;
    const { personId, personName, checklist, scorecard, ...rest } = meeting;
    return {
      ...rest,
      checklist: readChecklist(checklist),
      scorecard: readScorecard(scorecard),
      person: { id: personId, name: personName },
      phases: await this.phases(id),
      notes: this.sql(`SELECT ${NOTE_COLUMNS} FROM notes WHERE meeting_id = ? ORDER BY id`).all(id) as NoteRecord[],
      asks: this.sql(`SELECT ${ASK_COLUMNS} FROM asks WHERE meeting_id = ? ORDER BY id`).all(id) as MeetingRecord['asks'],
      followups: (this.sql(`SELECT ${FOLLOWUP_COLUMNS} FROM followups f ${FOLLOWUP_JOIN} WHERE f.meeting_id = ? ORDER BY f.id`).all(id) as FollowUpRow[])
        .map(followUpRecord),
    };
  }

  async forPerson(personId: number): Promise<MeetingRecord[]> {
    const meetings: MeetingRecord[] = [];
    for (const id of await this.idsForPerson(personId)) meetings.push((await this.get(id))!);
    return meetings;
  }

  async phases(meetingId: number): Promise<MeetingPhaseRecord[]> {
    return this.sql(`
        SELECT position, phase_key AS key, title, planned_seconds AS plannedSeconds, max_talk_share AS maxTalkShare,
               actual_seconds AS actualSeconds, organizer_talk_seconds AS organizerTalkSeconds,
               other_talk_seconds AS otherTalkSeconds, extra_seconds AS extraSeconds,
               longest_monologue_seconds AS longestMonologueSeconds, open_questions AS openQuestions, reflections
        FROM meeting_phases WHERE meeting_id = ? ORDER BY position`).all(meetingId) as MeetingPhaseRecord[];
  }

  async idsForPerson(personId: number): Promise<number[]> {
    return (this.sql(`SELECT id FROM meetings WHERE person_id = ? ORDER BY held_at DESC, id DESC`).all(personId) as { id: number }[]).map(({ id }) => id);
  }

  async notesForPerson(personId: number): Promise<NoteRecord[]> {
    return this.sql(`SELECT ${NOTE_COLUMNS} FROM notes WHERE person_id = ? ORDER BY created_at, id`).all(personId) as NoteRecord[];
  }

  async latestDraft(): Promise<DraftRow | undefined> {
    return this.sql(`
      SELECT ${DRAFT_COLUMNS} FROM meetings m JOIN people p ON p.id = m.person_id
      WHERE m.status = 'draft' ORDER BY m.updated_at DESC, m.id DESC LIMIT 1`).get() as DraftRow | undefined;
  }

  async latestComplete(): Promise<number | undefined> {
    const row = this.sql(`SELECT id FROM meetings WHERE status = 'complete' ORDER BY held_at DESC, id DESC LIMIT 1`).get() as { id: number } | undefined;
    return row?.id;
  }

  async draft(id: number): Promise<DraftRow | undefined> {
    return this.sql(`SELECT ${DRAFT_COLUMNS} FROM meetings m JOIN people p ON p.id = m.person_id WHERE m.id = ? AND m.status = 'draft'`)
      .get(id) as DraftRow | undefined;
  }

  async begin(meetingId: number, at: string): Promise<void> {
    this.sql(`UPDATE meetings SET held_at = ? WHERE id = ? AND status = 'draft'`).run(at, meetingId);
  }

  async claim(meetingId: number, by: string, stale: (holder: string) => boolean): Promise<string | undefined> {
    const row = this.sql(`SELECT claimed_by AS holder FROM meetings WHERE id = ?`).get(meetingId) as { holder: string | null } | undefined;
    if (row?.holder && row.holder !== by && !stale(row.holder)) return row.holder;
    this.sql(`UPDATE meetings SET claimed_by = ? WHERE id = ?`).run(by, meetingId);
    return undefined;
  }

  async release(meetingId: number, by: string): Promise<void> {
    this.sql(`UPDATE meetings SET claimed_by = NULL WHERE id = ? AND claimed_by = ?`).run(meetingId, by);
  }

  async claimed(): Promise<{ id: number; personId: number; personName: string; claimedBy: string }[]> {
    return this.sql(`
      SELECT m.id, m.person_id AS personId, p.name AS personName, m.claimed_by AS claimedBy
      FROM meetings m JOIN people p ON p.id = m.person_id WHERE m.status = 'draft' AND m.claimed_by IS NOT NULL`).all() as {
      id: number; personId: number; personName: string; claimedBy: string;
    }[];
  }

  async createDraft(session: NewSession, now: string): Promise<number> {
    const id = await this.add({ ...session, status: 'draft', agitation: null }, now);
    await this.enterPhase(id, session.phases[0]?.position ?? 1, now);
    return id;
  }

  async saveProgress(meetingId: number, position: number, progress: PhaseProgressRow): Promise<void> {
    this.sql(`
      UPDATE meeting_phases SET actual_seconds = @actualSeconds, organizer_talk_seconds = @organizerTalkSeconds,
             other_talk_seconds = @otherTalkSeconds, extra_seconds = @extraSeconds,
             longest_monologue_seconds = @longestMonologueSeconds, open_questions = @openQuestions, reflections = @reflections
      WHERE meeting_id = @meetingId AND position = @position`).run({ ...progress, meetingId, position });
  }

  async enterPhase(meetingId: number, position: number, now: string): Promise<void> {
    this.sql(`UPDATE meetings SET current_phase = ?, step = ?, updated_at = ? WHERE id = ?`).run(position, 'phases', now, meetingId);
  }

  async setStep(meetingId: number, step: string, now: string): Promise<void> {
    this.sql(`UPDATE meetings SET step = ?, updated_at = ? WHERE id = ?`).run(step, now, meetingId);
  }

  async setAgitation(meetingId: number, text: string | null, now: string): Promise<void> {
    this.sql(`UPDATE meetings SET agitation = ?, updated_at = ? WHERE id = ?`).run(text, now, meetingId);
  }

  async dropNote(meetingId: number, noteId: number): Promise<void> {
    this.sql(`DELETE FROM notes WHERE id = ? AND meeting_id = ?`).run(noteId, meetingId);
  }

  async complete(meetingId: number, now: string, scorecard: Scorecard | null = null): Promise<void> {
    this.sql(`UPDATE meetings SET status = 'complete', step = NULL, current_phase = NULL, completed_at = ?, updated_at = ?, scorecard = ? WHERE id = ?`)
      .run(now, now, scorecard && JSON.stringify(scorecard), meetingId);
  }

  async setChecklist(meetingId: number, items: readonly ChecklistItem[], now: string): Promise<void> {
    this.sql(`UPDATE meetings SET checklist = ?, updated_at = ? WHERE id = ?`).run(items.length ? JSON.stringify(items) : null, now, meetingId);
  }

  async setReflection(meetingId: number, text: string | null, now: string): Promise<void> {
    this.sql(`UPDATE meetings SET reflection = ?, updated_at = ? WHERE id = ?`).run(text, now, meetingId);
  }
}
