/**
 * The web of an organizer's own file brought to the team with their people (`team import-local`): where each stands
 * (an assessment the server has not made yet), their units (the server's of that name, else a new one), their
 * contacts that were not one-on-ones, and who knows whom among the people brought in. Written in one transaction
 * after the people and meetings land, in the importer's name; what the server already holds is left as it was, so a
 * second run brings nothing twice.
 */
import type { Relationship, Store, Transaction } from '../store/index.js';
import { nameKey } from '../people/names.js';

export interface WebBrought {
  assessed: number;
  /** A different assessment the server already had: kept. */
  assessmentsKept: number;
  units: number;
  touches: number;
  relationships: number;
}

const MOST_TOUCHES = 100_000;

export async function bringWeb(local: Store, server: Store, serverOf: Map<number, number>, fileName: string, dryRun: boolean): Promise<WebBrought> {
  const brought: WebBrought = { assessed: 0, assessmentsKept: 0, units: 0, touches: 0, relationships: 0 };
  const work = async (tx: Pick<Transaction, 'people' | 'web'> | undefined) => {
    const read = tx ?? server;
    const now = new Date().toISOString();
    const seenRelationships = new Set<number>();
    for (const [localId, serverId] of serverOf) {
      const mine = await local.people.get(localId);
      const theirs = await read.people.get(serverId);
      if (!mine || !theirs) continue;
      if (mine.assessment > 0 && mine.assessment !== theirs.assessment) {
        if (theirs.assessment === 0) {
          brought.assessed++;
          await tx?.people.assess(serverId, mine.assessment, { cause: 'import', reason: fileName, at: now });
        } else brought.assessmentsKept++;
      }
      const places = new Set((await read.web.placesOf(serverId)).map((place) => nameKey(place.name)));
      for (const place of await local.web.placesOf(localId)) {
        if (places.has(nameKey(place.name))) continue;
        brought.units++;
        if (!tx) continue;
        const key = nameKey(place.name);
        const unitId = (await tx.web.unitWithKey(key))?.id ?? (await tx.web.addUnit({ name: place.name, nameKey: key, kind: place.kind, size: place.size }, now));
        await tx.web.join(serverId, unitId, now);
      }
      const known = await read.web.touchesOf(serverId, MOST_TOUCHES);
      for (const touch of await local.web.touchesOf(localId, MOST_TOUCHES)) {
        if (known.some((t) => t.by === touch.by && t.touchedAt === touch.touchedAt && t.note === touch.note)) continue;
        brought.touches++;
        await tx?.web.touch({ personId: serverId, by: touch.by, note: touch.note, touchedAt: touch.touchedAt }, now);
      }
      for (const relationship of await local.web.relationshipsOf(localId)) {
        const otherId = serverOf.get(relationship.other.id);
        if (otherId === undefined || otherId === serverId || seenRelationships.has(relationship.id)) continue;
        seenRelationships.add(relationship.id);
        if (await bringRelationship(read.web, tx, serverId, otherId, relationship)) brought.relationships++;
      }
    }
  };
  if (dryRun) await work(undefined);
  else await server.write((tx) => work(tx), { kind: 'import', detail: { file: fileName } });
  return brought;
}

/** A relationship seen from the person: open ones unless the server has it open; ended ones unless it has that one. */
async function bringRelationship(
  read: Store['web'], tx: Pick<Transaction, 'web'> | undefined, personId: number, otherId: number, r: Relationship,
): Promise<boolean> {
  const [from, to] = r.direction === 'led-by' ? [otherId, personId] : [personId, otherId];
  const open = (await read.between(from, to, r.kind)).some((known) => r.kind !== 'leads' || known.direction === 'leads');
  if (r.endedAt === null) {
    if (open) return false;
    await tx?.web.relate({ personId: from, otherId: to, kind: r.kind, note: r.note }, r.since);
    return true;
  }
  const history = await read.relationshipsOf(from);
  if (open || history.some((known) => known.kind === r.kind && known.other.id === to && known.since === r.since && known.endedAt === r.endedAt)) return false;
  if (tx) {
    await tx.web.relate({ personId: from, otherId: to, kind: r.kind, note: r.note }, r.since);
    await tx.web.unrelate(from, to, r.kind, r.endedAt);
  }
  return true;
}
