/**
 * The web of an organizer's own file brought to the team with their people (`team import-local`): where each stands
 * (an assessment the server has not made yet), their units (the server's of that name, else a new one), their
 * contacts that were not one-on-ones, and who knows whom among the people brought in. Written in one transaction
 * after the people and meetings land, in the importer's name; what the server already holds is left as it was, so a
 * second run brings nothing twice.
 */
import type { Store, Transaction } from '../store/index.js';
import { nameKey } from '../people/names.js';
import { bringRelationship, sameTouch, unitCalled } from './web-writes.js';

export interface WebBrought {
  assessed: number;
  /** A different assessment the server already had: kept. */
  assessmentsKept: number;
  units: number;
  touches: number;
  relationships: number;
}

const MOST_TOUCHES = 100_000;

export async function bringWeb(local: Store, server: Store, serverOf: Map<number, number>, fileName: string): Promise<WebBrought> {
  // Counted inside the write: a server transaction tried again after losing a race counts afresh.
  const work = async (tx: Pick<Transaction, 'people' | 'web'>): Promise<WebBrought> => {
    const brought: WebBrought = { assessed: 0, assessmentsKept: 0, units: 0, touches: 0, relationships: 0 };
    const now = new Date().toISOString();
    const seenRelationships = new Set<number>();
    for (const [localId, serverId] of serverOf) {
      const mine = await local.people.get(localId);
      const theirs = await tx.people.get(serverId);
      if (!mine || !theirs) continue;
      if (mine.assessment > 0 && mine.assessment !== theirs.assessment) {
        if (theirs.assessment === 0) {
          brought.assessed++;
          await tx.people.assess(serverId, mine.assessment, { cause: 'import', reason: fileName, at: now });
        } else brought.assessmentsKept++;
      }
      const places = new Set((await tx.web.placesOf(serverId)).map((place) => nameKey(place.name)));
      for (const place of await local.web.placesOf(localId)) {
        if (places.has(nameKey(place.name))) continue;
        brought.units++;
        await tx.web.join(serverId, await unitCalled(tx.web, place.name, now, place), now);
      }
      const known = await tx.web.touchesOf(serverId, MOST_TOUCHES);
      for (const touch of await local.web.touchesOf(localId, MOST_TOUCHES)) {
        if (known.some((t) => sameTouch(t, touch))) continue;
        brought.touches++;
        await tx.web.touch({ personId: serverId, by: touch.by, note: touch.note, touchedAt: touch.touchedAt }, now);
      }
      for (const r of await local.web.relationshipsOf(localId)) {
        const otherId = serverOf.get(r.other.id);
        if (otherId === undefined || otherId === serverId || seenRelationships.has(r.id)) continue;
        seenRelationships.add(r.id);
        const [from, to] = r.direction === 'led-by' ? [otherId, serverId] : [serverId, otherId];
        if (await bringRelationship(tx.web, tx.web, from, to, r)) brought.relationships++;
      }
    }
    return brought;
  };
  return server.write((tx) => work(tx), { kind: 'import', detail: { file: fileName } });
}
