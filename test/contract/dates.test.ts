/**
 * Dates: ISO strings with milliseconds read back exactly and compared to the millisecond, and a meeting at
 * 23:30 local time west of UTC (here: America/Los_Angeles, UTC−8 in late November, −7 before 1 November 2026)
 * belongs to that local day wherever a day is counted: leaders' days since met, the cadence due day, stats windows.
 */
process.env.TZ = 'America/Los_Angeles';

import { afterAll, describe, expect, it } from 'vitest';
import type { CadenceDays } from '../../src/people/cadence.js';
import { leaderScore } from '../../src/people/ranking.js';
import { ENGINES } from './engines.js';
import { addPerson, meeting, person, useEngine } from './harness.js';

afterAll(() => {
  delete process.env.TZ;
});

/** 2026-11-24 23:30 in Los Angeles (PST, UTC−8). */
const LATE_LOCAL = '2026-11-25T07:30:00.000Z';
/** 2026-11-25 00:15 in Los Angeles: the next local day, the same UTC day as LATE_LOCAL. */
const AFTER_MIDNIGHT = '2026-11-25T08:15:00.000Z';
/** The local day of 2026-11-24 in Los Angeles, as UTC instants. */
const NOV24 = { from: '2026-11-24T08:00:00.000Z', to: '2026-11-25T07:59:59.999Z' };
const NOV25 = { from: '2026-11-25T08:00:00.000Z', to: '2026-11-26T07:59:59.999Z' };

describe.each(ENGINES)('dates ($name)', (engine) => {
  const h = useEngine(engine);

  it('runs in a time zone west of UTC (precondition)', () => {
    expect(new Date(LATE_LOCAL).getHours()).toBe(23);
    expect(new Date(LATE_LOCAL).getDate()).toBe(24);
    expect(new Date(LATE_LOCAL).getTimezoneOffset()).toBe(480);
  });

  it('every stored moment reads back exactly, to the millisecond', async () => {
    const store = await h.store();
    const ms = (n: number) => `2026-11-24T18:30:00.${String(n).padStart(3, '0')}Z`;
    const ids = await store.write(async (tx) => {
      const ana = await tx.people.add(person('Ana Ruiz'), ms(1));
      const m = await tx.meetings.add(meeting(ana, ms(2)), ms(3));
      const note = await tx.meetings.addNote(ana, m, 'note', 'n', null, ms(4));
      const ask = await tx.commitments.addAsk(ana, m, { text: 'come', outcome: 'yes', dueAt: ms(5) }, ms(6));
      await tx.commitments.snoozeCheckIn(ask, ms(7));
      const followUp = await tx.commitments.addFollowUp(ana, m, { text: 'call', dueAt: ms(8) }, ms(9));
      await tx.commitments.closeFollowUp(followUp, ms(10));
      await tx.commitments.setCadenceUntil(ana, ms(11));
      await tx.people.moveToRung(ana, 'leader', { cause: 'meeting', meetingId: m, at: ms(12) });
      await tx.commitments.checkAsk(ask, 'kept', ms(999));
      return { ana, m, note, ask, followUp };
    });
    expect(await store.people.get(ids.ana)).toMatchObject({ createdAt: ms(1), updatedAt: ms(12) });
    expect(await store.meetings.get(ids.m)).toMatchObject({ heldAt: ms(2), createdAt: ms(3), updatedAt: ms(3), completedAt: ms(3) });
    expect((await store.meetings.notesForPerson(ids.ana))[0]).toMatchObject({ createdAt: ms(4) });
    expect(await store.commitments.ask(ids.ask)).toMatchObject({ dueAt: ms(5), checkinAt: ms(7), checkedAt: ms(999), askedAt: ms(2) });
    expect((await store.commitments.asksForPerson(ids.ana))[0]).toMatchObject({ createdAt: ms(6) });
    expect(await store.commitments.followUp(ids.followUp)).toMatchObject({ dueAt: ms(8), doneAt: ms(10) });
    expect((await store.commitments.followUpsForPerson(ids.ana))[0]).toMatchObject({ createdAt: ms(9) });
    expect(await store.agenda.cadencePerson(ids.ana)).toMatchObject({ cadenceUntil: ms(11), lastMet: ms(2), createdAt: ms(1) });
    expect((await store.people.rungHistory(ids.ana))[1]).toMatchObject({ changedAt: ms(12), meetingHeldAt: ms(2) });
  });

  it('compares moments a millisecond apart in the right order', async () => {
    const store = await h.store();
    const ana = await addPerson(store, 'Ana Ruiz');
    const times = ['2026-11-24T18:30:00.999Z', '2026-11-24T18:30:00.001Z', '2026-11-24T18:30:01.000Z', '2026-11-24T18:29:59.999Z'];
    const ids = await store.write(async (tx) => {
      const ids: number[] = [];
      for (const at of times) ids.push(await tx.meetings.add(meeting(ana, at), at));
      return ids;
    });
    expect(await store.meetings.idsForPerson(ana)).toEqual([ids[2], ids[0], ids[1], ids[3]]);
    expect(await store.stats.meetingDatesBetween('2026-11-24T18:30:00.001Z', '2026-11-24T18:30:00.999Z')).toEqual([times[1], times[0]]);
    expect(await store.stats.meetingDatesBetween('2026-11-24T18:30:00.002Z', '2026-11-24T18:30:00.998Z')).toEqual([]);
  });

  describe('a meeting at 23:30 local time', () => {
    it('is kept as the UTC instant it was, and belongs to that local day in a stats window', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz', '2026-11-01T12:00:00.000Z');
      const late = await store.write((tx) => tx.meetings.add(meeting(ana, LATE_LOCAL), LATE_LOCAL));
      const next = await store.write((tx) => tx.meetings.add(meeting(ana, AFTER_MIDNIGHT), AFTER_MIDNIGHT));
      expect((await store.meetings.get(late))?.heldAt).toBe(LATE_LOCAL);
      expect(await store.meetings.idsForPerson(ana)).toEqual([next, late]);
      expect(await store.stats.meetingDatesBetween(NOV24.from, NOV24.to)).toEqual([LATE_LOCAL]);
      expect(await store.stats.meetingDatesBetween(NOV25.from, NOV25.to)).toEqual([AFTER_MIDNIGHT]);
    });

    it('is one day ago half an hour after local midnight, and today a quarter of an hour before it', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz', '2026-11-01T12:00:00.000Z', { potential: 5 });
      await store.write((tx) => tx.meetings.add(meeting(ana, LATE_LOCAL), LATE_LOCAL));
      const at = async (now: string) => {
        const [leader] = (await store.leaders.top({}, new Date(now), 1)).leaders;
        return { daysSinceMet: leader?.daysSinceMet, score: leader?.score };
      };
      // 10×5 + 1 meeting + 4×5×days/60
      expect(await at('2026-11-25T08:30:00.000Z')).toEqual({ daysSinceMet: 1, score: 51.3 });
      expect(await at('2026-11-25T07:45:00.000Z')).toEqual({ daysSinceMet: 0, score: 51 });
      expect(await at('2026-11-26T07:59:59.999Z')).toEqual({ daysSinceMet: 1, score: 51.3 });
      expect(await at('2026-11-26T08:00:00.000Z')).toEqual({ daysSinceMet: 2, score: 51.7 });
    });

    it('counts local calendar days across the change from daylight saving time (1 November 2026)', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz', '2026-09-01T12:00:00.000Z', { potential: 5 });
      // 2026-10-31 23:30 PDT (UTC−7).
      await store.write((tx) => tx.meetings.add(meeting(ana, '2026-11-01T06:30:00.000Z'), '2026-11-01T06:30:00.000Z'));
      const at = async (now: string) => {
        const [leader] = (await store.leaders.top({}, new Date(now), 1)).leaders;
        return { daysSinceMet: leader?.daysSinceMet, score: leader?.score };
      };
      // 2026-11-02 00:30 PST: two local days later (only one UTC day).
      expect(await at('2026-11-02T08:30:00.000Z')).toEqual({ daysSinceMet: 2, score: 51.7 });
      // 2026-11-01 23:30 PST: one local day later.
      expect(await at('2026-11-02T07:30:00.000Z')).toEqual({ daysSinceMet: 1, score: 51.3 });
      // 2026-11-29 12:00 PST: 29 local days.
      expect(await at('2026-11-29T20:00:00.000Z')).toEqual({ daysSinceMet: 29, score: 60.7 });
    });

    it('scores in the store as the formula does, for meetings around local midnight', async () => {
      const store = await h.store();
      const heldAts = ['2026-11-25T07:30:00.000Z', '2026-11-25T08:00:00.000Z', '2026-11-24T07:59:59.999Z', '2026-10-15T06:59:00.000Z', '2026-09-20T07:30:00.000Z'];
      const ids = await store.write(async (tx) => {
        const ids: number[] = [];
        for (const [i, heldAt] of heldAts.entries()) {
          const id = await tx.people.add(person(`Person ${i}`, { potential: (i % 5) + 1 }), '2026-09-01T12:00:00.000Z');
          await tx.meetings.add(meeting(id, heldAt), heldAt);
          ids.push(id);
        }
        return ids;
      });
      const now = new Date('2026-11-25T08:30:00.000Z');
      const { leaders } = await store.leaders.top({}, now, 10);
      for (const leader of leaders) expect(leader.score, leader.name).toBe(leaderScore(leader, now));
      expect(leaders.map(({ id, daysSinceMet }) => [id, daysSinceMet]).sort((a, b) => a[0]! - b[0]!)).toEqual([
        [ids[0], 1], [ids[1], 0], [ids[2], 2], [ids[3], 42], [ids[4], 66],
      ]);
    });

    it('a follow-up due then is in the list that ends with that local day, not the one before', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz', '2026-11-01T12:00:00.000Z');
      const id = await store.write((tx) => tx.commitments.addFollowUp(ana, null, { text: 'call', dueAt: LATE_LOCAL }, '2026-11-01T12:00:00.000Z'));
      expect((await store.agenda.openFollowUps({ until: NOV24.to })).map((row) => row.id)).toEqual([id]);
      expect(await store.agenda.openFollowUps({ until: '2026-11-24T07:59:59.999Z' })).toEqual([]);
    });

    it('cadenceDueFirst orders by the local due day when given the local offset', async () => {
      const store = await h.store();
      // Leader: met 14 days before LATE_LOCAL, so due 2026-11-24 23:30 local (2026-11-25 UTC).
      // Contact: added 60 days before 2026-11-24 12:00 local, so due that day at noon (2026-11-24 UTC).
      const ids = await store.write(async (tx) => {
        const contact = await tx.people.add(person('Con Tact'), '2026-09-25T20:00:00.000Z');
        const leader = await tx.people.add(person('Lee Der', { rung: 'leader' }), '2026-09-01T12:00:00.000Z');
        await tx.meetings.add(meeting(leader, '2026-11-11T07:30:00.000Z'), '2026-11-11T07:30:00.000Z');
        return { contact, leader };
      });
      const cadence: CadenceDays = { rungs: { leader: 14 }, other: 60 };
      const until = new Date('2026-11-26T00:00:00.000Z');
      const local = await store.agenda.cadenceDueFirst(until, cadence, 10, -480);
      expect(local.total).toBe(2);
      expect(local.people.map(({ personId }) => personId)).toEqual([ids.leader, ids.contact]);
      const utc = await store.agenda.cadenceDueFirst(until, cadence, 10, 0);
      expect(utc.people.map(({ personId }) => personId)).toEqual([ids.contact, ids.leader]);
      expect((await store.agenda.cadenceDue({ until: NOV24.to }, cadence)).map(({ personId }) => personId).sort((a, b) => a - b)).toEqual(
        [ids.contact, ids.leader].sort((a, b) => a - b),
      );
      expect((await store.agenda.cadenceDue({ until: '2026-11-25T07:29:59.999Z' }, cadence)).map(({ personId }) => personId)).toEqual([ids.contact]);
    });
  });
});
