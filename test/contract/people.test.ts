/**
 * PeopleRepository: add, read back, every update, the rung history with its causes, referrals, summaries,
 * and names in every script.
 */
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/people/names.js';
import type { PersonRow, RungChange } from '../../src/store/index.js';
import { ENGINES } from './engines.js';
import { addMeeting, addPerson, byId, meeting, person, T0, T1, T2, T3, T4, useEngine } from './harness.js';

/** Names that have broken software before: accents (composed and not), right-to-left scripts, emoji, apostrophes, quotes. */
const NAMES = [
  'José Núñez',
  'Jose\u0301 Nu\u0301n\u0303ez',
  'مريم الحسيني',
  'דוד כהן',
  'Zoë 👩🏽‍🌾 Okafor',
  "Siobhán O'Brien",
  'D’Angelo Smith',
  '王小明',
  'Łukasz Żółć',
  'Robert\'); DROP TABLE people;--',
  'Ana "La Jefa" Ruiz',
  'Nguyễn Thị Minh Khai',
];

const added = (to: string, at: string): RungChange => ({
  fromRung: null, toRung: to, cause: 'added', reason: null, detail: null, meetingId: null, meetingHeldAt: null, changedAt: at,
});

describe.each(ENGINES)('people ($name)', (engine) => {
  const h = useEngine(engine);

  describe('add and get', () => {
    it('reads back every field as written', async () => {
      const store = await h.store();
      const id = await store.write((tx) =>
        tx.people.add(
          person('Ana Ruiz', {
            email: 'ana@example.org', phone: '(555) 010-0100', neighborhood: 'Eastside', organization: 'Tenants United',
            notes: 'prefers mornings', source: 'event', sourceDetail: 'November town hall', rung: 'supporter', potential: 4,
          }),
          T1,
        ),
      );
      expect(Number.isInteger(id)).toBe(true);
      expect(await store.people.get(id)).toEqual<PersonRow>({
        id, name: 'Ana Ruiz', email: 'ana@example.org', phone: '(555) 010-0100', neighborhood: 'Eastside', organization: 'Tenants United',
        notes: 'prefers mornings', source: 'event', sourceDetail: 'November town hall', referredBy: null, rung: 'supporter', potential: 4, assessment: 0, language: null, interpreter: false,
        createdAt: T1, updatedAt: T1,
      });
    });

    it('fills what was left out with nulls, on the first rung (contact)', async () => {
      const store = await h.store();
      const id = await addPerson(store, 'Bo Li', T2);
      expect(await store.people.get(id)).toEqual<PersonRow>({
        id, name: 'Bo Li', email: null, phone: null, neighborhood: null, organization: null, notes: null, source: null, sourceDetail: null,
        referredBy: null, rung: 'contact', potential: null, assessment: 0, language: null, interpreter: false, createdAt: T2, updatedAt: T2,
      });
    });

    it('gives each person their own id, and get of an unknown id is undefined', async () => {
      const store = await h.store();
      const ids = await store.write(async (tx) => [
        await tx.people.add(person('Ana Ruiz'), T0), await tx.people.add(person('Ana Ruiz'), T0), await tx.people.add(person('Bo Li'), T0),
      ]);
      expect(new Set(ids).size).toBe(3);
      expect(await store.people.get(Math.max(...ids) + 1000)).toBeUndefined();
      expect((await store.people.allNames()).sort((a, b) => a.id - b.id)).toEqual(byId(ids.map((id, i) => ({ id, name: i < 2 ? 'Ana Ruiz' : 'Bo Li' }))));
    });

    it('records the first rung in the rung history, cause "added", no reason', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz', T1);
      const lee = await addPerson(store, 'Lee Park', T2, { rung: 'leader' });
      expect(await store.people.rungHistory(ana)).toEqual([added('contact', T1)]);
      expect(await store.people.rungHistory(lee)).toEqual([added('leader', T2)]);
    });

    it('keeps timestamps to the millisecond', async () => {
      const store = await h.store();
      const at = '2026-11-24T18:30:00.123Z';
      const id = await addPerson(store, 'Ana Ruiz', at);
      await store.write((tx) => tx.people.setPotential(id, 2, '2026-11-24T18:30:00.124Z'));
      expect(await store.people.get(id)).toMatchObject({ createdAt: at, updatedAt: '2026-11-24T18:30:00.124Z' });
      expect(await store.people.rungHistory(id)).toEqual([added('contact', at)]);
    });
  });

  describe('names', () => {
    it.each(NAMES)('%s is read back exactly, everywhere a name is read', async (name) => {
      const store = await h.store();
      const id = await store.write(async (tx) => {
        const id = await tx.people.add(person(name, { email: 'x@example.org' }), T0);
        await tx.meetings.add(meeting(id, T1), T1);
        return id;
      });
      expect((await store.people.get(id))?.name).toBe(name);
      expect(await store.people.allNames()).toEqual([{ id, name }]);
      expect((await store.people.withNameKey(nameKey(name))).map((row) => row.name)).toEqual([name]);
      expect((await store.people.summaries()).map((row) => row.name)).toEqual([name]);
      expect((await store.imports.byNameKey(nameKey(name))).map((row) => row.name)).toEqual([name]);
      expect((await store.imports.byEmail('x@example.org'))?.name).toBe(name);
      const [meetingId] = await store.meetings.idsForPerson(id);
      expect((await store.meetings.get(meetingId!))?.person).toEqual({ id, name });
      expect((await store.leaders.top({}, new Date(T2), 5)).leaders.map((row) => row.name)).toEqual([name]);
      expect((await store.agenda.cadencePerson(id))?.person).toBe(name);
    });

    it('finds everyone with a name key, and only them', async () => {
      const store = await h.store();
      const [jose, decomposed, other] = await store.write(async (tx) => [
        await tx.people.add(person('José Núñez'), T0),
        await tx.people.add(person('Jose\u0301 Nu\u0301n\u0303ez'), T0),
        await tx.people.add(person('Josefina Núñez'), T0),
      ]);
      expect(nameKey('José Núñez')).toBe('jose nunez');
      const found = await store.people.withNameKey('jose nunez');
      expect(byId(found).map(({ id, name }) => ({ id, name }))).toEqual(byId([
        { id: jose!, name: 'José Núñez' }, { id: decomposed!, name: 'Jose\u0301 Nu\u0301n\u0303ez' },
      ]));
      expect((await store.people.withNameKey('josefina nunez')).map(({ id }) => id)).toEqual([other]);
      expect(await store.people.withNameKey('jose')).toEqual([]);
      expect(await store.people.withNameKey('José Núñez')).toEqual([]);
    });

    it('summaries are in name order, case aside, then by id', async () => {
      const store = await h.store();
      const ids = await store.write(async (tx) => ({
        bo: await tx.people.add(person('bo li'), T0),
        ana2: await tx.people.add(person('Ana Ruiz'), T0),
        cy: await tx.people.add(person('Cy Dee'), T0),
        ana1: await tx.people.add(person('Ana Ruiz'), T0),
        al: await tx.people.add(person('al Green'), T0),
      }));
      const order = (await store.people.summaries()).map(({ id, name }) => ({ id, name }));
      const [firstAna, secondAna] = [ids.ana2, ids.ana1].sort((a, b) => a - b);
      expect(order).toEqual([
        { id: ids.al, name: 'al Green' }, { id: firstAna, name: 'Ana Ruiz' }, { id: secondAna, name: 'Ana Ruiz' },
        { id: ids.bo, name: 'bo li' }, { id: ids.cy, name: 'Cy Dee' },
      ]);
      expect((await store.people.summaries({}, 2)).map(({ id }) => id), 'the first of the same order').toEqual([ids.al, firstAna]);
      expect(await store.people.summaryCount()).toBe(5);
    });

    it('a limited list and its count take the same filters', async () => {
      const store = await h.store();
      const stale = await addPerson(store, 'Old Friend', T0);
      const met = await addPerson(store, 'New Friend', T0);
      await addMeeting(store, met, T3);
      await addPerson(store, 'Never Met', T0, { rung: 'leader' });
      const filter = { metBefore: T2 };
      expect((await store.people.summaries(filter, 1)).map(({ name }) => name)).toEqual(['Never Met']);
      expect(await store.people.summaryCount(filter)).toBe(2);
      expect(await store.people.summaryCount({ rungs: ['leader'] })).toBe(1);
      expect((await store.people.summaries(filter)).map(({ id }) => id).sort()).toEqual([stale, (await store.people.summaries({ rungs: ['leader'] }))[0]!.id].sort());
    });
  });

  describe('updateDetails', () => {
    it('fills in what was given and keeps what was left out', async () => {
      const store = await h.store();
      const id = await addPerson(store, 'Ana Ruiz', T0, { email: 'old@example.org', phone: '555-0100', notes: 'met at the rally' });
      await store.write((tx) => tx.people.updateDetails(id, { email: 'ana@example.org', neighborhood: 'Westside', phone: undefined }, T1));
      expect(await store.people.get(id)).toMatchObject({
        email: 'ana@example.org', phone: '555-0100', neighborhood: 'Westside', organization: null, notes: 'met at the rally', updatedAt: T1, createdAt: T0,
      });
    });

    it('never clears a detail with a null', async () => {
      const store = await h.store();
      const id = await addPerson(store, 'Ana Ruiz', T0, { email: 'ana@example.org' });
      await store.write((tx) => tx.people.updateDetails(id, { email: null, organization: 'Tenants United' }, T1));
      expect(await store.people.get(id)).toMatchObject({ email: 'ana@example.org', organization: 'Tenants United', updatedAt: T1 });
    });

    it('with nothing given changes nothing, not even updatedAt', async () => {
      const store = await h.store();
      const id = await addPerson(store, 'Ana Ruiz', T0, { email: 'ana@example.org' });
      const before = await store.people.get(id);
      await store.write((tx) => tx.people.updateDetails(id, {}, T1));
      await store.write((tx) => tx.people.updateDetails(id, { email: undefined, phone: null }, T2));
      expect(await store.people.get(id)).toEqual(before);
    });
  });

  describe('replaceDetails', () => {
    it('writes every detail as given, a null clearing it, and leaves name, rung and potential alone', async () => {
      const store = await h.store();
      const id = await addPerson(store, 'Ana Ruiz', T0, {
        email: 'ana@example.org', phone: '555-0100', neighborhood: 'Eastside', organization: 'Tenants United', notes: 'old', rung: 'volunteer', potential: 3,
      });
      await store.write((tx) =>
        tx.people.replaceDetails(id, { email: null, phone: '+1 555 0199', neighborhood: null, organization: 'Block Club', notes: 'imported' }, T2),
      );
      expect(await store.people.get(id)).toMatchObject({
        name: 'Ana Ruiz', email: null, phone: '+1 555 0199', neighborhood: null, organization: 'Block Club', notes: 'imported',
        rung: 'volunteer', potential: 3, createdAt: T0, updatedAt: T2,
      });
    });
  });

  describe('setPotential and setReferredBy', () => {
    it('sets the potential', async () => {
      const store = await h.store();
      const id = await addPerson(store, 'Ana Ruiz');
      await store.write((tx) => tx.people.setPotential(id, 5, T1));
      expect(await store.people.get(id)).toMatchObject({ potential: 5, updatedAt: T1 });
      await store.write((tx) => tx.people.setPotential(id, 1, T2));
      expect(await store.people.get(id)).toMatchObject({ potential: 1, updatedAt: T2 });
    });

    it('links a referral and leaves the source as it was ("referral" is for someone first added through one)', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const bo = await addPerson(store, 'Bo Li');
      const cy = await addPerson(store, 'Cy Dee', T0, { source: 'event', sourceDetail: 'picnic' });
      await store.write(async (tx) => {
        await tx.people.setReferredBy(bo, ana, T1);
        await tx.people.setReferredBy(cy, ana, T2);
      });
      expect(await store.people.get(bo)).toMatchObject({ referredBy: ana, source: null, sourceDetail: null, updatedAt: T1 });
      expect(await store.people.get(cy)).toMatchObject({ referredBy: ana, source: 'event', sourceDetail: 'picnic', updatedAt: T2 });
      expect(await store.people.referredBy(bo)).toEqual({ id: ana, name: 'Ana Ruiz' });
      expect(await store.people.referredBy(ana)).toBeUndefined();
      expect(await store.people.referrals(ana)).toEqual([
        { id: bo, name: 'Bo Li', rung: 'contact' }, { id: cy, name: 'Cy Dee', rung: 'contact' },
      ]);
      expect(await store.people.referrals(bo)).toEqual([]);
    });

    it('lists referrals in the order they were added', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz', T0);
      const zed = await addPerson(store, 'Zed Alpha', T1, { referredBy: ana, rung: 'volunteer' });
      const amy = await addPerson(store, 'Amy Beta', T2, { referredBy: ana });
      expect(await store.people.referrals(ana)).toEqual([
        { id: zed, name: 'Zed Alpha', rung: 'volunteer' }, { id: amy, name: 'Amy Beta', rung: 'contact' },
      ]);
      expect(await store.people.get(zed)).toMatchObject({ referredBy: ana, source: null });
    });

    it('moves a referral to another referrer', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const bo = await addPerson(store, 'Bo Li');
      const cy = await addPerson(store, 'Cy Dee', T0, { referredBy: ana });
      await store.write((tx) => tx.people.setReferredBy(cy, bo, T3));
      expect(await store.people.referrals(ana)).toEqual([]);
      expect(await store.people.referrals(bo)).toEqual([{ id: cy, name: 'Cy Dee', rung: 'contact' }]);
      expect(await store.people.referredBy(cy)).toEqual({ id: bo, name: 'Bo Li' });
    });
  });

  describe('moveToRung and the rung history', () => {
    it('moves by hand with the organizer\'s reason, and records it', async () => {
      const store = await h.store();
      const id = await addPerson(store, 'Ana Ruiz', T0);
      const moved = await store.write((tx) => tx.people.moveToRung(id, 'volunteer', { cause: 'manual', reason: 'ran the phone bank', at: T1 }));
      expect(moved).toBe(true);
      expect(await store.people.get(id)).toMatchObject({ rung: 'volunteer', updatedAt: T1 });
      expect(await store.people.rungHistory(id)).toEqual<RungChange[]>([
        added('contact', T0),
        { fromRung: 'contact', toRung: 'volunteer', cause: 'manual', reason: 'ran the phone bank', detail: null, meetingId: null, meetingHeldAt: null, changedAt: T1 },
      ]);
    });

    it('records a meeting as the cause, with when it was held, and no reason unless given', async () => {
      const store = await h.store();
      const id = await addPerson(store, 'Ana Ruiz', T0);
      const heldAt = '2026-11-24T18:30:00.000Z';
      const meetingId = await addMeeting(store, id, heldAt);
      await store.write(async (tx) => {
        expect(await tx.people.moveToRung(id, 'participant', { cause: 'meeting', meetingId, at: T2 })).toBe(true);
        expect(await tx.people.moveToRung(id, 'leader', { cause: 'meeting', meetingId, reason: 'chairs the tenants meeting', at: T3 })).toBe(true);
      });
      expect(await store.people.rungHistory(id)).toEqual<RungChange[]>([
        added('contact', T0),
        { fromRung: 'contact', toRung: 'participant', cause: 'meeting', reason: null, detail: null, meetingId, meetingHeldAt: heldAt, changedAt: T2 },
        { fromRung: 'participant', toRung: 'leader', cause: 'meeting', reason: 'chairs the tenants meeting', detail: null, meetingId, meetingHeldAt: heldAt, changedAt: T3 },
      ]);
    });

    it('records an import as the cause, with the file in detail', async () => {
      const store = await h.store();
      const id = await addPerson(store, 'Ana Ruiz', T0);
      await store.write((tx) => tx.people.moveToRung(id, 'supporter', { cause: 'import', detail: 'members-2026.csv', at: T1 }));
      expect((await store.people.rungHistory(id))[1]).toEqual<RungChange>({
        fromRung: 'contact', toRung: 'supporter', cause: 'import', reason: null, detail: 'members-2026.csv', meetingId: null, meetingHeldAt: null, changedAt: T1,
      });
    });

    it('standing still records nothing and returns false; so does an unknown person', async () => {
      const store = await h.store();
      const id = await addPerson(store, 'Ana Ruiz', T0, { rung: 'volunteer' });
      expect(await store.write((tx) => tx.people.moveToRung(id, 'volunteer', { cause: 'manual', reason: 'again', at: T1 }))).toBe(false);
      expect(await store.write((tx) => tx.people.moveToRung(id + 99, 'leader', { cause: 'manual', at: T1 }))).toBe(false);
      expect(await store.people.get(id)).toMatchObject({ rung: 'volunteer', updatedAt: T0 });
      expect(await store.people.rungHistory(id)).toEqual([added('volunteer', T0)]);
      expect(await store.ladder.moves(T0)).toEqual([]);
    });

    it('reads the history in time order; a move at the same moment as the add comes after it', async () => {
      const store = await h.store();
      const id = await store.write(async (tx) => {
        const id = await tx.people.add(person('Ana Ruiz'), T1);
        await tx.people.moveToRung(id, 'participant', { cause: 'manual', at: T1 });
        await tx.people.moveToRung(id, 'volunteer', { cause: 'manual', at: T2 });
        await tx.people.moveToRung(id, 'contact', { cause: 'manual', reason: 'moved away', at: T4 });
        return id;
      });
      expect((await store.people.rungHistory(id)).map((c) => [c.fromRung, c.toRung, c.changedAt])).toEqual([
        [null, 'contact', T1], ['contact', 'participant', T1], ['participant', 'volunteer', T2], ['volunteer', 'contact', T4],
      ]);
      expect(await store.people.get(id)).toMatchObject({ rung: 'contact', updatedAt: T4 });
    });

    it('a rung not on the ladder (from an import) is kept as written', async () => {
      const store = await h.store();
      const id = await addPerson(store, 'Ana Ruiz', T0, { rung: 'Board member' });
      expect(await store.people.get(id)).toMatchObject({ rung: 'Board member' });
      expect(await store.people.rungHistory(id)).toEqual([added('Board member', T0)]);
    });
  });

  describe('summaries', () => {
    it('filters by rung and by last met before a moment (never met passes)', async () => {
      const store = await h.store();
      const ids = await store.write(async (tx) => {
        const ana = await tx.people.add(person('Ana Ruiz', { rung: 'leader', potential: 5 }), T0);
        const bo = await tx.people.add(person('Bo Li', { rung: 'volunteer' }), T0);
        const cy = await tx.people.add(person('Cy Dee', { rung: 'leader' }), T0);
        const dee = await tx.people.add(person('Dee Fox'), T0);
        await tx.meetings.add(meeting(ana, T1), T1);
        await tx.meetings.add(meeting(bo, T3), T3);
        await tx.meetings.add(meeting(cy, T3, { status: 'draft' }), T3);
        return { ana, bo, cy, dee };
      });
      const row = (id: number, name: string, rung: string, potential: number | null, lastMet: string | null, meetings: number) => ({
        id, name, rung, potential, assessment: 0, language: null, interpreter: false, lastMet, meetings, openAsks: 0, openFollowups: 0,
      });
      const ana = row(ids.ana, 'Ana Ruiz', 'leader', 5, T1, 1);
      const bo = row(ids.bo, 'Bo Li', 'volunteer', null, T3, 1);
      const cy = row(ids.cy, 'Cy Dee', 'leader', null, null, 0);
      const dee = row(ids.dee, 'Dee Fox', 'contact', null, null, 0);
      expect(await store.people.summaries()).toEqual([ana, bo, cy, dee]);
      expect(await store.people.summaries({})).toEqual([ana, bo, cy, dee]);
      expect(await store.people.summaries({ rungs: ['leader', 'organizer'] })).toEqual([ana, cy]);
      expect(await store.people.summaries({ rungs: [] })).toEqual([]);
      expect(await store.people.summaries({ metBefore: T2 })).toEqual([ana, cy, dee]);
      expect(await store.people.summaries({ metBefore: T1 })).toEqual([cy, dee]);
      expect(await store.people.summaries({ metBefore: '2026-11-24T18:30:00.001Z' })).toEqual([ana, cy, dee]);
      expect(await store.people.summaries({ rungs: ['volunteer'], metBefore: T4 })).toEqual([bo]);
    });
  });
});
