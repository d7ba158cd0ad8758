import { knownToTeamWords } from '../messages/team.js';
import type { PersonRow, Store } from '../store/contract.js';

/**
 * On a team server, meeting someone another organizer owns is said before anything is written, so two organizers
 * never work the same person without knowing it. Undefined: nothing to say (a file, your own person, nobody's).
 */
export async function whoseTheyAre(store: Store, person: PersonRow): Promise<string | undefined> {
  if (!store.team || !(await store.team.isTeam())) return undefined;
  const [me, { owner }] = await Promise.all([store.team.me(), store.team.organizersOf(person.id)]);
  return owner !== null && owner !== me?.name ? knownToTeamWords(person.name, owner) : undefined;
}
