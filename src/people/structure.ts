/**
 * The structure test as organizers run it on a building or a shop: against the whole unit (its size where known,
 * else the people known there), how many support, how many more a majority needs, and whether every member has a
 * leader who is theirs to talk to — the common rule of one committee member for about ten people.
 */

/** About how many people one leader can keep in touch with. */
export const PEOPLE_PER_LEADER = 10;
/** How far back "recent" one-on-ones go, in days. */
export const RECENT_DAYS = 30;

export interface StructureCounts {
  size: number | null;
  known: number;
  assessed: number;
  supporters: number;
  /** The ids of the unit's leaders and, for each, the ids of the unit's members they lead. */
  leaders: { id: number; leads: { id: number }[] }[];
}

export interface StructureFigures {
  /** What a majority is counted against: the unit's size where known, else the people known there. */
  base: number;
  /** A majority of the base: more than half. */
  majority: number;
  /** Supporters still needed for a majority; 0 once there is one. */
  stillNeeded: number;
  /** The share of the people known who are assessed, and of the base who support (0 to 1; null when nobody to count). */
  assessedShare: number | null;
  supporterShare: number | null;
  /** Known members who are not leaders and whom no leader leads. */
  unled: number;
  /** Leaders the unit needs at one for about ten people, and how many more than it has. */
  leadersNeeded: number;
  leadersMissing: number;
}

export function majorityOf(base: number): number {
  return Math.floor(base / 2) + 1;
}

export function structureFigures(unit: StructureCounts): StructureFigures {
  // A size smaller than who is known is out of date: the people in the record are there.
  const base = Math.max(unit.size ?? 0, unit.known);
  const majority = majorityOf(base);
  const leaderIds = new Set(unit.leaders.map((leader) => leader.id));
  const led = new Set(unit.leaders.flatMap((leader) => leader.leads.map((member) => member.id)).filter((id) => !leaderIds.has(id)));
  const leadersNeeded = Math.ceil(base / PEOPLE_PER_LEADER);
  return {
    base,
    majority,
    stillNeeded: Math.max(0, majority - unit.supporters),
    assessedShare: unit.known === 0 ? null : unit.assessed / unit.known,
    supporterShare: base === 0 ? null : unit.supporters / base,
    unled: Math.max(0, unit.known - leaderIds.size - led.size),
    leadersNeeded,
    leadersMissing: Math.max(0, leadersNeeded - leaderIds.size),
  };
}
