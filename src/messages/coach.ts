/** The words of coaching: a lead's or director's note on an organizer's meeting, and where the organizer reads it. */
import type { CoachNote } from '../store/coach.js';
import { counted, formatDate } from '../support/format.js';

/** Why the server will not take this login's note on that meeting (team_coach_refusal). */
export type CoachRefusal = 'not-on-team' | 'not-a-coach' | 'unknown' | 'own' | 'not-led';

const meeting = (id: number) => `M${id}`;

export function coachRefusedWords(why: CoachRefusal, meetingId: number, me: { name: string; role: string } | undefined): string {
  const you = me ? `you are ${me.name}, ${me.role}` : 'you are not on the team';
  switch (why) {
    case 'not-on-team':
      return `only someone on the team can coach a meeting (${you})`;
    case 'not-a-coach':
      return `only a lead, a director or an admin can coach a meeting (${you})`;
    case 'unknown':
      return `there is no meeting ${meeting(meetingId)} on the server`;
    case 'own':
      return `${meeting(meetingId)} is your own meeting: a coach's note is for someone else's`;
    case 'not-led':
      return `${meeting(meetingId)} was not held by an organizer you lead, so you cannot coach it (${you})`;
  }
}

export function coachRefusedHint(why: CoachRefusal, meetingId: number): string {
  switch (why) {
    case 'not-on-team':
      return "ask the team's admin to add you (oneonone team add)";
    case 'not-a-coach':
      return 'your lead writes notes on your meetings; you read them in oneonone followups and oneonone review';
    case 'unknown':
      return 'the meetings and their ids are in oneonone show "Name"';
    case 'own':
      return `look back on it yourself with: oneonone review ${meeting(meetingId)} --add "what you would do differently"`;
    case 'not-led':
      return "a lead coaches the meetings of the organizers they lead (oneonone team list); a director or an admin, anyone's";
  }
}

export const NO_TEAM_WORDS = 'this server has no team yet, and coaching is between organizers on a team';
export const NO_TEAM_HINT = 'set it up once, as the server\'s superuser: oneonone team init "Your Name"';
export const OLD_TEAM_WORDS = "this team was set up before coach's notes existed";
export const OLD_TEAM_HINT = "ask the server's administrator to add them (oneonone team init makes them on a new server)";

export function notInAFileWords(location: string): string {
  return `coaching needs a team server: the record is the file ${location}, which only you read`;
}

export const NOT_IN_A_FILE_HINT = 'a lead coaches on the team\'s PostgreSQL server: --db postgres://… or ONEONONE_DB';

/** A coach's note cannot be kept private: the organizer and their supervisors read it. */
export const SENSITIVE_COACH_HINT = "rewrite it without those words (the record needs the issue, not the status): a coach's note is read by the organizer and everyone who supervises them";

export const EMPTY_NOTE = 'the note is empty';
export const EMPTY_NOTE_HINT = 'say what you saw and what to try next: oneonone coach M12 --note "Great credential. Next time ask who else."';

export function notAMeetingWords(input: string): string {
  return `"${input}" is not a meeting: give it as M12`;
}

export const NOT_A_MEETING_HINT = 'oneonone coach M12 --note "…" (the ids are in oneonone show "Name")';

const heldWords = (note: CoachNote) => `${meeting(note.meetingId)} with ${note.personName} on ${formatDate(note.heldAt)}`;

/** After `coach`: one line on stderr. */
export function coachedWords(note: CoachNote): string {
  return `Noted on ${heldWords(note)}, held by ${note.organizer}: it is at the top of their followups until they read it in oneonone review ${meeting(note.meetingId)}.`;
}

/** The top of the organizer's followups. */
export function unreadHeading(count: number): string {
  return `${counted(count, "coach's note")} for you, not read yet:`;
}

export function unreadLines(note: CoachNote): string[] {
  return [
    `${note.coach} on ${heldWords(note)}:`,
    `  ${note.text}`,
    `  read it with: oneonone review ${meeting(note.meetingId)}`,
  ];
}

/** An unread note as a row of followups --json. */
export function unreadRowWords(note: CoachNote): string {
  return `${note.coach}'s note on ${meeting(note.meetingId)}: ${note.text} (read it with: oneonone review ${meeting(note.meetingId)})`;
}
