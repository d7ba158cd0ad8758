/**
 * The web of relationships in the store contract: who knows whom (typed, dated relationships between two people)
 * and the places people share (units: a building, a worksite, a congregation, with the people who belong to them).
 * Referrals stay where they are (people.referred_by): who brought whom is another question.
 */

export const RELATIONSHIP_KINDS = ['family', 'coworker', 'neighbor', 'same-building', 'congregation', 'friend', 'leads', 'other'] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

/** The one kind with a direction: A leads B is not B leads A. */
export const DIRECTED_KIND: RelationshipKind = 'leads';

export const UNIT_KINDS = ['building', 'worksite', 'shift', 'school', 'congregation', 'block', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A relationship as seen from one of the two people in it. */
export interface Relationship {
  id: number;
  kind: RelationshipKind;
  /** The other person in it. */
  other: { id: number; name: string };
  /** For 'leads': whether the person asked about leads the other or is led by them; null for every other kind. */
  direction: 'leads' | 'led-by' | null;
  note: string | null;
  /** When it was recorded. */
  since: string;
  /** When `unrelate` ended it (kept, not erased); null while it holds. */
  endedAt: string | null;
}

export interface NewRelationship {
  /** For 'leads', the one who leads. */
  personId: number;
  otherId: number;
  kind: RelationshipKind;
  note: string | null;
}

export interface Unit {
  id: number;
  name: string;
  kind: UnitKind;
  /** How many tenants, workers or members it has, where known. */
  size: number | null;
  /** How many people in the record belong to it. */
  people: number;
  createdAt: string;
}

/** A unit a person belongs to, and since when. */
export interface Place {
  id: number;
  name: string;
  kind: UnitKind;
  size: number | null;
  since: string;
}

export interface NewUnit {
  name: string;
  nameKey: string;
  kind: UnitKind;
  size: number | null;
}

/** A field given is written (size null clears it), one left out is kept. */
export interface UnitEdit {
  name?: string;
  nameKey?: string;
  kind?: UnitKind;
  size?: number | null;
}

/** A contact that is not a one-on-one: a call, a text, a door knocked, a word at an event. */
export const TOUCH_KINDS = ['call', 'text', 'door', 'event', 'other'] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

export interface NewTouch {
  personId: number;
  by: TouchKind;
  note: string | null;
  touchedAt: string;
}

export interface Touch {
  id: number;
  by: TouchKind;
  note: string | null;
  touchedAt: string;
}

export interface WebReader {
  /** The person's contacts that were not one-on-ones, latest first, at most `most`. */
  touchesOf(personId: number, most: number): Promise<Touch[]>;
  /** Every relationship the person is in, open ones first, then by when they were recorded. */
  relationshipsOf(personId: number): Promise<Relationship[]>;
  /** The open relationships between the two (in either direction), seen from `personId`; of one kind when given. */
  between(personId: number, otherId: number, kind?: RelationshipKind): Promise<Relationship[]>;
  /** Every unit, by name, with how many people belong to each. */
  units(): Promise<Unit[]>;
  /** The unit whose name has this key (nameKey: accents and case do not matter). */
  unitWithKey(nameKey: string): Promise<Unit | undefined>;
  /** The units the person belongs to, by name. */
  placesOf(personId: number): Promise<Place[]>;
}

export interface WebRepository extends WebReader {
  /** Records the contact; its id. */
  touch(touch: NewTouch, now: string): Promise<number>;
  /** Records the relationship; undefined (and nothing written) when the same one is already open. */
  relate(relationship: NewRelationship, now: string): Promise<number | undefined>;
  /** Ends the open relationships between the two (either direction), of one kind when given; how many it ended. */
  unrelate(personId: number, otherId: number, kind: RelationshipKind | undefined, now: string): Promise<number>;
  addUnit(unit: NewUnit, now: string): Promise<number>;
  editUnit(id: number, edit: UnitEdit, now: string): Promise<void>;
  /** False when they already belong to it. */
  join(personId: number, unitId: number, now: string): Promise<boolean>;
  /** False when they did not belong to it. */
  leave(personId: number, unitId: number): Promise<boolean>;
}
