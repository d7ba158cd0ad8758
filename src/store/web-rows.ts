/** What both engines make of a relationship row: the contract's shape, and the order its two people are stored in. */
import type { Relationship, RelationshipKind } from './contract-web.js';

export type RelationshipRow = Omit<Relationship, 'other'> & { otherId: number; otherName: string };

export const relationship = ({ otherId, otherName, ...row }: RelationshipRow): Relationship => ({
  id: row.id, kind: row.kind, other: { id: otherId, name: otherName }, direction: row.direction, note: row.note, since: row.since, endedAt: row.endedAt,
});

/** Symmetric kinds are kept with the lower id first, so A–B and B–A are one row; 'leads' from the one who leads. */
export function stored(personId: number, otherId: number, kind: RelationshipKind): [number, number] {
  return kind === 'leads' ? [personId, otherId] : [Math.min(personId, otherId), Math.max(personId, otherId)];
}
