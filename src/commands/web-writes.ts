/**
 * The web written from elsewhere than its own commands — an import, the debrief, the outbox, `team import-local` —
 * by the same rules: a unit found by its name before one is made, a contact or a relationship never recorded twice.
 */
import { nameKey } from '../people/names.js';
import type { NewTouch, RelationshipKind, Touch, UnitKind, WebReader, WebRepository } from '../store/contract.js';

/** The unit of this name (accents and case aside), made, of `kind` and `size`, where the record has none: its id. */
export async function unitCalled(web: WebRepository, name: string, now: string, made: { kind: UnitKind; size: number | null } = { kind: 'other', size: null }): Promise<number> {
  const key = nameKey(name);
  return (await web.unitWithKey(key))?.id ?? (await web.addUnit({ name, nameKey: key, kind: made.kind, size: made.size }, now));
}

/** The same contact: the same way, moment and note (of the same person). */
export function sameTouch(known: Touch, touch: Pick<NewTouch, 'by' | 'touchedAt' | 'note'>): boolean {
  return known.by === touch.by && known.touchedAt === touch.touchedAt && known.note === touch.note;
}

export interface RelationshipToBring {
  kind: RelationshipKind;
  note: string | null;
  since: string;
  endedAt: string | null;
}

/**
 * A relationship of `from` and `to` (for 'leads', `from` leads), read through `web` and written only where `write`
 * is given (a dry run reads): an open one unless the record has it open; an ended one unless it has that one, or any
 * open one of the kind between the two (ending it again would end that one too). Whether it is (or would be) recorded.
 */
export async function bringRelationship(web: WebReader, write: WebRepository | undefined, from: number, to: number, r: RelationshipToBring): Promise<boolean> {
  const open = await web.between(from, to, r.kind);
  if (r.endedAt === null && open.some((known) => r.kind !== 'leads' || known.direction === 'leads')) return false;
  if (r.endedAt !== null) {
    if (open.length > 0) return false;
    const history = await web.relationshipsOf(from);
    if (history.some((known) => known.kind === r.kind && known.other.id === to && known.since === r.since && known.endedAt === r.endedAt)) return false;
  }
  await write?.relate({ personId: from, otherId: to, kind: r.kind, note: r.note }, r.since);
  if (r.endedAt !== null) await write?.unrelate(from, to, r.kind, r.endedAt);
  return true;
}
