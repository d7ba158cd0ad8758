/** The words of coaching: a lead's or director's note on an organizer's meeting, and where the organizer reads it. Another language is another module of this shape. */
import type { CoachNote } from '../store/coach.js';
import { counted, formatDate } from '../support/format.js';
import { spokenCatalogues } from './spoken.js';

/** Why the server will not take this login's note on that meeting (team_coach_refusal). */
export type CoachRefusal = 'not-on-team' | 'not-a-coach' | 'unknown' | 'own' | 'not-led';

/** Why `coach` refuses before the server is asked, or because it has no team to coach in. */
export type CoachSetupRefusal = 'no-team' | 'old-team' | 'empty-note';

export interface Worded {
  message: string;
  hint: string;
}

export interface CoachWords {
  /** The server's refusal; `me` is who this login is on the team, if anyone. */
  refused(why: CoachRefusal, meeting: string, me: { name: string; role: string } | undefined): Worded;
  setup: Readonly<Record<CoachSetupRefusal, Worded>>;
  notInAFile(location: string): Worded;
  notAMeeting(input: string): Worded;
  /** A coach's note cannot be kept private: the organizer and their supervisors read it. */
  sensitiveHint: string;
  /** After `coach`: "Noted on M12 with Maria Lopez on …, held by Ana Ruiz: …". */
  coached(held: string, organizer: string, meeting: string): string;
  /** "M12 with Maria Lopez on Fri 4 Dec 2026". */
  held(meeting: string, person: string, heldAt: string): string;
  /** The top of the organizer's followups. */
  unreadHeading(count: number): string;
  unreadLines(coach: string, held: string, text: string, meeting: string): string[];
  /** An unread note as a row of followups --json (worded in English there, as all JSON is). */
  unreadRow(coach: string, meeting: string, text: string): string;
}

const COACH_EN: CoachWords = {
  refused: (why, meeting, me) => {
    const you = me ? `you are ${me.name}, ${me.role}` : 'you are not on the team';
    switch (why) {
      case 'not-on-team':
        return { message: `only someone on the team can coach a meeting (${you})`, hint: "ask the team's admin to add you (oneonone team add)" };
      case 'not-a-coach':
        return {
          message: `only a lead, a director or an admin can coach a meeting (${you})`,
          hint: 'your lead writes notes on your meetings; you read them in oneonone followups and oneonone review',
        };
      case 'unknown':
        return { message: `there is no meeting ${meeting} on the server`, hint: 'the meetings and their ids are in oneonone show "Name"' };
      case 'own':
        return {
          message: `${meeting} is your own meeting: a coach's note is for someone else's`,
          hint: `look back on it yourself with: oneonone review ${meeting} --add "what you would do differently"`,
        };
      case 'not-led':
        return {
          message: `${meeting} was not held by an organizer you lead, so you cannot coach it (${you})`,
          hint: "a lead coaches the meetings of the organizers they lead (oneonone team list); a director or an admin, anyone's",
        };
    }
  },
  setup: {
    'no-team': { message: 'this server has no team yet, and coaching is between organizers on a team', hint: 'set it up once, as the server\'s superuser: oneonone team init "Your Name"' },
    'old-team': { message: "this team was set up before coach's notes existed", hint: "ask the server's administrator to add them (oneonone team init makes them on a new server)" },
    'empty-note': { message: 'the note is empty', hint: 'say what you saw and what to try next: oneonone coach M12 --note "Great credential. Next time ask who else."' },
  },
  notInAFile: (location) => ({
    message: `coaching needs a team server: the record is the file ${location}, which only you read`,
    hint: 'a lead coaches on the team\'s PostgreSQL server: --db postgres://… or ONEONONE_DB',
  }),
  notAMeeting: (input) => ({ message: `"${input}" is not a meeting: give it as M12`, hint: 'oneonone coach M12 --note "…" (the ids are in oneonone show "Name")' }),
  sensitiveHint: "rewrite it without those words (the record needs the issue, not the status): a coach's note is read by the organizer and everyone who supervises them",
  coached: (held, organizer, meeting) => `Noted on ${held}, held by ${organizer}: it is at the top of their followups until they read it in oneonone review ${meeting}.`,
  held: (meeting, person, heldAt) => `${meeting} with ${person} on ${formatDate(heldAt)}`,
  unreadHeading: (count) => `${counted(count, "coach's note")} for you, not read yet:`,
  unreadLines: (coach, held, text, meeting) => [`${coach} on ${held}:`, `  ${text}`, `  read it with: oneonone review ${meeting}`],
  unreadRow: (coach, meeting, text) => `${coach}'s note on ${meeting}: ${text} (read it with: oneonone review ${meeting})`,
};

const words = (): CoachWords => spokenCatalogues()?.coach ?? COACH_EN;
const meeting = (id: number) => `M${id}`;

export function coachRefusedWords(why: CoachRefusal, meetingId: number, me: { name: string; role: string } | undefined): string {
  return words().refused(why, meeting(meetingId), me).message;
}

export function coachRefusedHint(why: CoachRefusal, meetingId: number): string {
  return words().refused(why, meeting(meetingId), undefined).hint;
}

/** Why `coach` cannot go on: no team on the server, a team from before coaching, or an empty note. */
export function coachSetupRefusal(why: CoachSetupRefusal): Worded {
  return words().setup[why];
}

export function notInAFileRefusal(location: string): Worded {
  return words().notInAFile(location);
}

export function notAMeetingRefusal(input: string): Worded {
  return words().notAMeeting(input);
}

export function sensitiveCoachHint(): string {
  return words().sensitiveHint;
}

const heldWords = (note: CoachNote) => words().held(meeting(note.meetingId), note.personName, note.heldAt);

/** After `coach`: one line on stderr. */
export function coachedWords(note: CoachNote): string {
  return words().coached(heldWords(note), note.organizer, meeting(note.meetingId));
}

/** The top of the organizer's followups. */
export function unreadHeading(count: number): string {
  return words().unreadHeading(count);
}

export function unreadLines(note: CoachNote): string[] {
  return words().unreadLines(note.coach, heldWords(note), note.text, meeting(note.meetingId));
}

/** An unread note as a row of followups --json. */
export function unreadRowWords(note: CoachNote): string {
  return words().unreadRow(note.coach, meeting(note.meetingId), note.text);
}
