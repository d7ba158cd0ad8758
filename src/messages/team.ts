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
