import { noTeamWords, organizerAddedWords, removedWords, roleChangedWords, teamMadeWords } from '../messages/team.js';
import type { TeamAdmin, TeamRole } from '../store/contract.js';
import { DomainError } from '../support/errors.js';
import { printJson, printMessage } from '../ui/output.js';
import { renderAudit, renderOrganizers } from '../ui/team.js';
import { useColor, withStore, type GlobalOptions } from './context.js';

export interface TeamAddOptions {
  role: TeamRole;
  login?: string;
  supervisor?: string;
}

/** `oneonone team init NAME`: once, as the server's superuser. */
export async function runInit(name: string, globals: GlobalOptions): Promise<void> {
  await withTeam(globals, async (team) => printMessage(teamMadeWords(await team.init(name.trim()))));
}

/** `oneonone team add NAME --role … [--login …] [--supervisor …]` (an admin). */
export async function runAdd(name: string, options: TeamAddOptions, globals: GlobalOptions): Promise<void> {
  await withTeam(globals, async (team) => {
    const login = options.login ?? loginFor(name);
    const { organizer, madeLogin } = await team.add({ name: name.trim(), role: options.role, login, supervisor: options.supervisor });
    printMessage(organizerAddedWords(organizer, madeLogin));
  });
}

/** `oneonone team list [--json]`. */
export async function runList(options: { json?: boolean }, globals: GlobalOptions): Promise<void> {
  await withTeam(globals, async (team) => {
    const organizers = await team.list();
    if (options.json) return printJson(organizers);
    if (organizers.length === 0) return printMessage(noTeamWords());
    renderOrganizers(organizers, await team.me(), useColor(globals));
  });
}

/** `oneonone team role NAME --role …` (an admin). */
export async function runRole(name: string, options: { role: TeamRole }, globals: GlobalOptions): Promise<void> {
  await withTeam(globals, async (team) => {
    const { organizer, was } = await team.changeRole(name, options.role);
    printMessage(roleChangedWords(organizer, was));
  });
}

/** `oneonone team remove NAME --to NAME` (an admin). */
export async function runRemove(name: string, options: { to: string }, globals: GlobalOptions): Promise<void> {
  await withTeam(globals, async (team) => {
    const { organizer, to, people } = await team.remove(name, options.to);
    printMessage(removedWords(organizer, to, people));
  });
}

/** `oneonone team audit [--json]` (an admin). */
export async function runAudit(options: { json?: boolean }, globals: GlobalOptions): Promise<void> {
  await withTeam(globals, async (team) => {
    const entries = await team.audit();
    if (options.json) return printJson(entries);
    renderAudit(entries, useColor(globals));
  });
}

async function withTeam(globals: GlobalOptions, work: (team: TeamAdmin) => Promise<void>): Promise<void> {
  await withStore(globals, 'write', async (store) => {
    if (!store.team) throw new DomainError('team.on-a-file', { location: store.location, handing: null });
    await work(store.team);
  });
}

/** "Ana Ruiz" logs in as ana_ruiz unless told otherwise: PostgreSQL role names are simplest in lowercase ASCII. */
function loginFor(name: string): string {
  const login = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (login === '') throw new DomainError('team.no-login', { name });
  return login;
}
