import { SCOPE_ON_A_FILE, scopeRefusedWords } from '../messages/team.js';
import type { Store } from '../store/contract.js';
import { UserError } from '../support/errors.js';

export interface ScopeOptions {
  team?: boolean;
  organizer?: string;
}

/**
 * Whose list a listing shows: on a team server your own by default; `--team` the wider view your role allows (a lead's
 * organizers, everyone for a director or admin); `--organizer NAME` one organizer's, where your role allows it.
 * Undefined: everyone's (a file has one organizer; a superuser is bound by no role).
 */
export async function organizersInView(store: Store, options: ScopeOptions): Promise<number[] | undefined> {
  const wider = options.team || options.organizer !== undefined;
  const team = store.team && (await store.team.isTeam()) ? store.team : undefined;
  if (!team) {
    if (wider) throw new UserError(SCOPE_ON_A_FILE, { hint: 'drop --team and --organizer' });
    return undefined;
  }
  const me = await team.me();
  if (options.organizer !== undefined) {
    const them = await team.organizer(options.organizer);
    const allowed = !me || me.id === them.id || me.role === 'director' || me.role === 'admin' || (me.role === 'lead' && them.supervisor === me.name);
    if (!allowed) throw new UserError(scopeRefusedWords(me!, them.name), { hint: 'see your own without --organizer' });
    return [them.id];
  }
  if (!me) return undefined;
  if (!options.team) return [me.id];
  if (me.role === 'director' || me.role === 'admin') return undefined;
  if (me.role === 'organizer') throw new UserError(scopeRefusedWords(me, 'the team'), { hint: 'see your own without --team' });
  return [me.id, ...(await team.list()).filter((o) => o.supervisor === me.name).map((o) => o.id)];
}
