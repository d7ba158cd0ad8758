import { describe, expect, it } from 'vitest';
import { askFunnel, compareMonths, computeStats, defaultSince, listeningHabits, meetingShares, meetingsPerWeek } from '../../../src/meeting/stats.js';

describe('stats figures', () => {
  it('the default start is the Monday eleven weeks back, so twelve weeks show', () => {
    const since = defaultSince(new Date(2026, 10, 26, 12)); // Thursday 26 Nov 2026
    expect([since.getFullYear(), since.getMonth(), since.getDate(), since.getDay()]).toEqual([2026, 8, 7, 1]);
    expect(meetingsPerWeek([], since, new Date(2026, 10, 26, 12))).toHaveLength(12);
  });

  it('meetings fall in their ISO week, the year turning mid-week included', () => {
    const weeks = meetingsPerWeek([new Date(2026, 11, 31, 18).toISOString(), new Date(2027, 0, 2, 9).toISOString()], new Date(2026, 11, 28), new Date(2027, 0, 5));
    expect(weeks.map((week) => [week.week, week.meetings])).toEqual([['2026-W53', 2], ['2027-W01', 0]]);
  });

  it('a meeting\'s share is the organizer\'s seconds over everyone\'s; a meeting with no talk is left out', () => {
    expect(meetingShares([
      { id: 1, heldAt: 'x', organizerSeconds: 60, otherSeconds: 240, longestMonologueSeconds: null, openQuestions: null, reflections: null },
      { id: 2, heldAt: 'y', organizerSeconds: 0, otherSeconds: 0, longestMonologueSeconds: null, openQuestions: null, reflections: null },
    ])).toEqual([{ id: 1, heldAt: 'x', share: 0.2 }]);
  });

  it('months compare in whole percentage points', () => {
    expect(compareMonths({ month: 'a', average: 0.244, meetings: 1 }, { month: 'b', average: 0.31, meetings: 1 })).toBe('down');
    expect(compareMonths({ month: 'a', average: 0.201, meetings: 1 }, { month: 'b', average: 0.199, meetings: 1 })).toBe('same');
    expect(compareMonths({ month: 'a', average: null, meetings: 0 }, { month: 'b', average: 0.2, meetings: 1 })).toBeNull();
  });

  it('the funnel adds up asks by outcome and result', () => {
    expect(askFunnel([
      { outcome: 'yes', result: 'kept', asks: 2 }, { outcome: 'yes', result: null, asks: 1 },
      { outcome: 'no', result: null, asks: 3 }, { outcome: null, result: null, asks: 1 },
    ])).toEqual({ made: 7, yes: 3, maybe: 0, no: 3, noAnswer: 1, kept: 2, broken: 0 });
  });

  it('the month comparison uses talk from before the window', () => {
    const now = new Date(2026, 10, 20, 12);
    const figures = computeStats({
      meetingDates: [],
      talk: [
        { id: 1, heldAt: new Date(2026, 9, 5).toISOString(), organizerSeconds: 31, otherSeconds: 69, longestMonologueSeconds: null, openQuestions: null, reflections: null },
        { id: 2, heldAt: new Date(2026, 10, 18).toISOString(), organizerSeconds: 24, otherSeconds: 76, longestMonologueSeconds: null, openQuestions: null, reflections: null },
      ],
      asks: [],
      rungs: [],
      scorecards: [],
    }, new Date(2026, 10, 16), now);
    expect(figures.talkShare.meetings.map((meeting) => meeting.id)).toEqual([2]);
    expect(figures.talkShare.lastMonth.average).toBe(0.31);
    expect(figures.talkShare.thisMonth.average).toBe(0.24);
    expect(figures.talkShare.change).toBe('down');
  });
});

describe('listening habits', () => {
  const row = (id: number, longestMonologueSeconds: number | null, openQuestions: number | null = null, reflections: number | null = null) => ({
    id, heldAt: 'x', organizerSeconds: 60, otherSeconds: 240, longestMonologueSeconds, openQuestions, reflections,
  });

  it('the median stretch is the middle one (the lower middle for an even count), and the longest is the most', () => {
    expect(listeningHabits([row(1, 40), row(2, 100), row(3, 70)]).longestMonologue).toEqual({ meetings: 3, medianSeconds: 70, mostSeconds: 100 });
    expect(listeningHabits([row(1, 40), row(2, 100), row(3, 70), row(4, 10)]).longestMonologue).toEqual({ meetings: 4, medianSeconds: 40, mostSeconds: 100 });
  });

  it('counts only the meetings that kept each, and nothing where none did', () => {
    const habits = listeningHabits([row(1, null, 2, 5), row(2, 30), row(3, null, 3, 1)]);
    expect(habits.longestMonologue).toEqual({ meetings: 1, medianSeconds: 30, mostSeconds: 30 });
    expect(habits.reflecting).toEqual({ meetings: 2, questions: 5, reflections: 6, verdict: 'fair' });
    expect(listeningHabits([row(1, null)])).toEqual({ longestMonologue: null, reflecting: null });
  });
});
