import { describe, expect, test } from 'vitest';
import { mentionsTime } from '../../../src/meeting/debrief.js';
import { parseWhen, type WhenOptions } from '../../../src/support/dates.js';
import { UserError } from '../../../src/support/errors.js';

/** Local times, so the tests read the same in any time zone. */
const at = (year: number, month: number, day: number, hour = 12, minute = 0) => new Date(year, month - 1, day, hour, minute);

const MOMENTS = [
  ['today', new Date()],
  ['a February 2nd evening', at(2027, 2, 2, 18, 30)],
  ['New Year\'s Eve, late', at(2026, 12, 31, 23, 30)],
  ['a Friday morning', at(2027, 6, 4, 10, 0)],
  ['a Monday at dawn', at(2027, 3, 1, 5, 0)],
] as const;

/** The forms a hint suggests: `try "a", "b" or "c"` (quotes optional), after its lead-in. */
function suggested(hint: string): string[] {
  const list = hint.replace(/^.*?(try|e\.g\.)\s+/, '');
  return list.split(/,\s*|\s+or\s+/).map((form) => form.trim().replace(/^"|"$/g, '')).filter(Boolean);
}

function hintFor(input: string, options: WhenOptions): string {
  try {
    parseWhen(input, options);
  } catch (error) {
    if (error instanceof UserError && error.hint) return error.hint;
    throw error;
  }
  throw new Error(`"${input}" was accepted`);
}

/** What `start` accepts for the ask's due date: a readable moment still to come, with a time of day. */
function askDueAccepts(form: string, now: Date): boolean {
  parseWhen(form, { now, future: true, field: "ask's due date" });
  return mentionsTime(form);
}

describe.each(MOMENTS)('the date hints on %s', (_when, now) => {
  test("for the ask's due date name only forms the question takes", () => {
    const forms = suggested(hintFor('soonish', { now, future: true, field: "ask's due date" }));
    expect(forms.length).toBeGreaterThanOrEqual(3);
    for (const form of forms) expect(askDueAccepts(form, now), form).toBe(true);
  });

  test('for the follow-up date and a snooze name only moments still to come', () => {
    for (const field of ['follow-up date', 'snooze date']) {
      const forms = suggested(hintFor('when pigs fly', { now, future: true, field }));
      for (const form of forms) expect(parseWhen(form, { now, future: true, field }).getTime(), form).toBeGreaterThan(now.getTime());
    }
  });

  test('after a date in the past, suggest moments still to come', () => {
    const forms = suggested(hintFor('2020-01-01 10:00', { now, future: true, field: 'follow-up date' }));
    expect(forms.length).toBeGreaterThanOrEqual(2);
    for (const form of forms) expect(askDueAccepts(form, now), form).toBe(true);
  });

  test('for the date a meeting was held suggest days already past', () => {
    const forms = suggested(hintFor('someday', { now, field: 'meeting date' }));
    expect(forms.length).toBeGreaterThanOrEqual(3);
    for (const form of forms) expect(parseWhen(form, { now, field: 'meeting date' }).getTime(), form).toBeLessThanOrEqual(now.getTime());
  });
});

describe('a due date given as a day without a time of day', () => {
  const now = at(2026, 12, 2, 7, 34);
  const due = (input: string, when = now) => parseWhen(input, { now: when, future: true, field: "ask's due date" });

  test('is 9:00 that day, not the time of day it was typed', () => {
    expect(due('tomorrow')).toEqual(at(2026, 12, 3, 9, 0));
    expect(due('in 3 days')).toEqual(at(2026, 12, 5, 9, 0));
    expect(due('next week')).toEqual(at(2026, 12, 9, 9, 0));
    expect(due('friday')).toEqual(at(2026, 12, 4, 9, 0));
    expect(due('December 20th')).toEqual(at(2026, 12, 20, 9, 0));
    expect(due('2026-12-05')).toEqual(at(2026, 12, 5, 9, 0));
    expect(due('today')).toEqual(at(2026, 12, 2, 9, 0));
  });

  test('keeps a time of day that was given, in words or in numbers', () => {
    expect(due('tomorrow 6pm')).toEqual(at(2026, 12, 3, 18, 0));
    expect(due('2026-12-05 19:30')).toEqual(at(2026, 12, 5, 19, 30));
    expect(due('tomorrow evening')).toEqual(at(2026, 12, 3, 20, 0));
    expect(due('tomorrow at noon')).toEqual(at(2026, 12, 3, 12, 0));
    expect(due('in 2 hours')).toEqual(at(2026, 12, 2, 9, 34));
  });

  test('a weekday named on that weekday after 9:00 is the next one', () => {
    expect(due('friday', at(2026, 12, 4, 10, 0))).toEqual(at(2026, 12, 11, 9, 0));
  });

  test('"today" once 9:00 has passed is refused, with a time of day to add', () => {
    expect(() => due('today', at(2026, 12, 2, 15, 0))).toThrow(/"today" is in the past/);
    const hint = hintFor('today', { now: at(2026, 12, 2, 15, 0), future: true, field: "ask's due date" });
    expect(hint).toMatch(/a day without a time of day means 9:00/);
  });

  test('a day looked back on keeps its start, as before', () => {
    expect(parseWhen('2026-11-20', { now, field: 'meeting date' })).toEqual(at(2026, 11, 20, 0, 0));
  });
});
