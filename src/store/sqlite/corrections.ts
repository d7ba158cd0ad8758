import type { Statement } from 'better-sqlite3';
import type { AskEdit, CorrectionRepository, FollowUpEdit, MeetingEdit, NoteEdit, NoteState, PersonEdit } from '../contract.js';
import { statementCache, type Db } from './db.js';
import { mergeWeb } from './web.js';
import { storedInterpreter } from './people.js';

const PERSON_FIELDS: Record<keyof PersonEdit, string> = {
  name: 'name', nameKey: 'name_key', email: 'email', phone: 'phone', neighborhood: 'neighborhood', organization: 'organization',
  notes: 'notes', referredBy: 'referred_by', potential: 'potential', language: 'language', interpreter: 'interpreter',
};
const MEETING_FIELDS: Record<keyof MeetingEdit, string> = { heldAt: 'held_at', goal: 'goal', plannedMinutes: 'planned_minutes', mode: 'mode', place: 'place' };
const NOTE_FIELDS: Record<keyof NoteEdit, string> = { text: 'text', tag: 'tag' };
const ASK_FIELDS: Record<keyof AskEdit, string> = { text: 'text', dueAt: 'due_at', outcome: 'outcome', barriers: 'barriers', support: 'support' };
const FOLLOWUP_FIELDS: Record<keyof FollowUpEdit, string> = { text: 'text', dueAt: 'due_at' };

/** Where each kind of row that names a person keeps that name. */
const PERSON_ROWS = ['meetings', 'notes', 'asks', 'followups', 'rung_changes', 'person_names', 'assessment_changes', 'touches'];

export class SqliteCorrections implements CorrectionRepository {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statementCache(db);
  }

  async note(id: number): Promise<NoteState | undefined> {
    return this.sql(`
      SELECT n.id, n.meeting_id AS meetingId, n.tag, n.text, n.phase_key AS phase, n.created_at AS createdAt,
             n.person_id AS personId, p.name AS person
      FROM notes n JOIN people p ON p.id = n.person_id WHERE n.id = ?`).get(id) as NoteState | undefined;
  }

  async editPerson(id: number, edit: PersonEdit, now: string): Promise<void> {
    this.update('people', PERSON_FIELDS, id, { ...edit, interpreter: storedInterpreter(edit.interpreter) }, { updated_at: now });
  }

  async addFormerName(personId: number, name: string, nameKey: string, now: string): Promise<void> {
    this.sql(`INSERT INTO person_names (person_id, name, name_key, created_at) VALUES (?, ?, ?, ?)`).run(personId, name, nameKey, now);
  }

  async merge(fromId: number, intoId: number): Promise<void> {
    if (fromId === intoId) return;
    // The duplicate's "added" step is not a step of the person kept: they were added once, with their own record.
    this.sql(`DELETE FROM rung_changes WHERE person_id = ? AND cause = 'added'`).run(fromId);
    for (const table of PERSON_ROWS) this.sql(`UPDATE ${table} SET person_id = ? WHERE person_id = ?`).run(intoId, fromId);
    mergeWeb(this.sql, fromId, intoId);
    this.sql(`UPDATE people SET referred_by = CASE WHEN id = @into THEN NULL ELSE @into END WHERE referred_by = @from`).run({ from: fromId, into: intoId });
    this.sql(`DELETE FROM people WHERE id = ?`).run(fromId);
  }

  async editMeeting(id: number, edit: MeetingEdit, now: string): Promise<void> {
    this.update('meetings', MEETING_FIELDS, id, edit, { updated_at: now });
  }

  async editNote(id: number, edit: NoteEdit): Promise<void> {
    this.update('notes', NOTE_FIELDS, id, edit);
  }

  async editAsk(id: number, edit: AskEdit): Promise<void> {
    this.update('asks', ASK_FIELDS, id, edit);
  }

  async editFollowUp(id: number, edit: FollowUpEdit): Promise<void> {
    this.update('followups', FOLLOWUP_FIELDS, id, edit);
  }

  async deleteMeeting(id: number, now: string): Promise<void> {
    const meeting = this.sql(`SELECT person_id AS personId FROM meetings WHERE id = ?`).get(id) as { personId: number } | undefined;
    if (!meeting) return;
    this.sql(`DELETE FROM followups WHERE meeting_id = ? OR ask_id IN (SELECT id FROM asks WHERE meeting_id = ?)`).run(id, id);
    this.sql(`DELETE FROM rung_changes WHERE meeting_id = ?`).run(id);
    this.sql(`DELETE FROM meetings WHERE id = ?`).run(id);
    this.sql(`
      UPDATE people SET rung = coalesce((SELECT to_rung FROM rung_changes WHERE person_id = @person ORDER BY changed_at DESC, id DESC LIMIT 1), rung),
                        updated_at = @now
      WHERE id = @person`).run({ person: meeting.personId, now });
  }

  async deleteNote(id: number): Promise<void> {
    this.sql(`DELETE FROM notes WHERE id = ?`).run(id);
  }

  async deleteAsk(id: number): Promise<void> {
    this.sql(`DELETE FROM followups WHERE ask_id = ?`).run(id);
    this.sql(`DELETE FROM asks WHERE id = ?`).run(id);
  }

  async deleteFollowUp(id: number): Promise<void> {
    this.sql(`DELETE FROM followups WHERE id = ?`).run(id);
  }

  private update<E extends object>(table: string, fields: Record<keyof E, string>, id: number, edit: E, also: Record<string, string> = {}): void {
    const given = (Object.keys(edit) as (keyof E)[]).filter((field) => edit[field] !== undefined);
    if (given.length === 0) return;
    const params: Record<string, unknown> = { id, ...also };
    const sets = given.map((field) => {
      params[String(field)] = edit[field];
      return `${fields[field]} = @${String(field)}`;
    });
    for (const column of Object.keys(also)) sets.push(`${column} = @${column}`);
    this.sql(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = @id`).run(params);
  }
}
