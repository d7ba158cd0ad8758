import type { Organizer } from '../store/contract.js';
import { counted } from '../support/format.js';
import { formats } from './format.js';
import { spokenCatalogues } from './spoken.js';

/** What the team's commands say when they did something (team, handoff), and their tables' headers. Another language is another object of this shape. */
export interface TeamWords {
  teamMade(admin: Organizer): string;
  organizerAdded(organizer: Organizer, madeLogin: boolean): string;
  noTeam: string;
  roleChanged(organizer: Organizer, was: string): string;
  removed(organizer: Organizer, to: Organizer, people: number): string;
  introduction(from: string | undefined, note: string): string;
  handedOff(h: HandoffWords): string;
  knownToTeam(person: string, owner: string): string;
  /** A role as it is shown (typed, and kept, as its code: organizer, lead, director, admin). */
  role(role: string): string;
  /** team list: the columns, and the mark beside the run's own login. */
  listHead: [string, string, string, string];
  you: string;
  /** team audit's columns. */
  auditHead: [string, string, string, string];
  /** An audit entry as the database wrote it (in English, src/store/postgres/team.ts), said in this language. */
  auditEntry(what: string, detail: string | null): { what: string; detail: string };
}

const TEAM_EN: TeamWords = {
  teamMade: (admin) =>
    `The team is set up on this server, with ${admin.name} (login ${admin.login}) as its admin. Every note, meeting and person here is now theirs; add organizers with: oneonone team add NAME --role organizer --login LOGIN`,
  organizerAdded: (organizer, madeLogin) => {
    const login = madeLogin ? `a new login ${organizer.login}, without a password yet (set one with psql: \\password ${organizer.login})` : `the existing login ${organizer.login}`;
    return `Added ${organizer.name} to the team as ${organizer.role}${organizer.supervisor ? `, led by ${organizer.supervisor}` : ''}, with ${login}.`;
  },
  noTeam: 'This server has no team yet: set it up once, as its superuser: oneonone team init "Your Name"',
  roleChanged: (organizer, was) =>
    was === organizer.role ? `${organizer.name} is already ${organizer.role}; nothing changed.` : `${organizer.name} is now ${organizer.role} (was ${was}).`,
  removed: (organizer, to, people) => {
    const moved = people === 1 ? '1 person' : `${people} people`;
    return `${organizer.name} is off the team: ${moved} now ${people === 1 ? 'has' : 'have'} ${to.name} as organizer; their meetings and notes keep their name, and the login ${organizer.login} reads nothing here any more.`;
  },
  introduction: (from, note) => `${from ? `Introduction from ${from}` : 'Introduction'}: ${note}`,
  handedOff: (h) => {
    const carried = h.carry
      ? `${counted(h.asksMoved, 'open ask')} and ${counted(h.followUpsMoved, 'open follow-up')} went with them`
      : 'their open asks and follow-ups stay with whoever holds them';
    return [
      `${h.person} is now ${h.to}'s${h.from ? ` (was ${h.from}'s)` : ''}; ${carried}.`,
      `  ${h.to} has the introduction as follow-up F${h.introductionId}, due ${formats().dateTime(h.introductionDue)}. Undo with: oneonone undo`,
    ].join('\n');
  },
  knownToTeam: (person, owner) =>
    `${person} is already known to the team: ${owner}'s person. This meeting will be yours, and ${owner} will see it; to take them on, ask for a handoff.`,
  role: (role) => role,
  listHead: ['organizer', 'role', 'led by', 'login'],
  you: ' (you)',
  auditHead: ['when', 'login', 'what', 'detail'],
  auditEntry: (what, detail) => ({ what, detail: detail ?? '' }),
};

/** The team's words in this run's language. */
export const teamWords = (): TeamWords => spokenCatalogues()?.team ?? TEAM_EN;

export function teamMadeWords(admin: Organizer): string {
  return teamWords().teamMade(admin);
}

export function organizerAddedWords(organizer: Organizer, madeLogin: boolean): string {
  return teamWords().organizerAdded(organizer, madeLogin);
}

export const noTeamWords = (): string => teamWords().noTeam;

export const TEAM_NEEDS_SERVER_HINT = 'a team lives on a PostgreSQL server: --db postgres://… or ONEONONE_DB';

export function roleChangedWords(organizer: Organizer, was: string): string {
  return teamWords().roleChanged(organizer, was);
}

export function removedWords(organizer: Organizer, to: Organizer, people: number): string {
  return teamWords().removed(organizer, to, people);
}

/** The introduction is written as a follow-up, in the language of the organizer who hands the person off. */
export function introductionWords(from: string | undefined, note: string): string {
  return teamWords().introduction(from, note);
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
  return teamWords().handedOff(h);
}

export const HANDOFF_NOTE_HINT = 'say who they are, what they care about and what was promised: --note "…"';

export const SCOPE_ON_A_FILE = 'a file has one organizer: --team and --organizer are for a team server';

export function scopeRefusedWords(me: Organizer, whose: string): string {
  return `as ${me.role === 'organizer' ? 'an organizer' : `a ${me.role}`}, ${me.name} sees their own list${me.role === 'lead' ? " and their organizers'" : ''}, not ${whose === 'the team' ? "the whole team's" : `${whose}'s`}`;
}

export function knownToTeamWords(person: string, owner: string): string {
  return teamWords().knownToTeam(person, owner);
}
