import type { Statement } from 'better-sqlite3';
import { statementCache, type Db } from './db.js';

export interface NewMeeting {
  personId: number;
  heldAt: string;
  goal: string;
  template: string;
  plannedMinutes: number;
  status: 'draft' | 'complete';
  plannedAsk?: string | null;
  agitation?: string | null;
  phases: NewMeetingPhase[];
}

export interface NewMeetingPhase {
  position: number;
  key: string;
  title: string;
  plannedSeconds: number;
  maxTalkShare: number;
  actualSeconds?: number | null;
  organizerTalkSeconds?: number | null;
  otherTalkSeconds?: number | null;
}

export interface MeetingPhaseRecord {
  position: number;
  key: string;
  title: string;
  plannedSeconds: number;
  maxTalkShare: number;
  actualSeconds: number | null;
  organizerTalkSeconds: number | null;
  otherTalkSeconds: number | null;
  /** Minutes the organizer added with + during the phase, in seconds. */
  extraSeconds: number;
}

export interface NoteRecord {
  id: number;
  meetingId: number | null;
  tag: string;
  text: string;
  phase: string | null;
  createdAt: string;
}

export interface AskRecord {
  id: number;
  meetingId: number | null;
  text: string;
  dueAt: string | null;
  barriers: string | null;
  support: string | null;
  outcome: string | null;
  result: string | null;
  checkinAt: string | null;
  checkedAt: string | null;
  createdAt: string;
}

export interface FollowUpRecord {
  id: number;
  meetingId: number | null;
  text: string;
  dueAt: string;
  doneAt: string | null;
  createdAt: string;
}

export interface MeetingRecord {
  id: number;
  person: { id: number; name: string };
  heldAt: string;
  goal: string;
  template: string;
  plannedMinutes: number;
  status: 'draft' | 'complete';
  step: string | null;
  currentPhase: number | null;
  plannedAsk: string | null;
  agitation: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  phases: MeetingPhaseRecord[];
  notes: NoteRecord[];
  asks: AskRecord[];
  followups: FollowUpRecord[];
}

export interface NewAsk {
  text: string;
  dueAt?: string | null;
  barriers?: string | null;
  support?: string | null;
  outcome?: string | null;
}

const NOTE_COLUMNS = `id, meeting_id AS meetingId, tag, text, phase_key AS phase, created_at AS createdAt`;
const ASK_COLUMNS = `id, meeting_id AS meetingId, text, due_at AS dueAt, barriers, support, outcome, result,
  checkin_at AS checkinAt, checked_at AS checkedAt, created_at AS createdAt`;
const FOLLOWUP_COLUMNS = `id, meeting_id AS meetingId, text, due_at AS dueAt, done_at AS doneAt, created_at AS createdAt`;

/** Meetings and what came out of them: phases, notes, asks, follow-ups. Each write is one statement, so it lands as it is made. */
export class MeetingStore {
  private readonly insertMeeting: Statement;
  private readonly insertPhase: Statement;
  private readonly insertNote: Statement;
  private readonly insertAsk: Statement;
  private readonly insertFollowUp: Statement;

  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statementCache(db);
    this.insertMeeting = db.prepare(`
      INSERT INTO meetings (person_id, held_at, goal, template, planned_minutes, status, planned_ask, agitation,
                            current_phase, created_at, updated_at, completed_at)
      VALUES (@personId, @heldAt, @goal, @template, @plannedMinutes, @status, @plannedAsk, @agitation,
              @currentPhase, @now, @now, @completedAt)`);
    this.insertPhase = db.prepare(`
      INSERT INTO meeting_phases (meeting_id, position, phase_key, title, planned_seconds, max_talk_share,
                                  actual_seconds, organizer_talk_seconds, other_talk_seconds)
      VALUES (@meetingId, @position, @key, @title, @plannedSeconds, @maxTalkShare,
              @actualSeconds, @organizerTalkSeconds, @otherTalkSeconds)`);
    this.insertNote = db.prepare(`
      INSERT INTO notes (person_id, meeting_id, tag, text, phase_key, created_at) VALUES (?, ?, ?, ?, ?, ?)`);
    this.insertAsk = db.prepare(`
      INSERT INTO asks (person_id, meeting_id, text, due_at, barriers, support, outcome, created_at)
      VALUES (@personId, @meetingId, @text, @dueAt, @barriers, @support, @outcome, @now)`);
    this.insertFollowUp = db.prepare(`
      INSERT INTO followups (person_id, meeting_id, text, due_at, created_at) VALUES (?, ?, ?, ?, ?)`);
  }

  add(meeting: NewMeeting, now: string): number {
    const id = Number(
      this.insertMeeting.run({
        plannedAsk: null, agitation: null, ...meeting, phases: undefined,
        currentPhase: meeting.status === 'draft' ? 0 : null,
        completedAt: meeting.status === 'complete' ? now : null, now,
      }).lastInsertRowid,
    );
    for (const phase of meeting.phases) {
      this.insertPhase.run({ actualSeconds: null, organizerTalkSeconds: null, otherTalkSeconds: null, ...phase, meetingId: id });
    }
    return id;
  }

  addNote(personId: number, meetingId: number | null, tag: string, text: string, phase: string | null, now: string): number {
    return Number(this.insertNote.run(personId, meetingId, tag, text, phase, now).lastInsertRowid);
  }

  addAsk(personId: number, meetingId: number | null, ask: NewAsk, now: string): number {
    return Number(
      this.insertAsk.run({ dueAt: null, barriers: null, support: null, outcome: null, ...ask, personId, meetingId, now }).lastInsertRowid,
    );
  }

  addFollowUp(personId: number, meetingId: number | null, text: string, dueAt: string, now: string): number {
    return Number(this.insertFollowUp.run(personId, meetingId, text, dueAt, now).lastInsertRowid);
  }

  get(id: number): MeetingRecord | undefined {
    const meeting = this.sql(`
        SELECT m.id, m.person_id AS personId, p.name AS personName, m.held_at AS heldAt, m.goal, m.template,
               m.planned_minutes AS plannedMinutes, m.status, m.step, m.current_phase AS currentPhase,
               m.planned_ask AS plannedAsk, m.agitation, m.created_at AS createdAt, m.updated_at AS updatedAt,
               m.completed_at AS completedAt
        FROM meetings m JOIN people p ON p.id = m.person_id WHERE m.id = ?`)
      .get(id) as (Omit<MeetingRecord, 'person' | 'phases' | 'notes' | 'asks' | 'followups'> & { personId: number; personName: string }) | undefined;
    if (!meeting) return undefined;
    const { personId, personName, ...rest } = meeting;
    return {
      ...rest,
      person: { id: personId, name: personName },
      phases: this.phases(id),
      notes: this.sql(`SELECT ${NOTE_COLUMNS} FROM notes WHERE meeting_id = ? ORDER BY id`).all(id) as NoteRecord[],
      asks: this.sql(`SELECT ${ASK_COLUMNS} FROM asks WHERE meeting_id = ? ORDER BY id`).all(id) as AskRecord[],
      followups: this.sql(`SELECT ${FOLLOWUP_COLUMNS} FROM followups WHERE meeting_id = ? ORDER BY id`).all(id) as FollowUpRecord[],
    };
  }

  phases(meetingId: number): MeetingPhaseRecord[] {
    return this.sql(`
        SELECT position, phase_key AS key, title, planned_seconds AS plannedSeconds, max_talk_share AS maxTalkShare,
               actual_seconds AS actualSeconds, organizer_talk_seconds AS organizerTalkSeconds,
               other_talk_seconds AS otherTalkSeconds, extra_seconds AS extraSeconds
        FROM meeting_phases WHERE meeting_id = ? ORDER BY position`)
      .all(meetingId) as MeetingPhaseRecord[];
  }

  /** Newest first: the order a person's record is read in. */
  idsForPerson(personId: number): number[] {
    return (
      this.sql(`SELECT id FROM meetings WHERE person_id = ? ORDER BY held_at DESC, id DESC`).all(personId) as { id: number }[]
    ).map(({ id }) => id);
  }

  notesForPerson(personId: number): NoteRecord[] {
    return this.sql(`SELECT ${NOTE_COLUMNS} FROM notes WHERE person_id = ? ORDER BY created_at, id`).all(personId) as NoteRecord[];
  }

  asksForPerson(personId: number): AskRecord[] {
    return this.sql(`SELECT ${ASK_COLUMNS} FROM asks WHERE person_id = ? ORDER BY created_at DESC, id DESC`).all(personId) as AskRecord[];
  }

  followUpsForPerson(personId: number): FollowUpRecord[] {
    return this.sql(`SELECT ${FOLLOWUP_COLUMNS} FROM followups WHERE person_id = ? ORDER BY done_at IS NOT NULL, due_at`)
      .all(personId) as FollowUpRecord[];
  }
}
