import { describe, expect, test } from 'vitest';
import { followUpSuggestion } from '../../../src/meeting/debrief.js';
import { debriefWords } from '../../../src/messages/debrief.js';
import { parseWhen } from '../../../src/support/dates.js';

const ask = (dueAt: string | null, outcome: string | null = 'yes') => ({ id: 1, text: 'come to the tenant meeting', outcome, dueAt });

describe('the follow-up offered at the end of a meeting', () => {
  test('lands after the ask it follows, not before it', () => {
    const now = new Date(2026, 11, 2, 19, 0);
    const due = new Date(2026, 11, 10, 18, 30);
    const offered = parseWhen(debriefWords(followUpSuggestion(ask(due.toISOString()))), { now, future: true, field: 'follow-up date' });
    expect(offered.getTime()).toBeGreaterThan(due.getTime());
    expect([offered.getDate(), offered.getHours()]).toEqual([11, 10]);
  });

  test('is two days out without a date for the ask, and two weeks after a no', () => {
    expect(debriefWords(followUpSuggestion(ask(null)))).toBe('in 2 days at 10am');
    expect(debriefWords(followUpSuggestion(undefined))).toBe('in 2 days at 10am');
    expect(debriefWords(followUpSuggestion(ask('2026-12-10T18:30:00.000Z', 'no')))).toBe('in 2 weeks at 10am');
  });
});
