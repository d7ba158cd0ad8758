/**
 * The read models: agenda, leaders, ladder, stats, export, import lookups. Expected values are worked out by
 * hand from the data each test writes (the leader scores from the formula in src/people/ranking.ts).
 * Leader times are at noon UTC, so calendar days come out the same in any time zone of the machine.
 */
import { describe, expect, it } from 'vitest';
import type { CadenceDays } from '../../src/people/cadence.js';
import type { RankedLeader } from '../../src/people/ranking.js';
import type { RungMove, Store } from '../../src/store/index.js';
import { EXPORT_TABLES } from '../../src/store/index.js';
import { ENGINES } from './engines.js';
import {
  addPerson, byId, byRung, digitsOf, EXPORT_COLUMNS, exportRows, meeting, person, T0, T1, T2, T3, T4, useEngine,
} from './harness.js';

const CADENCE: CadenceDays = { rungs: { leader: 14, volunteer: 30 }, other: 60 };

describe.each(ENGINES)('read models ($name)', (engine) => {
  const h = useEngine(engine);

  describe('agenda: openFollowUps', () => {
    async function fill(store: Store) {
      return store.write(async (tx) => {
        const ana = await tx.people.add(person('Ana Ruiz'), T0);
        const bo = await tx.people.add(person('Bo Li'), T0);
        const m = await tx.meetings.add(meeting(ana, T0), T0);
        const ask = await tx.commitments.addAsk(ana, m, { text: 'come to the vigil', outcome: 'yes' }, T0);
        const call = await tx.commitments.addFollowUp(ana, null, { text: 'call about the vigil', dueAt: T1 }, T0);
        const forAsk = await tx.commitments.addFollowUp(ana, m, { text: null, askId: ask, dueAt: T3 }, T0);
        const boCall = await tx.commitments.addFollowUp(bo, null, { text: 'text Bo', dueAt: T2 }, T0);
        const done = await tx.commitments.addFollowUp(ana, null, { text: 'done already', dueAt: T0 }, T0);
        await tx.commitments.closeFollowUp(done, T1);
        return { ana, bo, call, forAsk, boCall };
      });
    }

    it('lists every open follow-up with no end, with the ask a default one follows', async () => {
      const store = await h.store();
      const ids = await fill(store);
      expect(byId(await store.agenda.openFollowUps({ until: null }))).toEqual(byId([
        { id: ids.call, personId: ids.ana, person: 'Ana Ruiz', text: 'call about the vigil', dueAt: T1, ask: null },
        { id: ids.forAsk, personId: ids.ana, person: 'Ana Ruiz', text: null, dueAt: T3, ask: { text: 'come to the vigil', outcome: 'yes' } },
        { id: ids.boCall, personId: ids.bo, person: 'Bo Li', text: 'text Bo', dueAt: T2, ask: null },
      ]));
    });

    it('ends at until, inclusive to the millisecond, and narrows to one person', async () => {
      const store = await h.store();
      const ids = await fill(store);
      const idsOf = async (filter: Parameters<Store['agenda']['openFollowUps']>[0]) => (await store.agenda.openFollowUps(filter)).map(({ id }) => id).sort((a, b) => a - b);
      expect(await idsOf({ until: '2026-11-24T18:29:59.999Z' })).toEqual([]);
      expect(await idsOf({ until: T1 })).toEqual([ids.call]);
      expect(await idsOf({ until: T2 })).toEqual([ids.call, ids.boCall].sort((a, b) => a - b));
      expect(await idsOf({ until: T2, personId: ids.ana })).toEqual([ids.call]);
      expect(await idsOf({ until: null, personId: ids.bo })).toEqual([ids.boCall]);
      expect(await idsOf({ until: null, personId: ids.ana + ids.bo + 10 })).toEqual([]);
    });
  });

  describe('agenda: openAsks', () => {
    async function fill(store: Store) {
      return store.write(async (tx) => {
        const ana = await tx.people.add(person('Ana Ruiz'), T0);
        const bo = await tx.people.add(person('Bo Li'), T0);
        const m = await tx.meetings.add(meeting(ana, T1), T1);
        const undated = await tx.commitments.addAsk(ana, m, { text: 'come to the vigil', outcome: 'yes' }, T1);
        const dated = await tx.commitments.addAsk(ana, m, { text: 'bring food', outcome: 'maybe', dueAt: T2 }, T1);
        const loose = await tx.commitments.addAsk(ana, null, { text: 'phone bank', outcome: 'yes' }, T0);
        await tx.commitments.addAsk(ana, m, { text: 'chair it', outcome: 'no' }, T1);
        await tx.commitments.addAsk(ana, m, { text: 'not answered', outcome: null }, T1);
        const checked = await tx.commitments.addAsk(ana, m, { text: 'checked', outcome: 'yes' }, T1);
        await tx.commitments.checkAsk(checked, 'kept', T2);
        const snoozed = await tx.commitments.addAsk(bo, null, { text: 'canvass', outcome: 'yes', dueAt: T3 }, T0);
        await tx.commitments.snoozeCheckIn(snoozed, T4);
        return { ana, bo, undated, dated, loose, snoozed };
      });
    }

    it('lists asks said yes or maybe, not checked on, with when they were asked', async () => {
      const store = await h.store();
      const ids = await fill(store);
      expect(byId(await store.agenda.openAsks({ until: null }))).toEqual(byId([
        { id: ids.undated, personId: ids.ana, person: 'Ana Ruiz', text: 'come to the vigil', outcome: 'yes', dueAt: null, checkinAt: null, askedAt: T1 },
        { id: ids.dated, personId: ids.ana, person: 'Ana Ruiz', text: 'bring food', outcome: 'maybe', dueAt: T2, checkinAt: null, askedAt: T1 },
        { id: ids.loose, personId: ids.ana, person: 'Ana Ruiz', text: 'phone bank', outcome: 'yes', dueAt: null, checkinAt: null, askedAt: T0 },
        { id: ids.snoozed, personId: ids.bo, person: 'Bo Li', text: 'canvass', outcome: 'yes', dueAt: T3, checkinAt: T4, askedAt: T0 },
      ]));
    });

    it('checks in at the snoozed time, else the due time, else a week after it was asked; until is inclusive', async () => {
      const store = await h.store();
      const ids = await fill(store);
      const idsOf = async (until: string, personId?: number) =>
        (await store.agenda.openAsks(personId === undefined ? { until } : { until, personId })).map(({ id }) => id).sort((a, b) => a - b);
      const sorted = (...values: number[]) => values.sort((a, b) => a - b);
      // loose: asked T0 (2026-11-01T09:00), so a week later; undated: asked at the meeting (T1), a week later.
      expect(await idsOf('2026-11-08T08:59:59.999Z')).toEqual([]);
      expect(await idsOf('2026-11-08T09:00:00.000Z')).toEqual([ids.loose]);
      expect(await idsOf(T2)).toEqual(sorted(ids.loose, ids.dated));
      // snoozed: due T3, but its check-in was moved to T4.
      expect(await idsOf(T3)).toEqual(sorted(ids.loose, ids.dated));
      expect(await idsOf(T4)).toEqual(sorted(ids.loose, ids.dated, ids.snoozed));
      expect(await idsOf('2026-12-01T18:29:59.999Z')).toEqual(sorted(ids.loose, ids.dated, ids.snoozed));
      expect(await idsOf('2026-12-01T18:30:00.000Z')).toEqual(sorted(ids.loose, ids.dated, ids.snoozed, ids.undated));
      expect(await idsOf('2027-01-01T00:00:00.000Z', ids.bo)).toEqual([ids.snoozed]);
    });
  });

  describe('agenda: cadence', () => {
    async function fill(store: Store) {
      return store.write(async (tx) => {
        const never = await tx.people.add(person('Nev Er'), T0);
        const leader = await tx.people.add(person('Lee Der', { rung: 'leader' }), T0);
        await tx.meetings.add(meeting(leader, T1), T1);
        await tx.meetings.add(meeting(leader, T3, { status: 'draft' }), T3);
        const quiet = await tx.people.add(person('Vol Unteer', { rung: 'volunteer' }), T0);
        await tx.meetings.add(meeting(quiet, T1), T1);
        await tx.commitments.setCadenceUntil(quiet, '2027-01-15T00:00:00.000Z');
        return { never, leader, quiet };
      });
    }

    it('cadenceDue: everyone with no end; with an end, whoever is due by it (drafts are not meetings)', async () => {
      const store = await h.store();
      const ids = await fill(store);
      const never = { personId: ids.never, person: 'Nev Er', rung: 'contact', lastMet: null, lastTouch: null, createdAt: T0, cadenceUntil: null };
      const leader = { personId: ids.leader, person: 'Lee Der', rung: 'leader', lastMet: T1, lastTouch: null, createdAt: T0, cadenceUntil: null };
      const quiet = { personId: ids.quiet, person: 'Vol Unteer', rung: 'volunteer', lastMet: T1, lastTouch: null, createdAt: T0, cadenceUntil: '2027-01-15T00:00:00.000Z' };
      const due = async (until: string | null, personId?: number) =>
        (await store.agenda.cadenceDue(personId === undefined ? { until } : { until, personId }, CADENCE)).sort((a, b) => a.personId - b.personId);
      expect(await due(null)).toEqual([never, leader, quiet]);
      // leader: met T1 (2026-11-24T18:30), every 14 days; never: added T0 (2026-11-01T09:00), every 60; quiet: snoozed to 2027-01-15.
      expect(await due('2026-12-08T18:29:59.999Z')).toEqual([]);
      expect(await due('2026-12-08T18:30:00.000Z')).toEqual([leader]);
      expect(await due('2026-12-31T09:00:00.000Z')).toEqual([never, leader]);
      expect(await due('2027-01-14T23:59:59.999Z')).toEqual([never, leader]);
      expect(await due('2027-01-15T00:00:00.000Z')).toEqual([never, leader, quiet]);
      expect(await due('2027-01-15T00:00:00.000Z', ids.quiet)).toEqual([quiet]);
      expect(await due(null, ids.never)).toEqual([never]);
      expect(await store.agenda.cadencePerson(ids.leader)).toEqual(leader);
      expect(await store.agenda.cadencePerson(ids.quiet + 100)).toBeUndefined();
    });

    it('cadenceDueFirst: the most overdue first, cut to the limit, with how many are due in all', async () => {
      const store = await h.store();
      const ids = await fill(store);
      const candidate = async (id: number) => (await store.agenda.cadencePerson(id))!;
      const until = new Date('2027-01-15T00:00:00.000Z');
      expect(await store.agenda.cadenceDueFirst(until, CADENCE, 25, 0)).toEqual({
        people: [await candidate(ids.leader), await candidate(ids.never), await candidate(ids.quiet)], total: 3,
      });
      expect(await store.agenda.cadenceDueFirst(until, CADENCE, 2, 0)).toEqual({
        people: [await candidate(ids.leader), await candidate(ids.never)], total: 3,
      });
      expect(await store.agenda.cadenceDueFirst(new Date('2026-12-31T09:00:00.000Z'), CADENCE, 1, 0)).toEqual({
        people: [await candidate(ids.leader)], total: 2,
      });
      expect(await store.agenda.cadenceDueFirst(new Date('2026-12-08T18:29:59.999Z'), CADENCE, 25, 0)).toEqual({ people: [], total: 0 });
    });

    it('cadenceDueFirst: on the same day, the higher rung first, then the lower id', async () => {
      const store = await h.store();
      const ids = await store.write(async (tx) => ({
        contactA: await tx.people.add(person('Con Tact', { rung: 'contact' }), '2026-10-01T12:00:00.000Z'),
        leader: await tx.people.add(person('Lee Der', { rung: 'leader' }), '2026-11-16T12:00:00.000Z'),
        contactB: await tx.people.add(person('Con Two', { rung: 'contact' }), '2026-10-01T12:00:00.000Z'),
        organizer: await tx.people.add(person('Org Anizer', { rung: 'organizer' }), '2026-11-16T12:00:00.000Z'),
      }));
      // All four are due 2026-11-30 at noon: contacts added 2026-10-01 (60 days), leader and organizer added 2026-11-16 (14 days).
      const cadence: CadenceDays = { rungs: { leader: 14, organizer: 14 }, other: 60 };
      const { people, total } = await store.agenda.cadenceDueFirst(new Date('2026-12-01T00:00:00.000Z'), cadence, 25, 0);
      expect(total).toBe(4);
      const [firstContact, secondContact] = [ids.contactA, ids.contactB].sort((a, b) => a - b);
      expect(people.map(({ personId }) => personId)).toEqual([ids.organizer, ids.leader, firstContact, secondContact]);
    });
  });

  describe('agenda: a contact restarts the cadence', () => {
    // Lee (leader, every 14 days) was met on 2026-11-01 at noon and called on 2026-11-10 at 18:00; Con (a contact, every
    // 60 days, added 2026-10-01, never met) had her door knocked on 2026-11-20.
    async function fill(store: Store) {
      return store.write(async (tx) => {
        const lee = await tx.people.add(person('Lee Der', { rung: 'leader' }), '2026-10-01T12:00:00.000Z');
        const con = await tx.people.add(person('Con Tact', { rung: 'contact' }), '2026-10-01T12:00:00.000Z');
        await tx.meetings.add(meeting(lee, '2026-11-01T12:00:00.000Z'), T0);
        await tx.web.touch({ personId: lee, by: 'call', note: null, touchedAt: '2026-11-10T18:00:00.000Z' }, T0);
        await tx.web.touch({ personId: con, by: 'door', note: null, touchedAt: '2026-11-20T12:00:00.000Z' }, T0);
        return { lee, con };
      });
    }
    const contacts: CadenceDays = { rungs: { leader: 14 }, other: 60 };
    const oneOnOnes: CadenceDays = { ...contacts, counts: 'one-on-ones' };
    const due = async (store: Store, cadence: CadenceDays, until: string) =>
      (await store.agenda.cadenceDueFirst(new Date(until), cadence, 25, 0)).people.map(({ person: name }) => name);

    it('due 14 days after the call when contacts count, 14 days after the 1:1 when only 1:1s do', async () => {
      const store = await h.store();
      await fill(store);
      // 2026-11-15 12:00 is 14 days after the 1:1; 2026-11-24 18:00, 14 days after the call.
      expect(await due(store, oneOnOnes, '2026-11-16T00:00:00.000Z')).toEqual(['Lee Der']);
      expect(await due(store, contacts, '2026-11-16T00:00:00.000Z')).toEqual([]);
      expect(await due(store, contacts, '2026-11-24T17:00:00.000Z')).toEqual([]);
      expect(await due(store, contacts, '2026-11-25T00:00:00.000Z')).toEqual(['Lee Der']);
      const window = { until: '2026-11-25T00:00:00.000Z' };
      expect((await store.agenda.cadenceDue(window, oneOnOnes)).map(({ person: name }) => name)).toEqual(['Lee Der']);
      expect((await store.agenda.cadenceDue({ until: '2026-11-20T00:00:00.000Z' }, contacts)).map(({ person: name }) => name)).toEqual([]);
      // Never met: 60 days from being added (2026-11-30), or from the knock (2027-01-19) when contacts count.
      expect(await due(store, oneOnOnes, '2026-12-01T00:00:00.000Z')).toEqual(['Lee Der', 'Con Tact']);
      expect(await due(store, contacts, '2026-12-01T00:00:00.000Z')).toEqual(['Lee Der']);
      expect(await due(store, contacts, '2027-01-20T00:00:00.000Z')).toEqual(['Lee Der', 'Con Tact']);
    });

    it('hands over the latest contact with each candidate, and cadencePerson always does', async () => {
      const store = await h.store();
      const { lee } = await fill(store);
      const [candidate] = (await store.agenda.cadenceDueFirst(new Date('2026-11-25T00:00:00.000Z'), contacts, 25, 0)).people;
      expect(candidate).toMatchObject({ personId: lee, lastMet: '2026-11-01T12:00:00.000Z', lastTouch: '2026-11-10T18:00:00.000Z' });
      expect(await store.agenda.cadencePerson(lee)).toMatchObject({ lastMet: '2026-11-01T12:00:00.000Z', lastTouch: '2026-11-10T18:00:00.000Z' });
    });
  });

  describe('leaders', () => {
    const NOW = new Date('2026-12-01T12:00:00.000Z');

    async function fill(store: Store) {
      return store.write(async (tx) => {
        const ana = await tx.people.add(person('Ana Ruiz', { rung: 'leader', potential: 4 }), T0);
        const bo = await tx.people.add(person('Bo Li', { referredBy: ana, source: 'referral' }), T0);
        const cy = await tx.people.add(person('Cy Dee', { rung: 'volunteer', potential: 5 }), T0);
        const dee = await tx.people.add(person('Dee Fox', { potential: 2 }), T0);
        const a1 = await tx.meetings.add(meeting(ana, '2026-11-11T12:00:00.000Z'), T0);
        await tx.meetings.add(meeting(ana, '2026-11-21T12:00:00.000Z'), T0);
        await tx.meetings.add(meeting(ana, '2026-11-30T12:00:00.000Z', { status: 'draft' }), T0);
        const kept = await tx.commitments.addAsk(ana, a1, { text: 'come', outcome: 'yes' }, T0);
        await tx.commitments.checkAsk(kept, 'kept', T1);
        await tx.commitments.addAsk(ana, a1, { text: 'bring food', outcome: 'yes' }, T0);
        await tx.commitments.addAsk(ana, a1, { text: 'chair it', outcome: 'no' }, T0);
        const c1 = await tx.meetings.add(meeting(cy, '2026-09-01T12:00:00.000Z'), T0);
        const broken = await tx.commitments.addAsk(cy, c1, { text: 'canvass', outcome: 'yes' }, T0);
        await tx.commitments.checkAsk(broken, 'broken', T1);
        await tx.meetings.add(meeting(dee, '2026-12-01T11:00:00.000Z'), T0);
        return { ana, bo, cy, dee };
      });
    }

    function expected(ids: { ana: number; bo: number; cy: number; dee: number }): Record<'ana' | 'bo' | 'cy' | 'dee', RankedLeader> {
      return {
        // 10×4 + 3×(5−1) + (2 yes + 4×1 kept) + 3×1 referral + 2 meetings + 4×4×10/60 = 65.67
        ana: { id: ids.ana, name: 'Ana Ruiz', rung: 'leader', potential: 4, meetings: 2, lastMet: '2026-11-21T12:00:00.000Z', asksMade: 3, asksYes: 2, asksKept: 1, asksBroken: 0, referrals: 1, daysSinceMet: 10, score: 65.7 },
        // never met, not rated: 4×1×60/60
        bo: { id: ids.bo, name: 'Bo Li', rung: 'contact', potential: null, meetings: 0, lastMet: null, asksMade: 0, asksYes: 0, asksKept: 0, asksBroken: 0, referrals: 0, daysSinceMet: null, score: 4 },
        // 10×5 + 3×3 + (1 − 3) + 1 meeting + 4×5×(91 days, capped at 60)/60
        cy: { id: ids.cy, name: 'Cy Dee', rung: 'volunteer', potential: 5, meetings: 1, lastMet: '2026-09-01T12:00:00.000Z', asksMade: 1, asksYes: 1, asksKept: 0, asksBroken: 1, referrals: 0, daysSinceMet: 91, score: 78 },
        // 10×2 + 1 meeting, met today
        dee: { id: ids.dee, name: 'Dee Fox', rung: 'contact', potential: 2, meetings: 1, lastMet: '2026-12-01T11:00:00.000Z', asksMade: 0, asksYes: 0, asksKept: 0, asksBroken: 0, referrals: 0, daysSinceMet: 0, score: 21 },
      };
    }

    it('ranks everyone best first with their facts and score, and counts them', async () => {
      const store = await h.store();
      const e = expected(await fill(store));
      expect(await store.leaders.top({}, NOW, 10)).toEqual({ leaders: [e.cy, e.ana, e.dee, e.bo], total: 4 });
      expect(await store.leaders.top({}, NOW, 2)).toEqual({ leaders: [e.cy, e.ana], total: 4 });
      expect(await store.leaders.top({}, NOW, 1)).toEqual({ leaders: [e.cy], total: 4 });
    });

    it('filters by rung, minimum potential and last met before, counting only who passes', async () => {
      const store = await h.store();
      const e = expected(await fill(store));
      expect(await store.leaders.top({ rungs: ['volunteer', 'leader', 'organizer'] }, NOW, 10)).toEqual({ leaders: [e.cy, e.ana], total: 2 });
      expect(await store.leaders.top({ rungs: ['contact'] }, NOW, 1)).toEqual({ leaders: [e.dee], total: 2 });
      expect(await store.leaders.top({ minPotential: 3 }, NOW, 10)).toEqual({ leaders: [e.cy, e.ana], total: 2 });
      expect(await store.leaders.top({ minPotential: 5 }, NOW, 10)).toEqual({ leaders: [e.cy], total: 1 });
      expect(await store.leaders.top({ metBefore: '2026-11-21T12:00:00.000Z' }, NOW, 10)).toEqual({ leaders: [e.cy, e.bo], total: 2 });
      expect(await store.leaders.top({ metBefore: '2026-11-21T12:00:00.001Z' }, NOW, 10)).toEqual({ leaders: [e.cy, e.ana, e.bo], total: 3 });
      expect(await store.leaders.top({ rungs: ['contact'], minPotential: 1, metBefore: T4 }, NOW, 10)).toEqual({ leaders: [e.dee], total: 1 });
    });

    it('a page of none is empty, with the total still counted', async () => {
      const store = await h.store();
      await fill(store);
      expect(await store.leaders.top({}, NOW, 0)).toEqual({ leaders: [], total: 4 });
    });

    it('breaks a tie on score and potential by name as people read it (accents too), then id', async () => {
      const store = await h.store();
      const ids = await store.write(async (tx) => ({
        zoe: await tx.people.add(person('Zoe Park', { potential: 3 }), T0),
        emile: await tx.people.add(person('Émile Roux', { potential: 3 }), T0),
        ana: await tx.people.add(person('ana Lima', { potential: 3 }), T0),
        low: await tx.people.add(person('Aaron Low', { potential: 2 }), T0),
      }));
      const names = async (limit: number) => (await store.leaders.top({}, NOW, limit)).leaders.map(({ id, name, score }) => ({ id, name, score }));
      // 10×3 + 4×3×60/60 = 42 each; Aaron: 20 + 8 = 28.
      expect(await names(1)).toEqual([{ id: ids.ana, name: 'ana Lima', score: 42 }]);
      expect(await names(2)).toEqual([{ id: ids.ana, name: 'ana Lima', score: 42 }, { id: ids.emile, name: 'Émile Roux', score: 42 }]);
      expect(await names(4)).toEqual([
        { id: ids.ana, name: 'ana Lima', score: 42 }, { id: ids.emile, name: 'Émile Roux', score: 42 }, { id: ids.zoe, name: 'Zoe Park', score: 42 },
        { id: ids.low, name: 'Aaron Low', score: 28 },
      ]);
    });
  });

  describe('ladder', () => {
    it('rungCounts counts people per rung', async () => {
      const store = await h.store();
      await store.write(async (tx) => {
        await tx.people.add(person('Ana Ruiz', { rung: 'leader' }), T0);
        await tx.people.add(person('Bo Li'), T0);
        const cy = await tx.people.add(person('Cy Dee'), T0);
        await tx.people.add(person('Dee Fox', { rung: 'volunteer' }), T0);
        await tx.people.moveToRung(cy, 'leader', { cause: 'manual', at: T1 });
      });
      expect(byRung(await store.ladder.rungCounts())).toEqual([
        { rung: 'contact', people: 1 }, { rung: 'leader', people: 2 }, { rung: 'volunteer', people: 1 },
      ]);
      expect(byRung(await store.stats.peoplePerRung())).toEqual(byRung(await store.ladder.rungCounts()));
    });

    it('moves: real moves only since a moment (inclusive), newest first, with cause, reason, detail and meeting', async () => {
      const store = await h.store();
      const ids = await store.write(async (tx) => {
        const ana = await tx.people.add(person('Ana Ruiz'), T0);
        const m = await tx.meetings.add(meeting(ana, '2026-11-24T18:00:00.000Z'), T1);
        await tx.people.moveToRung(ana, 'participant', { cause: 'meeting', meetingId: m, at: T1 });
        await tx.people.moveToRung(ana, 'volunteer', { cause: 'manual', reason: 'runs the phone tree', at: T2 });
        const bo = await tx.people.add(person('Bo Li', { rung: 'leader' }), T2);
        await tx.people.moveToRung(bo, 'organizer', { cause: 'import', detail: 'members.csv', at: T3 });
        await tx.people.moveToRung(bo, 'organizer', { cause: 'manual', at: T4 });
        return { ana, bo, m };
      });
      const boMove: RungMove = {
        personId: ids.bo, name: 'Bo Li', fromRung: 'leader', toRung: 'organizer', cause: 'import', reason: null, detail: 'members.csv',
        meetingId: null, meetingHeldAt: null, changedAt: T3,
      };
      const anaManual: RungMove = {
        personId: ids.ana, name: 'Ana Ruiz', fromRung: 'participant', toRung: 'volunteer', cause: 'manual', reason: 'runs the phone tree', detail: null,
        meetingId: null, meetingHeldAt: null, changedAt: T2,
      };
      const anaMeeting: RungMove = {
        personId: ids.ana, name: 'Ana Ruiz', fromRung: 'contact', toRung: 'participant', cause: 'meeting', reason: null, detail: null,
        meetingId: ids.m, meetingHeldAt: '2026-11-24T18:00:00.000Z', changedAt: T1,
      };
      expect(await store.ladder.moves('1970-01-01T00:00:00.000Z')).toEqual([boMove, anaManual, anaMeeting]);
      expect(await store.ladder.moves(T2)).toEqual([boMove, anaManual]);
      expect(await store.ladder.moves('2026-11-25T10:15:30.251Z')).toEqual([boMove]);
      expect(await store.ladder.moves(T4)).toEqual([]);
    });
  });

  describe('stats', () => {
    async function fill(store: Store) {
      return store.write(async (tx) => {
        const ana = await tx.people.add(person('Ana Ruiz'), T0);
        const bo = await tx.people.add(person('Bo Li'), T0);
        const timed = await tx.meetings.add(meeting(ana, T1, { phases: [
          { position: 1, key: 'rapport', title: 'Rapport', plannedSeconds: 300, maxTalkShare: 0.3, actualSeconds: 300, organizerTalkSeconds: 60, otherTalkSeconds: 240 },
          { position: 2, key: 'ask', title: 'Ask', plannedSeconds: 300, maxTalkShare: 0.5 },
        ] }), T1);
        const untimed = await tx.meetings.add(meeting(ana, T2, { phases: [{ position: 1, key: 'rapport', title: 'Rapport', plannedSeconds: 300, maxTalkShare: 0.3 }] }), T2);
        await tx.meetings.add(meeting(ana, T3), T3);
        await tx.meetings.add(meeting(ana, T2, { status: 'draft', phases: [
          { position: 1, key: 'rapport', title: 'Rapport', plannedSeconds: 300, maxTalkShare: 0.3, actualSeconds: 10, organizerTalkSeconds: 5, otherTalkSeconds: 5 },
        ] }), T2);
        const boMeeting = await tx.meetings.add(meeting(bo, T0, { phases: [
          { position: 1, key: 'a', title: 'A', plannedSeconds: 60, maxTalkShare: 0.3, organizerTalkSeconds: 70, otherTalkSeconds: 30 },
          { position: 2, key: 'b', title: 'B', plannedSeconds: 60, maxTalkShare: 0.3, organizerTalkSeconds: 30, otherTalkSeconds: 70 },
        ] }), T0);
        const kept = await tx.commitments.addAsk(ana, timed, { text: 'come', outcome: 'yes' }, T1);
        await tx.commitments.checkAsk(kept, 'kept', T2);
        await tx.commitments.addAsk(ana, timed, { text: 'recorded late, counts at the meeting', outcome: 'yes' }, T4);
        await tx.commitments.addAsk(ana, null, { text: 'loose', outcome: 'maybe' }, T2);
        await tx.commitments.addAsk(bo, boMeeting, { text: 'host', outcome: 'no' }, T0);
        await tx.commitments.addAsk(ana, null, { text: 'after the window', outcome: 'yes' }, T4);
        await tx.commitments.addAsk(ana, untimed, { text: 'unanswered' }, T2);
        return { timed, untimed, boMeeting };
      });
    }

    it('meetingDatesBetween: complete meetings held in the window, both ends included, in time order', async () => {
      const store = await h.store();
      await fill(store);
      expect(await store.stats.meetingDatesBetween(T0, T3)).toEqual([T0, T1, T2, T3]);
      expect(await store.stats.meetingDatesBetween('2026-11-01T09:00:00.001Z', '2026-11-26T08:00:00.998Z')).toEqual([T1, T2]);
      expect(await store.stats.meetingDatesBetween(T4, '2027-01-01T00:00:00.000Z')).toEqual([]);
    });

    it('talkBetween: the talk of each complete meeting that has any, summed over its phases', async () => {
      const store = await h.store();
      const ids = await fill(store);
      expect(await store.stats.talkBetween(T0, T4)).toEqual([
        { id: ids.boMeeting, heldAt: T0, organizerSeconds: 100, otherSeconds: 100, longestMonologueSeconds: null, openQuestions: null, reflections: null },
        { id: ids.timed, heldAt: T1, organizerSeconds: 60, otherSeconds: 240, longestMonologueSeconds: null, openQuestions: null, reflections: null },
      ]);
      expect(await store.stats.talkBetween(T1, T4)).toEqual([{ id: ids.timed, heldAt: T1, organizerSeconds: 60, otherSeconds: 240, longestMonologueSeconds: null, openQuestions: null, reflections: null }]);
    });

    it('askCountsBetween: asks by outcome and result, counted when their meeting was held (else when written)', async () => {
      const store = await h.store();
      await fill(store);
      const key = (row: { outcome: string | null; result: string | null }) => `${row.outcome}/${row.result}`;
      const sorted = <T extends { outcome: string | null; result: string | null }>(rows: T[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
      expect(sorted(await store.stats.askCountsBetween(T0, T3))).toEqual(sorted([
        { outcome: 'yes', result: 'kept', asks: 1 },
        { outcome: 'yes', result: null, asks: 1 },
        { outcome: 'maybe', result: null, asks: 1 },
        { outcome: 'no', result: null, asks: 1 },
        { outcome: null, result: null, asks: 1 },
      ]));
      expect(sorted(await store.stats.askCountsBetween(T3, T4))).toEqual([{ outcome: 'yes', result: null, asks: 1 }]);
    });
  });

  describe('exports', () => {
    async function fill(store: Store) {
      return store.write(async (tx) => {
        const ana = await tx.people.add(person('Ana Ruiz', {
          email: 'ana@example.org', phone: '(555) 010-0100', neighborhood: 'Eastside', organization: 'Tenants United', notes: 'likes mornings', source: 'event', potential: 4,
          language: 'es', interpreter: true,
        }), T0);
        const bo = await tx.people.add(person('Bo Li', { referredBy: ana, source: 'referral' }), T0);
        const m = await tx.meetings.add(meeting(ana, T1, { agitation: 'rent went up', phases: [
          { position: 1, key: 'rapport', title: 'Rapport', plannedSeconds: 300, maxTalkShare: 0.3, actualSeconds: 320, organizerTalkSeconds: 90, otherTalkSeconds: 230 },
          { position: 2, key: 'story', title: 'Story', plannedSeconds: 900, maxTalkShare: 0.2, actualSeconds: 1000, organizerTalkSeconds: 100, otherTalkSeconds: 900 },
        ] }), T1);
        const draft = await tx.meetings.add(meeting(bo, T2, { status: 'draft', goal: 'maintenance', template: 'quick', plannedMinutes: 15 }), T2);
        const vigil = await tx.commitments.addAsk(ana, m, { text: 'come to the vigil', outcome: 'yes', dueAt: T2, barriers: 'kids', support: 'childcare' }, T1);
        await tx.commitments.checkAsk(vigil, 'kept', T3);
        const food = await tx.commitments.addAsk(ana, m, { text: 'bring food' }, T1);
        await tx.people.moveToRung(ana, 'volunteer', { cause: 'meeting', meetingId: m, at: T1 });
        const n1 = await tx.meetings.addNote(ana, m, 'value', 'family', 'story', T1);
        const n2 = await tx.meetings.addNote(ana, m, 'issue', 'no heat', 'story', T1);
        const n3 = await tx.meetings.addNote(ana, m, 'value', 'faith', null, T1);
        const n4 = await tx.meetings.addNote(bo, null, 'note', 'met at the bus stop', null, T2);
        const f1 = await tx.commitments.addFollowUp(ana, m, { text: null, askId: vigil, dueAt: T3 }, T1);
        const f2 = await tx.commitments.addFollowUp(bo, null, { text: 'call Bo', dueAt: T2 }, T1);
        await tx.commitments.closeFollowUp(f2, T3);
        await tx.people.assess(ana, 2, { cause: 'manual', at: T1 });
        const night = await tx.web.addUnit({ name: 'Night shift', nameKey: 'night shift', kind: 'shift', size: null }, T0);
        const building = await tx.web.addUnit({ name: 'Building 12', nameKey: 'building 12', kind: 'building', size: 40 }, T0);
        for (const unit of [night, building]) await tx.web.join(ana, unit, T1);
        const r1 = (await tx.web.relate({ personId: ana, otherId: bo, kind: 'leads', note: 'since the vigil' }, T1))!;
        const r2 = (await tx.web.relate({ personId: ana, otherId: bo, kind: 'family', note: null }, T1))!;
        await tx.web.unrelate(ana, bo, 'family', T2);
        const t1 = await tx.web.touch({ personId: bo, by: 'door', note: null, touchedAt: T2 }, T3);
        return { ana, bo, m, draft, vigil, food, n1, n2, n3, n4, f1, f2, night, building, r1, r2, t1 };
      });
    }

    it('counts every table', async () => {
      const store = await h.store();
      await fill(store);
      expect(Object.fromEntries(await Promise.all(EXPORT_TABLES.map(async (table) => [table, await store.exports.count(table)])))).toEqual({
        people: 2, meetings: 2, asks: 2, followups: 2, notes: 4, touches: 1, relationships: 2, units: 2,
      });
    });

    it('rows: the columns, and the rows as arrays in column order', async () => {
      const store = await h.store();
      const ids = await fill(store);
      const flat = async (table: (typeof EXPORT_TABLES)[number]) => {
        const { columns, batches } = await exportRows(store, table);
        expect(columns).toEqual(EXPORT_COLUMNS[table]);
        return batches.flat();
      };
      expect(await flat('people')).toEqual([
        [ids.ana, 'Ana Ruiz', 'volunteer', 4, 2, 'ana@example.org', '(555) 010-0100', 'Eastside', 'Tenants United', 'es', 'yes', 'Building 12; Night shift', 'likes mornings', 'event', null, 1, T1, T0],
        [ids.bo, 'Bo Li', 'contact', null, null, null, null, null, null, null, null, null, null, 'referral', 'Ana Ruiz', 0, null, T0],
      ]);
      expect(await flat('touches')).toEqual([[ids.t1, ids.bo, 'Bo Li', 'door', null, T2, T3]]);
      expect(await flat('relationships')).toEqual([
        [ids.r1, ids.ana, 'Ana Ruiz', 'leads', ids.bo, 'Bo Li', 'since the vigil', T1, null],
        [ids.r2, ids.ana, 'Ana Ruiz', 'family', ids.bo, 'Bo Li', null, T1, T2],
      ]);
      expect(await flat('units')).toEqual([[ids.night, 'Night shift', 'shift', null, 1, T0], [ids.building, 'Building 12', 'building', 40, 1, T0]]);
      expect(await flat('meetings')).toEqual([
        // 1320 s = 22 minutes; organizer 190 of 1320 s talk = 0.144
        [ids.m, 'Ana Ruiz', T1, 'recruitment', 'standard', 'complete', 30, 22, 0.144, 'come to the vigil (yes) | bring food', 'yes, kept | no answer',
          'volunteer', 'rent went up', 'family | faith', null, null, 'no heat', null, null, null, null, null],
        [ids.draft, 'Bo Li', T2, 'maintenance', 'quick', 'draft', 15, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
      ]);
      expect(await flat('asks')).toEqual([
        [ids.vigil, 'Ana Ruiz', ids.m, T1, 'come to the vigil', T2, 'yes', 'kept', 'kids', 'childcare', T3, T1],
        [ids.food, 'Ana Ruiz', ids.m, T1, 'bring food', null, null, null, null, null, null, T1],
      ]);
      expect(await flat('followups')).toEqual([
        [ids.f1, 'Ana Ruiz', ids.m, null, T3, null, T1, 'come to the vigil', 'yes'],
        [ids.f2, 'Bo Li', null, 'call Bo', T2, T3, T1, null, null],
      ]);
      expect(await flat('notes')).toEqual([
        [ids.n1, 'Ana Ruiz', ids.m, T1, 'value', 'family', 'story', T1],
        [ids.n2, 'Ana Ruiz', ids.m, T1, 'issue', 'no heat', 'story', T1],
        [ids.n3, 'Ana Ruiz', ids.m, T1, 'value', 'faith', null, T1],
        [ids.n4, 'Bo Li', null, null, 'note', 'met at the bus stop', null, T2],
      ]);
    });

    it('rows comes in batches whose concatenation is every row once, in id order, matching count', async () => {
      const store = await h.store();
      const total = 1203;
      await store.write(async (tx) => {
        const ana = await tx.people.add(person('Ana Ruiz'), T0);
        for (let i = 0; i < total; i++) await tx.meetings.addNote(ana, null, 'note', `note ${i}`, null, T0);
      });
      expect(await store.exports.count('notes')).toBe(total);
      const { columns, batches } = await exportRows(store, 'notes');
      expect(batches.length).toBeGreaterThan(1);
      for (const batch of batches) {
        expect(batch.length).toBeGreaterThan(0);
        for (const row of batch) expect(row).toHaveLength(columns.length);
      }
      const rows = batches.flat();
      expect(rows).toHaveLength(total);
      expect(rows.map((row) => row[5])).toEqual(Array.from({ length: total }, (_, i) => `note ${i}`));
      const ids = rows.map((row) => row[0] as number);
      expect(new Set(ids).size).toBe(total);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    });
  });

  describe('import lookups', () => {
    async function fill(store: Store) {
      return store.write(async (tx) => ({
        ana: await tx.people.add(person('Ana Ruiz', { email: 'Ana@Example.org', phone: '(555) 010-0100', neighborhood: 'Eastside', rung: 'volunteer' }), T0),
        bo: await tx.people.add(person('Bo Li', { email: 'bo@example.org', phone: '+1 555 010 0199' }), T0),
        anaTwo: await tx.people.add(person('Ana Ruiz', { email: 'ana@example.org', phone: '555.010.0100' }), T0),
      }));
    }

    it('byEmail: case aside, the first added', async () => {
      const store = await h.store();
      const ids = await fill(store);
      expect(await store.imports.byEmail('ana@example.ORG')).toEqual({
        id: ids.ana, name: 'Ana Ruiz', email: 'Ana@Example.org', phone: '(555) 010-0100', neighborhood: 'Eastside', organization: null, notes: null, rung: 'volunteer',
      });
      expect((await store.imports.byEmail('BO@example.org'))?.id).toBe(ids.bo);
      expect(await store.imports.byEmail('nobody@example.org')).toBeUndefined();
      expect(await store.imports.byEmail('')).toBeUndefined();
    });

    it('byPhoneDigits: phones as typed, compared by digits, the first added', async () => {
      const store = await h.store();
      const ids = await fill(store);
      expect((await store.imports.byPhoneDigits('5550100100', digitsOf))?.id).toBe(ids.ana);
      expect(await store.imports.byPhoneDigits('15550100199', digitsOf)).toEqual({
        id: ids.bo, name: 'Bo Li', email: 'bo@example.org', phone: '+1 555 010 0199', neighborhood: null, organization: null, notes: null, rung: 'contact',
      });
      expect(await store.imports.byPhoneDigits('5550100199', digitsOf)).toBeUndefined();
    });

    it('byPhoneDigits finds a phone written after an earlier lookup, and not one that was replaced', async () => {
      const store = await h.store();
      const ids = await fill(store);
      expect(await store.imports.byPhoneDigits('5550100177', digitsOf)).toBeUndefined();
      const cy = await addPerson(store, 'Cy Dee', T1, { phone: '555-010-0177' });
      expect((await store.imports.byPhoneDigits('5550100177', digitsOf))?.id).toBe(cy);
      await store.write((tx) => tx.people.replaceDetails(ids.bo, { email: 'bo@example.org', phone: '555 010 0188', neighborhood: null, organization: null, notes: null }, T2));
      expect((await store.imports.byPhoneDigits('5550100188', digitsOf))?.id).toBe(ids.bo);
      expect(await store.imports.byPhoneDigits('15550100199', digitsOf)).toBeUndefined();
    });

    it('byNameKey: everyone with the key, by id', async () => {
      const store = await h.store();
      const ids = await fill(store);
      expect((await store.imports.byNameKey('ana ruiz')).map(({ id }) => id)).toEqual([ids.ana, ids.anaTwo].sort((a, b) => a - b));
      expect(await store.imports.byNameKey('bo li')).toEqual([
        { id: ids.bo, name: 'Bo Li', email: 'bo@example.org', phone: '+1 555 010 0199', neighborhood: null, organization: null, notes: null, rung: 'contact' },
      ]);
      expect(await store.imports.byNameKey('cy dee')).toEqual([]);
    });

    it('inside a write, finds the people that write added', async () => {
      const store = await h.store();
      await store.write(async (tx) => {
        expect(await tx.imports.byEmail('new@example.org')).toBeUndefined();
        expect(await tx.imports.byPhoneDigits('5550100111', digitsOf)).toBeUndefined();
        const id = await tx.people.add(person('New Person', { email: 'new@example.org', phone: '555-010-0111' }), T1);
        expect((await tx.imports.byEmail('NEW@example.org'))?.id).toBe(id);
        expect((await tx.imports.byPhoneDigits('5550100111', digitsOf))?.id).toBe(id);
        expect((await tx.imports.byNameKey('new person')).map((row) => row.id)).toEqual([id]);
      });
    });
  });
});
