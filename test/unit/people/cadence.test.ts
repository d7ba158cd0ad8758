import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, cadenceFor, dismissedUntil, formatCadence, nextMeetingDue, parseCadence, storedCadence } from '../../../src/people/cadence.js';
import { refusalText } from '../support/refusal.js';

const DAY = 86_400_000;

describe('cadence days', () => {
  it('meets leaders and organizers every 14 days, volunteers every 30 and everyone else every 60 by default', () => {
    expect(['organizer', 'leader', 'volunteer', 'participant', 'supporter', 'contact'].map((rung) => cadenceFor(DEFAULT_CADENCE, rung)))
      .toEqual([14, 14, 30, 60, 60, 60]);
  });

  it('changes only the rungs named and keeps the rest', () => {
    const cadence = parseCadence('leader=10, other=45');
    expect(cadenceFor(cadence, 'leader')).toBe(10);
    expect(cadenceFor(cadence, 'organizer')).toBe(14);
    expect(cadenceFor(cadence, 'contact')).toBe(45);
    expect(formatCadence(cadence)).toBe('organizer=14,leader=10,volunteer=30,other=45');
  });

  it('reads rung names in any case and by their number on the ladder', () => {
    expect(cadenceFor(parseCadence('VOLUNTEER=21'), 'volunteer')).toBe(21);
    expect(cadenceFor(parseCadence('3=21'), 'participant')).toBe(21);
  });

  it.each([
    ['leader=0', /1 to 365/],
    ['leader=366', /1 to 365/],
    ['leader=2.5', /whole number/],
    ['boss=14', /not a rung/],
    ['leader=14,leader=10', /twice/],
    ['leader', /rung=days/],
    [' , ', /names no cadence/],
  ])('refuses %j', (input, message) => {
    expect(refusalText(() => parseCadence(input)).message).toMatch(message);
  });

  it('shows how a cadence is written with every refusal', () => {
    expect(refusalText(() => parseCadence('boss=14')).hint).toBe(
      'e.g. --cadence leader=14,volunteer=30,other=60 (whole days from 1 to 365; rungs: contact, supporter, participant, volunteer, leader, organizer, or other)',
    );
  });

  it('reads back what it stored, and falls back to the defaults on a damaged setting', () => {
    const cadence = parseCadence('contact=90,other=50');
    expect(storedCadence(formatCadence(cadence))).toEqual(cadence);
    expect(storedCadence('nonsense')).toEqual(DEFAULT_CADENCE);
    expect(storedCadence(undefined)).toEqual(DEFAULT_CADENCE);
  });
});

describe('next meeting due', () => {
  const lastMet = '2026-03-01T10:00:00.000Z';

  it('counts the cadence from the last meeting', () => {
    const due = nextMeetingDue({ rung: 'leader', lastMet, lastTouch: null, createdAt: '2025-01-01T00:00:00.000Z', cadenceUntil: null }, DEFAULT_CADENCE);
    expect(due.toISOString()).toBe('2026-03-15T10:00:00.000Z');
  });

  it('counts from when the person was added when they were never met', () => {
    const due = nextMeetingDue({ rung: 'contact', lastMet: null, lastTouch: null, createdAt: lastMet, cadenceUntil: null }, DEFAULT_CADENCE);
    expect(due.getTime() - new Date(lastMet).getTime()).toBe(60 * DAY);
  });

  it('stays quiet until a dismissal or snooze, but never comes earlier than the cadence', () => {
    const person = { rung: 'leader', lastMet, lastTouch: null, createdAt: lastMet };
    expect(nextMeetingDue({ ...person, cadenceUntil: '2026-04-01T00:00:00.000Z' }, DEFAULT_CADENCE).toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(nextMeetingDue({ ...person, cadenceUntil: '2026-03-02T00:00:00.000Z' }, DEFAULT_CADENCE).toISOString()).toBe('2026-03-15T10:00:00.000Z');
  });

  it('restarts from a later contact unless the cadence counts one-on-ones only; an earlier one changes nothing', () => {
    const called = { rung: 'leader', lastMet, lastTouch: '2026-03-10T18:00:00.000Z', createdAt: '2025-01-01T00:00:00.000Z', cadenceUntil: null };
    expect(nextMeetingDue(called, DEFAULT_CADENCE).toISOString()).toBe('2026-03-24T18:00:00.000Z');
    expect(nextMeetingDue(called, { ...DEFAULT_CADENCE, counts: 'contacts' }).toISOString()).toBe('2026-03-24T18:00:00.000Z');
    expect(nextMeetingDue(called, { ...DEFAULT_CADENCE, counts: 'one-on-ones' }).toISOString()).toBe('2026-03-15T10:00:00.000Z');
    expect(nextMeetingDue({ ...called, lastTouch: '2026-02-01T00:00:00.000Z' }, DEFAULT_CADENCE).toISOString()).toBe('2026-03-15T10:00:00.000Z');
    expect(nextMeetingDue({ ...called, lastMet: null, createdAt: lastMet }, DEFAULT_CADENCE).toISOString()).toBe('2026-03-24T18:00:00.000Z');
  });

  it('puts a dismissed reminder a full cadence from now', () => {
    const now = new Date('2026-05-01T08:00:00.000Z');
    expect(dismissedUntil('volunteer', DEFAULT_CADENCE, now).getTime() - now.getTime()).toBe(30 * DAY);
  });
});
