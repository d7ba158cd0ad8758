import { differenceInCalendarDays } from 'date-fns';
import { RUNGS, rungLevel } from './ladder.js';
import { evaluate, type Formula } from './rules.js';

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

/** The weights and caps of the score, in one place: LEADER_SCORE below is made of them. */
export const SCORE = {
  /** Points per point of potential (1-5); not yet rated counts 0. */
  potential: 10,
  /** Points per rung above the first. */
  rung: 3,
  /** Commitments: per yes to an ask, per kept commitment, per broken one; the sum is clamped to min..max. */
  yes: 1,
  kept: 4,
  broken: -3,
  commitmentsMin: -10,
  commitmentsMax: 25,
  /** Per person they brought in, at most `referralsCounted` of them. */
  referral: 3,
  referralsCounted: 5,
  /** Per meeting with you, at most `meetingsCounted` of them. */
  meeting: 1,
  meetingsCounted: 5,
  /** Time since met: cold × potential (unrated: `coldUnratedPotential`) × min(days, COLD_AFTER_DAYS) / COLD_AFTER_DAYS. */
  cold: 4,
  coldUnratedPotential: 1,
  /** Scores are rounded to one decimal (ties, then, are real ties). */
  decimals: 1,
} as const;

/**
 * The talent scout's score. Promise, then proof, then neglect:
 *   10 × potential (1-5; not yet rated counts 0)                  0-50
 *   3 × (rung on the ladder − 1)                                  0-15
 *   1 per yes to an ask, 4 per kept commitment, −3 per broken      (clamped to −10..25)
 *   3 per person they brought in (at most 5 counted)              0-15
 *   1 per meeting (at most 5 counted)                             0-5
 *   4 × potential (unrated: 1) × min(days since met, 60) / 60     0-20   never met counts as 60 days
 * so someone with high potential you have not met in 40 days rises above the same person met last week.
 * (The numbers are those of SCORE and COLD_AFTER_DAYS; days are calendar days in local time.)
 */
export const LEADER_SCORE: Formula<ScoreFact> = {
  rounded: {
    sum: [
      { product: [SCORE.potential, { fact: 'potential', unset: 0 }] },
      { product: [SCORE.rung, { greatest: [0, { sum: [{ fact: 'rungLevel' }, -1] }] }] },
      {
        least: [SCORE.commitmentsMax, {
          greatest: [SCORE.commitmentsMin, {
            sum: [{ product: [SCORE.yes, { fact: 'asksYes' }] }, { product: [SCORE.kept, { fact: 'asksKept' }] }, { product: [SCORE.broken, { fact: 'asksBroken' }] }],
          }],
        }],
      },
      { product: [SCORE.referral, { least: [{ fact: 'referrals' }, SCORE.referralsCounted] }] },
      { product: [SCORE.meeting, { least: [{ fact: 'meetings' }, SCORE.meetingsCounted] }] },
      {
        product: [SCORE.cold, { fact: 'potential', unset: SCORE.coldUnratedPotential },
          { ratio: [{ least: [{ fact: 'daysSinceMet', unset: COLD_AFTER_DAYS }, COLD_AFTER_DAYS] }, COLD_AFTER_DAYS] }],
      },
    ],
  },
  decimals: SCORE.decimals,
};

/** What the score reads of a person: the store has these as columns, plain code works them out from LeaderFacts. */
export type ScoreFact = 'potential' | 'rungLevel' | 'asksYes' | 'asksKept' | 'asksBroken' | 'referrals' | 'meetings' | 'daysSinceMet';

export function leaderScore(facts: LeaderFacts, now: Date): number {
  return evaluate(LEADER_SCORE, {
    potential: facts.potential, rungLevel: rungLevel(facts.rung), asksYes: facts.asksYes, asksKept: facts.asksKept,
    asksBroken: facts.asksBroken, referrals: facts.referrals, meetings: facts.meetings, daysSinceMet: daysSinceMet(facts.lastMet, now),
  });
}

/**
 * The most anyone with this potential (null: not yet rated) can score, whatever else is true of them: every other
 * part at its cap. Lets the store skip people who cannot reach the page (the weights are not negative, but broken).
 */
export function scoreCeiling(potential: number | null): number {
  return (
    SCORE.potential * (potential ?? 0) +
    SCORE.rung * (RUNGS.length - 1) +
    SCORE.commitmentsMax +
    SCORE.referral * SCORE.referralsCounted +
    SCORE.meeting * SCORE.meetingsCounted +
    SCORE.cold * (potential ?? SCORE.coldUnratedPotential)
  );
}

export function daysSinceMet(lastMet: string | null, now: Date): number | null {
  return lastMet === null ? null : Math.max(0, differenceInCalendarDays(now, new Date(lastMet)));
}

/** Highest score first; ties go to higher potential, then name, then id, so the order never wobbles. */
export function compareLeaders(a: RankedLeader, b: RankedLeader): number {
  return b.score - a.score || (b.potential ?? 0) - (a.potential ?? 0) || a.name.localeCompare(b.name) || a.id - b.id;
}

export function rankLeaders(people: LeaderFacts[], now: Date): RankedLeader[] {
  return people.map((facts) => ({ ...facts, daysSinceMet: daysSinceMet(facts.lastMet, now), score: leaderScore(facts, now) })).sort(compareLeaders);
}

/** Where local calendar days begin, for counting them in SQL with whole numbers. */
export interface LocalDays {
  /** Today's day number: floor((unix seconds + UTC offset in seconds) / 86400). */
  today: number;
  /**
   * The UTC offsets (seconds east) in force over the last `days` days, newest first: each from `since` (unix
   * seconds) on; the last one (no `since`) for everything earlier. One entry unless a clock change fell in between.
   */
  offsets: { since?: number; offset: number }[];
}

const DAY_MS = 86_400_000;

/** The local-time day numbering around `now` (its time zone), exact for instants in the `days` days before it. */
export function localDays(now: Date, days: number): LocalDays {
  const offsetAt = (seconds: number) => -new Date(seconds * 1000).getTimezoneOffset() * 60;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const offsets: LocalDays['offsets'] = [];
  let newer = nowSeconds;
  let newerOffset = offsetAt(nowSeconds);
  for (let day = 1; day <= days; day++) {
    const older = nowSeconds - (day * DAY_MS) / 1000;
    const olderOffset = offsetAt(older);
    if (olderOffset !== newerOffset) {
      // The clock changed in (older, newer]: find the first second on the newer offset.
      let low = older;
      let high = newer;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsetAt(middle) === newerOffset) high = middle;
        else low = middle;
      }
      offsets.push({ since: high, offset: newerOffset });
      newerOffset = olderOffset;
    }
    newer = older;
  }
  offsets.push({ offset: newerOffset });
  return { today: Math.floor((nowSeconds + offsets[0]!.offset) / 86_400), offsets };
}

