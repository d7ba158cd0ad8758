import { differenceInCalendarDays } from 'date-fns';
import { rungLevel } from './ladder.js';

/** What the store counts for each person; the score is worked out here, in plain code. */
export interface LeaderFacts {
  id: number;
  name: string;
  rung: string;
  potential: number | null;
  meetings: number;
  lastMet: string | null;
  asksMade: number;
  asksYes: number;
  asksKept: number;
  asksBroken: number;
  referrals: number;
}

export interface RankedLeader extends LeaderFacts {
  daysSinceMet: number | null;
  score: number;
}

/** Past this many days without a meeting, a person counts as fully "gone cold". */
export const COLD_AFTER_DAYS = 60;

/**
 * The talent scout's score. Promise, then proof, then neglect:
 *   10 × potential (1-5; not yet rated counts 0)                  0-50
 *   3 × (rung on the ladder − 1)                                  0-15
 *   1 per yes to an ask, 4 per kept commitment, −3 per broken      (clamped to −10..25)
 *   3 per person they brought in (at most 5 counted)              0-15
 *   1 per meeting (at most 5 counted)                             0-5
 *   4 × potential (unrated: 1) × min(days since met, 60) / 60     0-20   never met counts as 60 days
 * so someone with high potential you have not met in 40 days rises above the same person met last week.
 */
export function leaderScore(facts: LeaderFacts, now: Date): number {
  const potential = facts.potential ?? 0;
  const daysSince = daysSinceMet(facts.lastMet, now);
  const commitments = clamp(facts.asksYes + 4 * facts.asksKept - 3 * facts.asksBroken, -10, 25);
  const cold = Math.min(daysSince ?? COLD_AFTER_DAYS, COLD_AFTER_DAYS) / COLD_AFTER_DAYS;
  const score =
    10 * potential +
    3 * Math.max(0, rungLevel(facts.rung) - 1) +
    commitments +
    3 * Math.min(facts.referrals, 5) +
    Math.min(facts.meetings, 5) +
    4 * (facts.potential ?? 1) * cold;
  return Math.round(score * 10) / 10;
}

export function daysSinceMet(lastMet: string | null, now: Date): number | null {
  return lastMet === null ? null : Math.max(0, differenceInCalendarDays(now, new Date(lastMet)));
}

/** Highest score first; ties go to higher potential, then name, then id, so the order never wobbles. */
export function rankLeaders(people: LeaderFacts[], now: Date): RankedLeader[] {
  return people
    .map((facts) => ({ ...facts, daysSinceMet: daysSinceMet(facts.lastMet, now), score: leaderScore(facts, now) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.potential ?? 0) - (a.potential ?? 0) ||
        a.name.localeCompare(b.name) ||
        a.id - b.id,
    );
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
