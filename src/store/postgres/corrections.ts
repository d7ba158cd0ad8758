import { UserError } from '../../support/errors.js';
import type { AskEdit, CorrectionRepository, FollowUpEdit, MeetingEdit, NoteEdit, NoteState, PersonEdit } from '../contract.js';
import type { Query } from './client.js';
import { onTeam } from './on-team.js';
import { mergeWebStatements } from './web.js';
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
export const PERSON_ROWS = ['meetings', 'notes', 'asks', 'followups', 'rung_changes', 'person_names', 'assessment_changes', 'touches'];
/** What else names a meeting, deleted before it (the follow-ups go first, with the asks'). */
const MEETING_ROWS = ['rung_changes', 'meeting_phases', 'notes', 'asks'];

export class PgCorrections implements CorrectionRepository {
  constructor(private readonly q: Query) {}

  async note(id: number): Promise<NoteState | undefined> {
    return this.q.row<NoteState>(`
      SELECT n.id, n.meeting_id AS "meetingId", n.tag, n.text, n.phase_key AS phase, n.created_at AS "createdAt",
             n.person_id AS "personId", p.name AS person
      FROM notes n JOIN people p ON p.id = n.person_id WHERE n.id = $1`, [id]);
  }

  async editPerson(id: number, edit: PersonEdit, now: string): Promise<void> {
    await this.update('people', PERSON_FIELDS, id, { ...edit, interpreter: storedInterpreter(edit.interpreter) }, { updated_at: now });
  }

  async addFormerName(personId: number, name: string, nameKey: string, now: string): Promise<void> {
    await this.q.run(`INSERT INTO person_names (person_id, name, name_key, created_at) VALUES ($1, $2, $3, $4)`, [personId, name, nameKey, now]);
  }

  async merge(fromId: number, intoId: number): Promise<void> {
    if (fromId === intoId) return;
    if (await onTeam(this.q)) {
      await this.q.run(`SELECT team_merge_people($1, $2)`, [fromId, intoId]);
      return;
    }
    // The duplicate's "added" step is not a step of the person kept: they were added once, with their own record.
    await this.q.run(`DELETE FROM rung_changes WHERE person_id = $1 AND cause = 'added'`, [fromId]);
    for (const table of PERSON_ROWS) await this.q.run(`UPDATE ${table} SET person_id = $1 WHERE person_id = $2`, [intoId, fromId]);
    for (const statement of mergeWebStatements('$1::bigint', '$2::bigint')) await this.q.run(statement, [fromId, intoId]);
    await this.q.run(`UPDATE people SET referred_by = CASE WHEN id = $2 THEN NULL ELSE $2::bigint END WHERE referred_by = $1`, [fromId, intoId]);
    await this.q.run(`DELETE FROM people WHERE id = $1`, [fromId]);
  }

  async editMeeting(id: number, edit: MeetingEdit, now: string): Promise<void> {
    await this.update('meetings', MEETING_FIELDS, id, edit, { updated_at: now });
  }

  async editNote(id: number, edit: NoteEdit): Promise<void> {
    if ((await this.update('notes', NOTE_FIELDS, id, edit)) === 0) throw notTheAuthor(id);
  }

  async editAsk(id: number, edit: AskEdit): Promise<void> {
    await this.update('asks', ASK_FIELDS, id, edit);
  }

  async editFollowUp(id: number, edit: FollowUpEdit): Promise<void> {
    await this.update('followups', FOLLOWUP_FIELDS, id, edit);
  }

  async deleteMeeting(id: number, now: string): Promise<void> {
    const meeting = await this.q.row<{ personId: number }>(`SELECT person_id AS "personId" FROM meetings WHERE id = $1`, [id]);
    if (!meeting) return;
    await this.q.run(`DELETE FROM followups WHERE meeting_id = $1 OR ask_id IN (SELECT id FROM asks WHERE meeting_id = $1)`, [id]);
    // Not left to the cascade: PostgreSQL journals a cascade's rows after the meeting's, and undo puts rows back newest first.
    for (const table of MEETING_ROWS) await this.q.run(`DELETE FROM ${table} WHERE meeting_id = $1`, [id]);
    await this.q.run(`DELETE FROM meetings WHERE id = $1`, [id]);
    await this.q.run(`
      UPDATE people SET rung = coalesce((SELECT to_rung FROM rung_changes WHERE person_id = $1 ORDER BY changed_at DESC, id DESC LIMIT 1), rung),
                        updated_at = $2
      WHERE id = $1`, [meeting.personId, now]);
  }

  async deleteNote(id: number): Promise<void> {
    const deleted = await this.q.run(`DELETE FROM notes WHERE id = $1`, [id]);
    // No such note is nothing to do; one this login reads but could not delete is a teammate's.
    if (deleted === 0 && (await this.q.row(`SELECT 1 FROM notes WHERE id = $1`, [id]))) throw notTheAuthor(id);
  }

  async deleteAsk(id: number): Promise<void> {
    await this.q.run(`DELETE FROM followups WHERE ask_id = $1`, [id]);
    await this.q.run(`DELETE FROM asks WHERE id = $1`, [id]);
  }

  async deleteFollowUp(id: number): Promise<void> {
    await this.q.run(`DELETE FROM followups WHERE id = $1`, [id]);
  }

  /** How many rows changed: none when row security kept this login from the row (a teammate's note). */
  private async update<E extends object>(table: string, fields: Record<keyof E, string>, id: number, edit: E, also: Record<string, string> = {}): Promise<number | undefined> {
    const given = (Object.keys(edit) as (keyof E)[]).filter((field) => edit[field] !== undefined);
    if (given.length === 0) return undefined;
    const params: Record<string, unknown> = { id, ...also };
    const sets = given.map((field) => {
      params[String(field)] = edit[field];
      return `${fields[field]} = @${String(field)}`;
    });
    for (const column of Object.keys(also)) sets.push(`${column} = @${column}`);
    return this.q.run(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = @id`, params);
  }
}

/** The note was read, so it is there: on a team server only its author may change it. */
function notTheAuthor(id: number): UserError {
  return new UserError(`note N${id} was written by another organizer, and only its author can change or delete it`, { hint: 'ask them, or add a note of your own: oneonone log NAME --note "…"' });
}
