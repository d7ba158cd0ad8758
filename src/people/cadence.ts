import { DomainError } from '../support/errors.js';
import { RUNGS, parseRung, type Rung } from './ladder.js';
import { momentOf, type MomentRule } from './rules.js';

/**
 * How often each rung should be met, in days. A rung not named explicitly takes `other`.
 * Defaults: leaders and organizers every 14 days, volunteers every 30, everyone else at least every 60.
 */
export interface CadenceDays {
  rungs: Partial<Record<Rung, number>>;
  other: number;
  /** What restarts the clock: any contact (a call, a door knock as well as a 1:1; the default) or one-on-ones only. */
  counts?: CadenceCounts;
}

export const CADENCE_COUNTS = ['contacts', 'one-on-ones'] as const;
export type CadenceCounts = (typeof CADENCE_COUNTS)[number];

/** Whether the clock restarts on a contact that was not a one-on-one. */
export function countsContacts(cadence: CadenceDays): boolean {
  return cadence.counts !== 'one-on-ones';
}

export const DEFAULT_CADENCE: CadenceDays = { rungs: { organizer: 14, leader: 14, volunteer: 30 }, other: 60 };
export const MAX_CADENCE_DAYS = 365;
const DAY_MS = 86_400_000;

/** The days for one rung (an unknown rung, e.g. from an import, counts as `other`). */
export function cadenceFor(cadence: CadenceDays, rung: string): number {
  return cadence.rungs[rung as Rung] ?? cadence.other;
}

/** Every rung, lowest first, with its days and whether they come from `other`. */
export function cadenceTable(cadence: CadenceDays): { rung: Rung; days: number; fromOther: boolean }[] {
  return RUNGS.map((rung) => ({ rung, days: cadenceFor(cadence, rung), fromOther: cadence.rungs[rung] === undefined }));
}

/**
 * Reads `leader=14,volunteer=30,other=60` (spaces allowed, rung names any case or 1-6) on top of `base`:
 * what is named changes, the rest stays. Refuses anything it cannot read whole.
 */
export function parseCadence(input: string, base: CadenceDays = DEFAULT_CADENCE): CadenceDays {
  const parts = input.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length === 0) throw new DomainError('cadence.empty', { input });
  const result: CadenceDays = { rungs: { ...base.rungs }, other: base.other, ...(base.counts ? { counts: base.counts } : {}) };
  const seen = new Set<string>();
  for (const part of parts) {
    const match = /^([^=\s]+)\s*=\s*(\S+)$/.exec(part);
    if (!match) throw new DomainError('cadence.not-rung-days', { part });
    const [, name, daysText] = match as unknown as [string, string, string];
    if (name.toLowerCase() === 'counts') {
      if (seen.has('counts')) throw new DomainError('cadence.named-twice', { rung: 'counts' });
      seen.add('counts');
      result.counts = countsOrRefuse(daysText);
      continue;
    }
    const key: Rung | 'other' = name.toLowerCase() === 'other' ? 'other' : rungOrRefuse(name);
    if (seen.has(key)) throw new DomainError('cadence.named-twice', { rung: key });
    seen.add(key);
    if (!/^\d+$/.test(daysText) || Number(daysText) < 1 || Number(daysText) > MAX_CADENCE_DAYS) {
      throw new DomainError('cadence.bad-days', { days: daysText, rung: key, most: MAX_CADENCE_DAYS });
    }
    if (key === 'other') result.other = Number(daysText);
    else result.rungs[key] = Number(daysText);
  }
  return result;
}

function countsOrRefuse(given: string): CadenceCounts {
  const counts = given.toLowerCase();
  if (!(CADENCE_COUNTS as readonly string[]).includes(counts)) throw new DomainError('cadence.bad-counts', { given });
  return counts as CadenceCounts;
}

/** A cadence names rungs with its own hint, so the ladder's refusal is replaced by one about the cadence. */
function rungOrRefuse(name: string): Rung {
  try {
    return parseRung(name);
  } catch {
    throw new DomainError('cadence.unknown-rung', { name });
  }
}

/** The one stored form: named rungs from the top of the ladder down, then other. */
export function formatCadence(cadence: CadenceDays): string {
  const named = [...RUNGS].reverse().filter((rung) => cadence.rungs[rung] !== undefined).map((rung) => `${rung}=${cadence.rungs[rung]}`);
  return [...named, `other=${cadence.other}`, ...(cadence.counts ? [`counts=${cadence.counts}`] : [])].join(',');
}

/** A stored setting read back; a damaged one falls back to the defaults rather than stopping the morning list. */
export function storedCadence(value: string | undefined): CadenceDays {
  if (value === undefined) return DEFAULT_CADENCE;
  try {
    return parseCadence(value, { rungs: {}, other: DEFAULT_CADENCE.other });
  } catch {
    return DEFAULT_CADENCE;
  }
}

export interface CadencePerson {
  rung: string;
  /** The last complete meeting, or null when never met. */
  lastMet: string | null;
  /** The latest contact that was not a one-on-one (`touch`), or null. */
  lastTouch: string | null;
  /** When the person was added: the clock starts there for someone never met. */
  createdAt: string;
  /** A dismissed or snoozed reminder stays quiet until then. */
  cadenceUntil: string | null;
}

/**
 * When the next meeting is due: the rung's cadence in whole 24-hour days from the last meeting (or from when the
 * person was added), but never before a dismissal or snooze. The store picks and sorts with this same rule.
 */
export const NEXT_MEETING_DUE: MomentRule<'lastContact' | 'createdAt' | 'cadenceDays' | 'cadenceUntil'> = {
  first: [], from: ['lastContact', 'createdAt'], days: 'cadenceDays', notBefore: 'cadenceUntil',
};

/** Where the clock starts: the last one-on-one, or a contact since, when the cadence counts contacts. */
export function lastContact(person: Pick<CadencePerson, 'lastMet' | 'lastTouch'>, cadence: CadenceDays): string | null {
  const { lastMet, lastTouch } = person;
  if (!countsContacts(cadence) || lastTouch === null) return lastMet;
  return lastMet === null || new Date(lastTouch) > new Date(lastMet) ? lastTouch : lastMet;
}

export function nextMeetingDue(person: CadencePerson, cadence: CadenceDays): Date {
  const { createdAt, cadenceUntil } = person;
  return momentOf(NEXT_MEETING_DUE, { lastContact: lastContact(person, cadence), createdAt, cadenceUntil, cadenceDays: cadenceFor(cadence, person.rung) });
}

/** Where `done C3` puts a reminder: a full cadence from now. */
export function dismissedUntil(rung: string, cadence: CadenceDays, now: Date): Date {
  return new Date(now.getTime() + cadenceFor(cadence, rung) * DAY_MS);
}
