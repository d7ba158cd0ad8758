import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';
import type { AskRecord, MeetingPhaseRecord, NewMeetingPhase } from './meetings.js';
import { MeetingStore } from './meetings.js';

export interface NewSession {
  personId: number;
  heldAt: string;
  goal: string;
  template: string;
  plannedMinutes: number;
  plannedAsk: string | null;
  phases: NewMeetingPhase[];
}

/** A phase of the live meeting as saved: the plan plus what has happened so far. */
export type SessionPhase = MeetingPhaseRecord;

export interface PhaseProgressRow {
  actualSeconds: number;
  organizerTalkSeconds: number;
  otherTalkSeconds: number;
  extraSeconds: number;
}

export interface DraftRow {
  id: number;
  personId: number;
  personName: string;
  template: string;
  goal: string;
  plannedMinutes: number;
  plannedAsk: string | null;
  step: string | null;
  currentPhase: number | null;
  heldAt: string;
  updatedAt: string;
}

export type AskChange = Partial<Pick<AskRecord, 'dueAt' | 'barriers' | 'support' | 'outcome'>>;

const DRAFT_COLUMNS = `m.id, m.person_id AS personId, p.name AS personName, m.template, m.goal, m.planned_minutes AS plannedMinutes,
  m.planned_ask AS plannedAsk, m.step, m.current_phase AS currentPhase, m.held_at AS heldAt, m.updated_at AS updatedAt`;

/**
 * The meeting being run by `oneonone start`: a draft written as it happens (phase progress every second,
 * each debrief answer as it is given) and marked complete after the summary. Notes, asks and follow-ups
 * themselves are written through MeetingStore.
 */
export class SessionStore {
  private readonly meetings: MeetingStore;
  private readonly progress: Statement;
  private readonly currentPhase: Statement;
  private readonly step: Statement;
  private readonly latestDraft: Statement<[], DraftRow>;
  private readonly draftById: Statement<[number], DraftRow>;
  private readonly agitation: Statement;
  private readonly completeMeeting: Statement;
  private readonly lastAsk: Statement<[number], AskRecord>;
  private readonly dropNote: Statement;
  private readonly followUpText: Statement;

  constructor(private readonly db: Db, meetings?: MeetingStore) {
    this.meetings = meetings ?? new MeetingStore(db);
    this.progress = db.prepare(`
      UPDATE meeting_phases SET actual_seconds = @actualSeconds, organizer_talk_seconds = @organizerTalkSeconds,
             other_talk_seconds = @otherTalkSeconds, extra_seconds = @extraSeconds
      WHERE meeting_id = @meetingId AND position = @position`);
    this.currentPhase = db.prepare(`UPDATE meetings SET current_phase = ?, step = ?, updated_at = ? WHERE id = ?`);
    this.step = db.prepare(`UPDATE meetings SET step = ?, updated_at = ? WHERE id = ?`);
    this.latestDraft = db.prepare(`
      SELECT ${DRAFT_COLUMNS} FROM meetings m JOIN people p ON p.id = m.person_id
      WHERE m.status = 'draft' ORDER BY m.updated_at DESC, m.id DESC LIMIT 1`);
    this.draftById = db.prepare(`SELECT ${DRAFT_COLUMNS} FROM meetings m JOIN people p ON p.id = m.person_id WHERE m.id = ? AND m.status = 'draft'`);
    this.agitation = db.prepare(`UPDATE meetings SET agitation = ?, updated_at = ? WHERE id = ?`);
    this.completeMeeting = db.prepare(`
      UPDATE meetings SET status = 'complete', step = NULL, current_phase = NULL, completed_at = ?, updated_at = ? WHERE id = ?`);
    this.lastAsk = db.prepare(`
      SELECT id, meeting_id AS meetingId, text, due_at AS dueAt, barriers, support, outcome, result,
             checkin_at AS checkinAt, checked_at AS checkedAt, created_at AS createdAt
      FROM asks WHERE meeting_id = ? ORDER BY id DESC LIMIT 1`);
    this.dropNote = db.prepare(`DELETE FROM notes WHERE id = ? AND meeting_id = ?`);
    this.followUpText = db.prepare(`UPDATE followups SET text = ? WHERE id = ? AND meeting_id = ?`);
  }

  /** The draft with its planned phases, standing at the first phase. */
  createDraft(session: NewSession, now: string): number {
    const id = this.meetings.add({ ...session, status: 'draft', agitation: null }, now);
    this.currentPhase.run(session.phases[0]?.position ?? 1, 'phases', now, id);
    return id;
  }

  saveProgress(meetingId: number, position: number, progress: PhaseProgressRow): void {
    this.progress.run({ ...progress, meetingId, position });
  }

  enterPhase(meetingId: number, position: number, now: string): void {
    this.currentPhase.run(position, 'phases', now, meetingId);
  }

  setStep(meetingId: number, step: string, now: string): void {
    this.step.run(step, now, meetingId);
  }

  latest(): DraftRow | undefined {
    return this.latestDraft.get();
  }

  draft(id: number): DraftRow | undefined {
    return this.draftById.get(id);
  }

  phases(meetingId: number): SessionPhase[] {
    return this.meetings.phases(meetingId);
  }

  setAgitation(meetingId: number, text: string | null, now: string): void {
    this.agitation.run(text, now, meetingId);
  }

  /** The ask being discussed: the newest of the meeting (a pivot is a newer one). */
  currentAsk(meetingId: number): AskRecord | undefined {
    return this.lastAsk.get(meetingId);
  }

  updateAsk(askId: number, change: AskChange): void {
    const given = Object.entries(change).filter(([, value]) => value !== undefined);
    if (given.length === 0) return;
    const columns = given.map(([field]) => `${field === 'dueAt' ? 'due_at' : field} = @${field}`).join(', ');
    this.db.prepare(`UPDATE asks SET ${columns} WHERE id = @id`).run({ ...Object.fromEntries(given), id: askId });
  }

  /** A quick note the organizer chose not to keep in the debrief. */
  dropNoteOf(meetingId: number, noteId: number): void {
    this.dropNote.run(noteId, meetingId);
  }

  setFollowUpText(meetingId: number, followUpId: number, text: string): void {
    this.followUpText.run(text, followUpId, meetingId);
  }

  complete(meetingId: number, now: string): void {
    this.completeMeeting.run(now, now, meetingId);
  }
}
