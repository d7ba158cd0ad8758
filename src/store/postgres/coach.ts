/**
 * Coach's notes on a team server (the table, its functions and policies are `team init`'s, in team.ts). The database
 * decides who writes and reads each note; the refusal is asked of it first (team_coach_refusal, the function the
 * policy calls), so a lead who may not coach a meeting gets its one line, not "permission denied".
 */
import { coachRefusedHint, coachRefusedWords, coachSetupRefusal, type CoachRefusal } from '../../messages/coach.js';
import { UserError, worded } from '../../support/errors.js';
import type { CoachNote, CoachNotes } from '../coach.js';
import type { Query } from './client.js';
import { onTeam } from './on-team.js';

const COLUMNS = `c.id, c.meeting_id AS "meetingId", m.person_id AS "personId", p.name AS "personName", m.held_at AS "heldAt", coalesce(o.name, 'nobody on the team') AS organizer,
  coalesce(k.name, 'an administrator') AS coach, c.text, c.at, c.read_at AS "readAt"`;

/** Only the notes on meetings this login reads too: the holder, their lead, a director or an admin read both. */
const FROM = `coach_notes c JOIN meetings m ON m.id = c.meeting_id JOIN people p ON p.id = m.person_id
  LEFT JOIN organizers o ON o.id = m.organizer_id LEFT JOIN organizers k ON k.id = c.coach_id`;

const REFUSED = '42501';

export class PgCoach implements CoachNotes {
  constructor(private readonly q: Query) {}

  async add(meetingId: number, text: string, now: string): Promise<CoachNote> {
    await this.mustCoach();
    const refusal = await this.refusal(meetingId);
    if (refusal) throw await this.refused(refusal, meetingId);
    let id: number;
    try {
      id = (await this.q.row<{ id: number }>(`INSERT INTO coach_notes (meeting_id, text, at) VALUES ($1, $2, $3) RETURNING id`, [meetingId, text, now]))!.id;
    } catch (error) {
      // The policy has the last word: a supervisor changed between the question and the write.
      if ((error as { code?: string }).code !== REFUSED) throw error;
      throw await this.refused((await this.refusal(meetingId)) ?? 'not-led', meetingId);
    }
    return (await this.q.row<CoachNote>(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = $1`, [id]))!;
  }

  async forMeeting(meetingId: number): Promise<CoachNote[]> {
    if (!(await this.coaching())) return [];
    return this.q.rows<CoachNote>(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.meeting_id = $1 ORDER BY c.at, c.id`, [meetingId]);
  }

  async unread(): Promise<CoachNote[]> {
    if (!(await this.coaching())) return [];
    return this.q.rows<CoachNote>(`SELECT ${COLUMNS} FROM ${FROM} WHERE m.organizer_id = team_me() AND c.read_at IS NULL ORDER BY c.at, c.id`);
  }

  /** Row security lets only the holder's login change read_at: for anyone else this changes nothing. */
  async markRead(meetingId: number, now: string): Promise<void> {
    if (!(await this.coaching())) return;
    await this.q.run(`UPDATE coach_notes SET read_at = $2 WHERE meeting_id = $1 AND read_at IS NULL AND team_held(meeting_id)`, [meetingId, now]);
  }

  /**
   * A server without a team, or whose team was set up before coach's notes existed, has none: reads find nothing, so
   * followups and review work there as before. Asked, not caught, so a read inside a transaction never aborts it.
   */
  private async coaching(): Promise<boolean> {
    return (await this.q.row<{ coaching: boolean }>(`SELECT to_regclass('coach_notes') IS NOT NULL AS coaching`))?.coaching ?? false;
  }

  private async mustCoach(): Promise<void> {
    if (await this.coaching()) return;
    throw worded(coachSetupRefusal((await onTeam(this.q)) ? 'old-team' : 'no-team'));
  }

  private async refusal(meetingId: number): Promise<CoachRefusal | undefined> {
    return (await this.q.row<{ why: CoachRefusal | null }>(`SELECT team_coach_refusal($1::bigint) AS why`, [meetingId]))?.why ?? undefined;
  }

  private async refused(why: CoachRefusal, meetingId: number): Promise<UserError> {
    const me = await this.q.row<{ name: string; role: string }>(`SELECT name, role FROM organizers WHERE login = session_user AND removed_at IS NULL`);
    return new UserError(coachRefusedWords(why, meetingId, me), { hint: coachRefusedHint(why, meetingId) });
  }
}
