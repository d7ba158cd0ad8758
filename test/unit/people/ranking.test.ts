import { describe, expect, it } from 'vitest';
import { leaderScore, rankLeaders, type LeaderFacts } from '../../../src/people/ranking.js';

const now = new Date(2026, 10, 18, 12);
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

function person(id: number, overrides: Partial<LeaderFacts> = {}): LeaderFacts {
  return {
    id, name: `Person ${id}`, rung: 'participant', potential: 3, meetings: 2, lastMet: daysAgo(5),
    asksMade: 0, asksYes: 0, asksKept: 0, asksBroken: 0, referrals: 0, ...overrides,
  };
}

describe('leader ranking', () => {
  it('raises someone with high potential not met in 40 days above the same person met last week', () => {
    const ranked = rankLeaders([person(1, { potential: 5, lastMet: daysAgo(7) }), person(2, { potential: 5, lastMet: daysAgo(40) })], now);
    expect(ranked.map((leader) => leader.id)).toEqual([2, 1]);
    expect(ranked[0]!.daysSinceMet).toBe(40);
  });

  it('adds up the documented parts', () => {
    // 10×4 + 3×(4−1) + (2 yes + 4×1 kept − 3×1 broken) + 3×2 referrals + 3 meetings + 4×4×(30/60)
    const facts = person(1, { rung: 'volunteer', potential: 4, meetings: 3, lastMet: daysAgo(30), asksMade: 3, asksYes: 2, asksKept: 1, asksBroken: 1, referrals: 2 });
    expect(leaderScore(facts, now)).toBe(40 + 9 + 3 + 6 + 3 + 8);
  });

  it('counts commitments kept above words, and broken ones against', () => {
    const kept = leaderScore(person(1, { asksYes: 2, asksKept: 2 }), now);
    const said = leaderScore(person(1, { asksYes: 2 }), now);
    const broken = leaderScore(person(1, { asksYes: 2, asksBroken: 2 }), now);
    expect(kept).toBeGreaterThan(said);
    expect(said).toBeGreaterThan(broken);
  });

  it('caps referrals and meetings so one number cannot swamp the rest', () => {
    expect(leaderScore(person(1, { referrals: 50, meetings: 50 }), now)).toBe(leaderScore(person(1, { referrals: 5, meetings: 5 }), now));
  });

  it('breaks ties by potential, then name, then id', () => {
    const ranked = rankLeaders([person(3, { name: 'Bea' }), person(2, { name: 'Ana' }), person(1, { name: 'Ana' })], now);
    expect(ranked.map((leader) => leader.id)).toEqual([1, 2, 3]);
  });

  it('scores someone never met as gone fully cold', () => {
    expect(rankLeaders([person(1, { lastMet: null, meetings: 0 })], now)[0]).toMatchObject({ daysSinceMet: null });
    expect(leaderScore(person(1, { lastMet: null, meetings: 0 }), now)).toBe(leaderScore(person(1, { lastMet: daysAgo(90), meetings: 0 }), now));
  });
});
