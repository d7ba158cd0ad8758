import type { Organizer } from '../store/contract.js';
import { counted, formatDateTime } from '../support/format.js';

export function teamMadeWords(admin: Organizer): string {
  return `The team is set up on this server, with ${admin.name} (login ${admin.login}) as its admin. Every note, meeting and person here is now theirs; add organizers with: oneonone team add NAME --role organizer --login LOGIN`;
}

export function organizerAddedWords(organizer: Organizer, madeLogin: boolean): string {
  const login = madeLogin ? `a new login ${organizer.login}, without a password yet (set one with psql: \\password ${organizer.login})` : `the existing login ${organizer.login}`;
  return `Added ${organizer.name} to the team as ${organizer.role}${organizer.supervisor ? `, led by ${organizer.supervisor}` : ''}, with ${login}.`;
}

export const NO_TEAM = 'This server has no team yet: set it up once, as its superuser: oneonone team init "Your Name"';

export const TEAM_NEEDS_SERVER_HINT = 'a team lives on a PostgreSQL server: --db postgres://… or ONEONONE_DB';

export function roleChangedWords(organizer: Organizer, was: string): string {
  return was === organizer.role ? `${organizer.name} is already ${organizer.role}; nothing changed.` : `${organizer.name} is now ${organizer.role} (was ${was}).`;
}

export function removedWords(organizer: Organizer, to: Organizer, people: number): string {
  const moved = people === 1 ? '1 person' : `${people} people`;
  return `${organizer.name} is off the team: ${moved} now ${people === 1 ? 'has' : 'have'} ${to.name} as organizer; their meetings and notes keep their name, and the login ${organizer.login} reads nothing here any more.`;
}

export function introductionWords(from: string | undefined, note: string): string {
  return `${from ? `Introduction from ${from}` : 'Introduction'}: ${note}`;
}

export interface HandoffWords {
  person: string;
  from: string | undefined;
  to: string;
  asksMoved: number;
  followUpsMoved: number;
  carry: boolean;
  introductionId: number;
  introductionDue: string;
}

export function handedOffWords(h: HandoffWords): string {
  const carried = h.carry
    ? `${counted(h.asksMoved, 'open ask')} and ${counted(h.followUpsMoved, 'open follow-up')} went with them`
    : 'their open asks and follow-ups stay with whoever holds them';
  return [
    `${h.person} is now ${h.to}'s${h.from ? ` (was ${h.from}'s)` : ''}; ${carried}.`,
    `  ${h.to} has the introduction as follow-up F${h.introductionId}, due ${formatDateTime(h.introductionDue)}. Undo with: oneonone undo`,
  ].join('\n');
}

export const HANDOFF_NOTE_HINT = 'say who they are, what they care about and what was promised: --note "…"';

export const SCOPE_ON_A_FILE = 'a file has one organizer: --team and --organizer are for a team server';

export function scopeRefusedWords(me: Organizer, whose: string): string {
  return `as ${me.role === 'organizer' ? 'an organizer' : `a ${me.role}`}, ${me.name} sees their own list${me.role === 'lead' ? " and their organizers'" : ''}, not ${whose === 'the team' ? "the whole team's" : `${whose}'s`}`;
}

export function knownToTeamWords(person: string, owner: string): string {
  return `${person} is already known to the team: ${owner}'s person. This meeting will be yours, and ${owner} will see it; to take them on, ask for a handoff.`;
}
