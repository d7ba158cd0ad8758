import type { Organizer } from '../store/contract.js';

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
