import { describe, expect, it } from 'vitest';
import type { ScoreItem, Scorecard } from '../../../src/meeting/scorecard.js';
import { computeStats, scorecardHabits, type StatsInput } from '../../../src/meeting/stats.js';
import { renderScorecardHabits, renderStats } from '../../../src/ui/charts.js';

type Card = StatsInput['scorecards'][number];

/** A meeting's card from what applied: true met, false missed; an item left out did not apply. */
function card(meetingId: number, lines: Partial<Record<ScoreItem, boolean>>, heldAt = `2026-11-${String(meetingId).padStart(2, '0')}T18:00:00.000Z`): Card {
  const scorecard: Scorecard = { lines: Object.entries(lines).map(([item, met]) => ({ item: item as ScoreItem, met: met! })) };
  return { meetingId, heldAt, scorecard };
}

const rateOf = (habits: ReturnType<typeof scorecardHabits>, item: ScoreItem) => habits.items.find((habit) => habit.item === item);

describe('the scorecard habits: rates', () => {
  const cards = [
    card(3, { purpose: true, referral: false, barriers: true, 'follow-up': true }),
    card(2, { purpose: false, referral: false, 'follow-up': true }),
    card(1, { purpose: true, referral: true, barriers: false, 'follow-up': true }),
  ];

  it('counts, for each item, the meetings it applied in and those it was met in; a card without the item does not count it', () => {
    const habits = scorecardHabits(cards);
    expect(habits.meetings).toBe(3);
    expect(rateOf(habits, 'purpose')).toEqual({ item: 'purpose', applied: 3, met: 2, rate: 0.6667 });
    expect(rateOf(habits, 'referral')).toEqual({ item: 'referral', applied: 3, met: 1, rate: 0.3333 });
    expect(rateOf(habits, 'barriers')).toEqual({ item: 'barriers', applied: 2, met: 1, rate: 0.5 });
    expect(rateOf(habits, 'follow-up')).toEqual({ item: 'follow-up', applied: 3, met: 3, rate: 1 });
  });

  it('lists every item in the guides\' order; one that never applied has no rate', () => {
    const habits = scorecardHabits(cards);
    expect(habits.items.map((habit) => habit.item)).toEqual([
      'purpose', 'interest', 'value', 'their-story', 'your-story', 'agitation', 'specific-ask', 'barriers', 'pivot',
      'referral', 'follow-up', 'talk-share', 'monologue',
    ]);
    expect(rateOf(habits, 'pivot')).toEqual({ item: 'pivot', applied: 0, met: 0, rate: null });
  });

  it('gives the span of the meetings read, oldest to newest, whatever order they come in', () => {
    const habits = scorecardHabits(cards);
    expect([habits.from, habits.to]).toEqual(['2026-11-01T18:00:00.000Z', '2026-11-03T18:00:00.000Z']);
  });

  it('with no scorecard, nothing applied and nothing is skipped', () => {
    const habits = scorecardHabits([]);
    expect(habits).toMatchObject({ meetings: 0, from: null, to: null, mostSkipped: [] });
    expect(habits.items.every((habit) => habit.applied === 0 && habit.rate === null)).toBe(true);
  });
});

describe('the scorecard habits: the most skipped', () => {
  it('is the lowest rates first, only of items that applied and were missed at least once, three at most', () => {
    const habits = scorecardHabits([
      card(1, { purpose: true, value: false, agitation: false, referral: false, 'follow-up': true, 'specific-ask': true }),
      card(2, { purpose: true, value: true, agitation: false, referral: false, 'follow-up': true, 'specific-ask': false }),
      card(3, { purpose: false, value: true, agitation: true, referral: false, 'follow-up': true, 'specific-ask': true }),
      card(4, { purpose: true, value: true, agitation: false, referral: true, 'follow-up': true, 'specific-ask': true }),
    ]);
    // referral 1/4, agitation 1/4 (agitation first: the guides raise it before the referral), value 3/4 = purpose 3/4 = specific ask 3/4.
    expect(habits.mostSkipped).toEqual([
      { item: 'agitation', met: 1, applied: 4 },
      { item: 'referral', met: 1, applied: 4 },
      { item: 'purpose', met: 3, applied: 4 },
    ]);
  });

  it('breaks a tie of equal fractions with different counts (1 of 3 and 2 of 6) by the guides\' order', () => {
    const six = Array.from({ length: 6 }, (_, i) => card(i + 1, { ...(i < 3 ? { barriers: i === 0 } : {}), 'their-story': i < 2, referral: i < 2 }));
    const habits = scorecardHabits(six);
    expect(rateOf(habits, 'barriers')).toMatchObject({ applied: 3, met: 1 });
    expect(habits.mostSkipped.map((habit) => habit.item)).toEqual(['their-story', 'barriers', 'referral']);
  });

  it('leaves out an item always kept, and one never applied, even when fewer than three are left', () => {
    const habits = scorecardHabits([card(1, { purpose: true, 'follow-up': false }), card(2, { purpose: true, 'follow-up': true })]);
    expect(habits.mostSkipped).toEqual([{ item: 'follow-up', met: 1, applied: 2 }]);
    expect(scorecardHabits([card(1, { purpose: true })]).mostSkipped).toEqual([]);
  });

  it('a habit never kept (0 of n) comes before one kept sometimes', () => {
    const habits = scorecardHabits([card(1, { purpose: false, monologue: false }), card(2, { purpose: true, monologue: false })]);
    expect(habits.mostSkipped).toEqual([{ item: 'monologue', met: 0, applied: 2 }, { item: 'purpose', met: 1, applied: 2 }]);
  });

  it('is carried in the stats figures', () => {
    const now = new Date(2026, 11, 3, 12);
    const figures = computeStats({ meetingDates: [], talk: [], asks: [], rungs: [], scorecards: [card(1, { referral: false })] }, new Date(2026, 10, 1), now);
    expect(figures.scorecardHabits.mostSkipped).toEqual([{ item: 'referral', met: 0, applied: 1 }]);
  });
});

describe('the scorecard habits, drawn', () => {
  const cards = Array.from({ length: 10 }, (_, i) => card(i + 1, { purpose: i < 8, referral: i < 2, 'follow-up': true, ...(i < 4 ? { barriers: i === 0 } : {}) }));
  const figures = computeStats({ meetingDates: [], talk: [], asks: [], rungs: [], scorecards: cards }, new Date(2026, 10, 1), new Date(2026, 11, 3));

  it('a bar per habit that applied, full at every meeting it applied in, its rate and its count; the most skipped in words', () => {
    const text = renderScorecardHabits(figures, false, undefined);
    expect(text).not.toMatch(/\u001b\[/);
    expect(text.split('\n')[0]).toBe('Your habits over your last 10 meetings with a scorecard');
    expect(text).toMatch(/\n {2}stated your purpose +80% █{32} {10}8 of 10\n/);
    expect(text).toMatch(/\n {2}asked about barriers +25% █{10} {33}1 of 4\n/);
    expect(text).toMatch(/\n {2}asked who else +20% █{8} {34}2 of 10\n/);
    expect(text).toMatch(/\n {2}set a follow-up +100% █{40} 10 of 10\n/);
    expect(text).not.toMatch(/^  heard a value/m);
    expect(text).toContain('Did not arise in these meetings, so not scored: heard a self-interest, heard a value,');
    expect(text).toContain([
      '  Most often skipped:',
      '    You asked who else you should talk to in 2 of the 10 meetings where it applied.',
      '    You asked what might stand in the way in 1 of the 4 meetings where it applied.',
      '    You said why you were meeting and how you got their name in 8 of the 10 meetings where it applied.',
    ].join('\n'));
  });

  it('a single meeting is named as one', () => {
    const one = computeStats({ meetingDates: [], talk: [], asks: [], rungs: [], scorecards: [card(1, { purpose: true })] }, new Date(2026, 10, 1), new Date(2026, 11, 3));
    expect(renderScorecardHabits(one, false, undefined).split('\n')[0]).toBe('Your habits in your last meeting with a scorecard');
    expect(renderScorecardHabits(one, false, undefined)).toContain('  You kept every habit that applied in these meetings.');
  });

  it('colours the most skipped in yellow only when colour is on', () => {
    const text = renderScorecardHabits(figures, true, undefined);
    expect(text).toMatch(/asked who else +20% \u001b\[33m█{8}/);
    expect(text).not.toMatch(/set a follow-up +100% \u001b\[33m/);
  });

  it('fits a narrow terminal: the bar shrinks, the words stay whole', () => {
    const rows = renderScorecardHabits(figures, false, 50).split('\n').filter((line) => /\d of \d+$/.test(line));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.length).toBeLessThan(50);
    expect(rows[0]).toMatch(/^ {2}stated your purpose +80% █{10} {2} {2}8 of 10$/);
  });

  it('says in one line how to get a scorecard when no meeting has one, and sits in the whole picture', () => {
    const empty = computeStats({ meetingDates: [], talk: [], asks: [], rungs: [], scorecards: [] }, new Date(2026, 10, 1), new Date(2026, 11, 3));
    expect(renderScorecardHabits(empty, false, undefined).split('\n')).toEqual([
      'Your habits, from the scorecards',
      '  No meeting has a scorecard yet: run your next one-on-one with oneonone start, or record one with oneonone log --did purpose,their-story,referral.',
    ]);
    expect(renderStats(empty, false, undefined)).toContain('\n\nYour habits, from the scorecards\n');
  });
});
