import { describe, expect, it } from 'vitest';
import { agendaWords, checkInQuestion, lateWords } from '../../../src/messages/agenda.js';
import { buildAgenda, cadenceWindowEnd, checkInDue, parseItemId, windowEnd, type OpenAsk } from '../../../src/people/agenda.js';
import { DEFAULT_CADENCE } from '../../../src/people/cadence.js';

// Local noon, so day arithmetic never straddles midnight whatever the test machine's time zone.
const now = new Date(2026, 10, 18, 12, 0, 0);
const at = (days: number, hours = 12) => new Date(2026, 10, 18 + days, hours, 0, 0).toISOString();

function ask(id: number, overrides: Partial<OpenAsk> = {}): OpenAsk {
  return { id, personId: 1, person: 'Ana Ruiz', text: 'come to the tenant meeting', outcome: 'yes', dueAt: at(1), checkinAt: null, askedAt: at(-5), ...overrides };
}

describe('the morning list', () => {
  const sources = {
    followUps: [
      { id: 12, personId: 2, person: 'Ben Okafor', text: 'call to remind him', ask: null, dueAt: at(3, 18) },
      { id: 13, personId: 2, person: 'Ben Okafor', text: 'drop off flyers', ask: null, dueAt: at(-2, 9) },
      { id: 14, personId: 2, person: 'Ben Okafor', text: 'far off', ask: null, dueAt: at(20) },
    ],
    asks: [ask(7, { dueAt: at(-3, 19) }), ask(8, { dueAt: at(0, 9) }), ask(9, { dueAt: at(0, 15) })],
    cadence: [{ personId: 3, person: 'Carla Diaz', rung: 'leader', lastMet: at(-16), lastTouch: null, createdAt: at(-100), cadenceUntil: null }],
  };

  it('puts late items first, then soonest, with a kind prefix on every id', () => {
    const items = buildAgenda(sources, DEFAULT_CADENCE, { kind: 'ahead', days: 7 }, now);
    expect(items.map((item) => item.id)).toEqual(['A7', 'C3', 'F13', 'A8', 'A9', 'F12']);
    expect(items.map((item) => item.overdue)).toEqual([true, true, true, true, false, false]);
  });

  it('says how late in whole calendar days', () => {
    const items = buildAgenda(sources, DEFAULT_CADENCE, { kind: 'ahead', days: 7 }, now);
    const late = Object.fromEntries(items.map((item) => [item.id, lateWords(item.daysLate)]));
    expect(late).toMatchObject({ C3: '2 days late', F13: '2 days late', A7: '3 days late', A8: 'late today', A9: null, F12: null });
  });

  it('carries what each item is about as data, and the messages say it in words', () => {
    const items = buildAgenda(sources, DEFAULT_CADENCE, { kind: 'ahead', days: 7 }, now);
    const byId = Object.fromEntries(items.map((item) => [item.id, item]));
    expect(byId.C3).toMatchObject({ kind: 'cadence', rung: 'leader', everyDays: 14, daysSinceMet: 16 });
    expect(byId.A7).toMatchObject({ kind: 'ask', text: 'come to the tenant meeting', outcome: 'yes' });
    expect(byId.F13).toMatchObject({ kind: 'followup', text: 'drop off flyers', ask: null });
    expect(Object.fromEntries(items.map((item) => [item.id, agendaWords(item)]))).toMatchObject({
      C3: 'Time for a 1:1 with Carla (leader, every 14 days; last met 16 days ago)',
      A7: 'Did Ana come to the tenant meeting?',
      F13: 'drop off flyers',
    });
  });

  it('words a default follow-up from the ask it follows, or as a plain follow-up', () => {
    const followUps = [
      { id: 1, personId: 2, person: 'Ben Okafor', text: null, ask: null, dueAt: at(1) },
      { id: 2, personId: 2, person: 'Ben Okafor', text: null, ask: { text: 'host a house meeting', outcome: 'no' }, dueAt: at(2) },
      { id: 3, personId: 2, person: 'Ben Okafor', text: null, ask: { text: 'host a house meeting', outcome: 'yes' }, dueAt: at(3) },
    ];
    const items = buildAgenda({ followUps, asks: [], cadence: [] }, DEFAULT_CADENCE, { kind: 'all' }, now);
    expect(items.map(agendaWords)).toEqual([
      'Follow up with Ben Okafor',
      'Check back in with Ben Okafor about: host a house meeting',
      'Remind Ben Okafor about: host a house meeting',
    ]);
  });

  it('says when a cadence reminder\'s person was last met, or that they never were', () => {
    const carla = sources.cadence[0]!;
    const words = (lastMet: string | null) =>
      agendaWords(buildAgenda({ followUps: [], asks: [], cadence: [{ ...carla, lastMet }] }, DEFAULT_CADENCE, { kind: 'all' }, now)[0]!);
    expect(words(null)).toBe('Time for a first 1:1 with Carla (leader, every 14 days; never met)');
    expect(words(at(-1))).toBe('Time for a 1:1 with Carla (leader, every 14 days; last met yesterday)');
    expect(words(at(0, 8))).toBe('Time for a 1:1 with Carla (leader, every 14 days; last met today)');
  });

  it('leaves out what is beyond the window, and --all brings it in', () => {
    expect(buildAgenda(sources, DEFAULT_CADENCE, { kind: 'ahead', days: 7 }, now).some((item) => item.id === 'F14')).toBe(false);
    expect(buildAgenda(sources, DEFAULT_CADENCE, { kind: 'ahead', days: 20 }, now).some((item) => item.id === 'F14')).toBe(true);
    expect(buildAgenda(sources, DEFAULT_CADENCE, { kind: 'all' }, now).at(-1)!.id).toBe('F14');
  });

  it('with --overdue lists only what is late', () => {
    expect(buildAgenda(sources, DEFAULT_CADENCE, { kind: 'overdue' }, now).map((item) => item.id)).toEqual(['A7', 'C3', 'F13', 'A8']);
  });

  it('treats a cadence reminder as due for the whole day, late only the day after', () => {
    const today = buildAgenda({ followUps: [], asks: [], cadence: [{ ...sources.cadence[0]!, lastMet: at(-14, 8) }] }, DEFAULT_CADENCE, { kind: 'ahead', days: 0 }, now);
    expect(today).toHaveLength(1);
    expect(today[0]).toMatchObject({ allDay: true, overdue: false });
  });

  it('puts the higher rung first among cadence reminders due the same day, then the lower id', () => {
    const person = (personId: number, rung: string, hours: number) => ({ personId, person: `P${personId}`, rung, lastMet: null, lastTouch: null, createdAt: at(-70, hours), cadenceUntil: null });
    const cadence = [person(4, 'contact', 8), person(5, 'organizer', 16), person(6, 'leader', 9), person(7, 'contact', 7), person(8, 'imported', 6)];
    const items = buildAgenda({ followUps: [], asks: [], cadence }, DEFAULT_CADENCE, { kind: 'overdue' }, now);
    expect(items.map((item) => item.id)).toEqual(['C5', 'C6', 'C4', 'C7', 'C8']);
  });

  it('gives the cadence window for --overdue as the end of yesterday, and the same end as the list otherwise', () => {
    expect(cadenceWindowEnd({ kind: 'overdue' }, now)?.getTime()).toBe(new Date(2026, 10, 18).getTime() - 1);
    expect(cadenceWindowEnd({ kind: 'ahead', days: 7 }, now)).toEqual(windowEnd({ kind: 'ahead', days: 7 }, now));
    expect(cadenceWindowEnd({ kind: 'all' }, now)).toBeNull();
  });

  it('ends the window at the end of the last day', () => {
    expect(windowEnd({ kind: 'ahead', days: 0 }, now)!.getDate()).toBe(18);
    expect(windowEnd({ kind: 'ahead', days: 0 }, now)!.getHours()).toBe(23);
    expect(windowEnd({ kind: 'all' }, now)).toBeNull();
  });
});

describe('ask check-ins', () => {
  it('falls due at the snoozed time, else the due time, else a week after the ask', () => {
    expect(checkInDue(ask(1, { checkinAt: at(4), dueAt: at(1) })).toISOString()).toBe(at(4));
    expect(checkInDue(ask(1, { dueAt: at(1) })).toISOString()).toBe(at(1));
    expect(checkInDue(ask(1, { dueAt: null, askedAt: at(-5) })).toISOString()).toBe(new Date(new Date(at(-5)).getTime() + 7 * 86_400_000).toISOString());
  });

  it.each([
    ['come to the tenant meeting', 'yes', 'Did Ana come to the tenant meeting?'],
    ['Will you bring your neighbors to the vigil?', 'yes', 'Did Ana bring their neighbors to the vigil?'],
    ['to sign the petition.', 'maybe', 'Did Ana sign the petition? (said maybe)'],
    ['the Thursday vigil', 'yes', 'Did Ana follow through on "the Thursday vigil"?'],
  ] as const)('asks %j as a question', (text, outcome, question) => {
    expect(checkInQuestion('Ana Ruiz', text, outcome)).toBe(question);
  });
});

describe('ids', () => {
  it('reads F12, a7 and #C3, and nothing else', () => {
    expect(parseItemId('F12')).toEqual({ kind: 'followup', id: 12 });
    expect(parseItemId(' a7 ')).toEqual({ kind: 'ask', id: 7 });
    expect(parseItemId('#C3')).toEqual({ kind: 'cadence', id: 3 });
    expect(parseItemId('12')).toBeUndefined();
    expect(parseItemId('X1')).toBeUndefined();
    expect(parseItemId('F')).toBeUndefined();
  });
});
