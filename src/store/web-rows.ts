/** What both engines make of a relationship row: the contract's shape, and the order its two people are stored in. */
import type { Relationship, RelationshipKind } from './contract-web.js';
import type { UnitStructure } from './contract-power.js';

export type RelationshipRow = Omit<Relationship, 'other'> & { otherId: number; otherName: string };

export const relationship = ({ otherId, otherName, ...row }: RelationshipRow): Relationship => ({
  id: row.id, kind: row.kind, other: { id: otherId, name: otherName }, direction: row.direction, note: row.note, since: row.since, endedAt: row.endedAt,
});

/** Symmetric kinds are kept with the lower id first, so A–B and B–A are one row; 'leads' from the one who leads. */
export function stored(personId: number, otherId: number, kind: RelationshipKind): [number, number] {
  return kind === 'leads' ? [personId, otherId] : [Math.min(personId, otherId), Math.max(personId, otherId)];
}

/** A unit's counts as both engines' structure query returns them. */
export interface StructureRow {
  id: number;
  name: string;
  kind: UnitStructure['unit']['kind'];
  size: number | null;
  known: number;
  assessed: number;
  supporters: number;
  recent: number;
}

/** The unit's structure from its counts and its leaders. */
export function unitStructure(row: StructureRow, leaders: UnitStructure['leaders']): UnitStructure {
  return {
    unit: { id: row.id, name: row.name, kind: row.kind, size: row.size },
    known: row.known, assessed: row.assessed, supporters: row.supporters, recentOneOnOnes: row.recent, leaders,
  };
}

/** Each leader with the members they lead (rows of: leader id, member id, member name). */
export function leadersLeading(leaders: { id: number; name: string }[], led: { leader: number; id: number; name: string }[]): UnitStructure['leaders'] {
  return leaders.map((leader) => ({ ...leader, leads: led.filter((member) => member.leader === leader.id).map(({ id, name }) => ({ id, name })) }));
}
