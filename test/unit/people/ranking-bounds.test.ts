import { afterEach, describe, expect, it } from 'vitest';
import { RUNGS } from '../../../src/people/ladder.js';
import { leaderScore, localDays, scoreCeiling, type LeaderFacts } from '../../../src/people/ranking.js';

const zoneBefore = process.env.TZ;
afterEach(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

describe('local days for ranking in SQL', () => {
  it('finds the clock change of 1 November in New York and numbers today in local time', () => {
    process.env.TZ = 'America/New_York';
    const now = new Date('2026-11-24T03:30:00Z'); // still 23 November in New York
    const days = localDays(now, 63);
    expect(days.offsets).toEqual([{ since: Date.parse('2026-11-01T06:00:00Z') / 1000, offset: -5 * 3600 }, { offset: -4 * 3600 }]);
    expect(days.today).toBe(Date.parse('2026-11-23T00:00:00Z') / 86_400_000);
  });

  it('has one offset, and today by the local date, where the clocks did not change', () => {
    process.env.TZ = 'Asia/Kolkata';
    const days = localDays(new Date('2026-11-23T19:00:00Z'), 63); // 00:30 on 24 November in Kolkata
    expect(days.offsets).toEqual([{ offset: 5.5 * 3600 }]);
    expect(days.today).toBe(Date.parse('2026-11-24T00:00:00Z') / 86_400_000);
  });
});

describe('score ceiling', () => {
  const now = new Date(2026, 10, 18, 12);
  const facts = (potential: number | null, overrides: Partial<LeaderFacts> = {}): LeaderFacts => ({
    id: 1, name: 'Ana', rung: RUNGS.at(-1)!, potential, meetings: 9, lastMet: null, asksMade: 20, asksYes: 20, asksKept: 20, asksBroken: 0, referrals: 9, ...overrides,
  });

  it('is reached by someone with every part at its cap, for each potential and for not yet rated', () => {
    for (const potential of [null, 1, 2, 3, 4, 5]) expect(leaderScore(facts(potential), now)).toBe(scoreCeiling(potential));
  });

  it('is never passed by anyone with that potential', () => {
    for (const potential of [null, 1, 3, 5]) {
      for (const rung of ['contact', 'leader', 'unknown']) {
        for (const lastMet of [null, new Date(2026, 10, 10).toISOString(), new Date(2026, 5, 1).toISOString()]) {
          const score = leaderScore(facts(potential, { rung, lastMet, asksKept: 1, asksBroken: 4, referrals: 2, meetings: 1 }), now);
          expect(score).toBeLessThan(scoreCeiling(potential));
        }
      }
    }
  });
});
