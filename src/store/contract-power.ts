/**
 * Pictures of the web in the store contract: the power map (the people within a few ties of a person or a unit, and
 * the ties among them) and the structure test (per unit, how far the organizing has reached toward a majority).
 * On a team server both hold only what the viewer may read: row security decides, as everywhere else.
 */
import type { RelationshipKind, UnitKind } from './contract-web.js';

/** A tie on the map: an open relationship, or a referral (`from` brought `to` in). For 'leads', `from` leads `to`. */
export type TieKind = RelationshipKind | 'referred';

export interface MapPerson {
  id: number;
  name: string;
  rung: string;
  /** 0 not assessed, 1 strong supporter … 5 opposed. */
  assessment: number;
  /** How many ties from where the map starts (0: the person, or a member of the unit). */
  depth: number;
}

export interface MapTie {
  from: number;
  to: number;
  kind: TieKind;
}

export interface PowerMap {
  people: MapPerson[];
  ties: MapTie[];
  /** People within the depth left out because the map holds at most `most`; 0 when none were. */
  leftOut: number;
}

export interface MapReadModel {
  /** The people within `depth` ties of `start` (nearest first, at most `most`), and every tie among those kept. */
  around(start: readonly number[], depth: number, most: number): Promise<PowerMap>;
  /** The ids of the people who belong to the unit, the map's start for `map --unit`. */
  membersOf(unitId: number): Promise<number[]>;
}

/** One unit's structure test: who is known there and how they stand. */
export interface UnitStructure {
  unit: { id: number; name: string; kind: UnitKind; size: number | null };
  /** People in the record who belong to it. */
  known: number;
  /** Of those, assessed (1–5). */
  assessed: number;
  /** Of those, at 1 or 2 (strong supporter, supporter). */
  supporters: number;
  /**
   * Members on the leader rung or leading someone (an open 'leads' relationship), by name, each with the members of
   * this unit they lead.
   */
  leaders: { id: number; name: string; leads: { id: number; name: string }[] }[];
  /** Complete one-on-ones held with its members since the `since` given. */
  recentOneOnOnes: number;
}

export interface StructureReadModel {
  /** Every unit (or the one given), by name; 1:1s counted from `since` (ISO-8601). */
  structure(unitId: number | undefined, since: string): Promise<UnitStructure[]>;
}
