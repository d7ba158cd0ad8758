/**
 * CorrectionRepository (`tx.corrections`): mistakes put right. Each method writes exactly what it is given (a field
 * given is written, a null clears it, one left out is kept); a merge moves the whole record of a duplicate onto the
 * person kept; a delete takes what hangs off what it deletes. After every kind of change, the figures the people list
 * and the leaders list read agree with the rows themselves, recounted here through the contract.
 */
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/people/names.js';
import type { AskRecord, FollowUpRecord, NoteState, PersonRow, RungChange, Store } from '../../src/store/index.js';
import { ENGINES } from './engines.js';
import { addPerson, byId, meeting, person, PHASES, plusDays, T0, T1, T2, T3, T4, useEngine } from './harness.js';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const T5 = '2026-12-02T09:00:00.000Z';

interface Counted {
  id: number;
  name: string;
  rung: string;
  potential: number | null;
  lastMet: string | null;
  meetings: number;
  openAsks: number;
  openFollowups: number;
  asksMade: number;
  asksYes: number;
  asksKept: number;
  asksBroken: number;
  referrals: number;
}

/** One person's figures counted again from their rows, read one by one through the contract. */
async function recountPerson(store: Store, id: number): Promise<Counted> {
  const row = (await store.people.get(id))!;
  const held = [];
  for (const meetingId of await store.meetings.idsForPerson(id)) {
    const record = (await store.meetings.get(meetingId))!;
    expect(record.person.id).toBe(id);
    if (record.status === 'complete') held.push(record.heldAt);
  }
  const asks = await store.commitments.asksForPerson(id);
  const followUps = await store.commitments.followUpsForPerson(id);
  let broughtIn = 0;
  for (const referral of await store.people.referrals(id)) {
    const referred = (await store.people.get(referral.id))!;
    if (referred.referredBy === id && referred.source === 'referral') broughtIn++;
  }
  return {
    id, name: row.name, rung: row.rung, potential: row.potential,
    lastMet: held.length ? held.reduce((a, b) => (a > b ? a : b)) : null,
    meetings: held.length,
    openAsks: asks.filter((ask) => (ask.outcome === 'yes' || ask.outcome === 'maybe') && ask.result === null && ask.checkedAt === null).length,
    openFollowups: followUps.filter((followUp) => followUp.doneAt === null).length,
    asksMade: asks.length,
    asksYes: asks.filter((ask) => ask.outcome === 'yes').length,
    asksKept: asks.filter((ask) => ask.result === 'kept').length,
    asksBroken: asks.filter((ask) => ask.result === 'broken').length,
    referrals: broughtIn,
  };
}

/** Everyone's figures as the rows say. */
async function recount(store: Store): Promise<Counted[]> {
  const everyone = byId(await store.people.allNames());
  const counted: Counted[] = [];
  for (const { id } of everyone) counted.push(await recountPerson(store, id));
  return counted;
}

/**
 * The people list and the leaders list say what the rows say, for everyone; gives back the recount, so a test
 * can also state the figures it expects (a wrong write recounted agrees with itself).
 */
async function expectFiguresAgree(store: Store): Promise<Map<number, Counted>> {
  const counted = await recount(store);
  const summaries = byId(await store.people.summaries()).map(({ assessment: _level, language: _language, interpreter: _interpreter, ...summary }) => summary);
  expect(summaries).toEqual(counted.map(({ id, name, rung, potential, lastMet, meetings, openAsks, openFollowups }) => ({
    id, name, rung, potential, lastMet, meetings, openAsks, openFollowups,
  })));
  const { leaders, total } = await store.leaders.top({}, NOW, 1000);
  expect(total).toBe(counted.length);
  expect(byId(leaders).map(({ id, name, rung, potential, lastMet, meetings, asksMade, asksYes, asksKept, asksBroken, referrals }) => ({
    id, name, rung, potential, lastMet, meetings, asksMade, asksYes, asksKept, asksBroken, referrals,
  }))).toEqual(counted.map(({ openAsks: _a, openFollowups: _f, ...facts }) => facts));
  return new Map(counted.map((row) => [row.id, row]));
}

const figuresOf = async (store: Store, id: number): Promise<Omit<Counted, 'id' | 'name'>> => {
  const { id: _id, name: _name, ...rest } = (await expectFiguresAgree(store)).get(id)!;
  return rest;
};

const ZERO = { lastMet: null, meetings: 0, openAsks: 0, openFollowups: 0, asksMade: 0, asksYes: 0, asksKept: 0, asksBroken: 0, referrals: 0 };

describe.each(ENGINES)('corrections ($name)', (engine) => {
  const h = useEngine(engine);

  describe('note', () => {
    it('reads a note with whose it is, and an unknown note is undefined', async () => {
      const store = await h.store();
      const { ana, m, noteId, loose } = await store.write(async (tx) => {
        const ana = await tx.people.add(person('Ana Ruiz'), T0);
        const m = await tx.meetings.add(meeting(ana, T1), T1);
        const noteId = await tx.meetings.addNote(ana, m, 'value', 'family first', 'story', T1);
        const loose = await tx.meetings.addNote(ana, null, 'note', 'call after 6', null, T2);
        return { ana, m, noteId, loose };
      });
      const read = (id: number) => store.write((tx) => tx.corrections.note(id));
      expect(await read(noteId)).toEqual<NoteState>({
        id: noteId, meetingId: m, tag: 'value', text: 'family first', phase: 'story', createdAt: T1, personId: ana, person: 'Ana Ruiz',
      });
      expect(await read(loose)).toEqual<NoteState>({
        id: loose, meetingId: null, tag: 'note', text: 'call after 6', phase: null, createdAt: T2, personId: ana, person: 'Ana Ruiz',
      });
      expect(await read(Math.max(noteId, loose) + 100)).toBeUndefined();
    });
  });

  describe('editPerson', () => {
    it('writes a field given, clears one given as null, keeps one left out, and dates the change', async () => {
      const store = await h.store();
      const bo = await addPerson(store, 'Bo Li');
      const id = await addPerson(store, 'Ana Ruiz', T0, {
        email: 'ana@example.org', phone: '555-0100', neighborhood: 'Eastside', organization: 'Tenants United', notes: 'mornings',
        source: 'event', sourceDetail: 'town hall', potential: 3, rung: 'volunteer',
      });
      const before = (await store.people.get(id))!;
      await store.write((tx) => tx.corrections.editPerson(id, {
        name: 'Ana María Ruiz', nameKey: nameKey('Ana María Ruiz'), email: null, phone: '555-0199', organization: undefined, referredBy: bo, potential: null,
      }, T2));
      expect(await store.people.get(id)).toEqual<PersonRow>({
        ...before, name: 'Ana María Ruiz', email: null, phone: '555-0199', referredBy: bo, potential: null, updatedAt: T2,
      });
      expect((await store.people.withNameKey('ana maria ruiz')).map((row) => row.id)).toEqual([id]);
      expect(await store.people.withNameKey('ana ruiz')).toEqual([]);
      expect(await store.people.referredBy(id)).toEqual({ id: bo, name: 'Bo Li' });
      await store.write((tx) => tx.corrections.editPerson(id, { neighborhood: null, organization: null, notes: null, referredBy: null, potential: 5 }, T3));
      expect(await store.people.get(id)).toEqual<PersonRow>({
        ...before, name: 'Ana María Ruiz', email: null, phone: '555-0199', neighborhood: null, organization: null, notes: null,
        referredBy: null, potential: 5, updatedAt: T3,
      });
      await expectFiguresAgree(store);
    });

    it('with nothing given changes nothing, not even updatedAt', async () => {
      const store = await h.store();
      const id = await addPerson(store, 'Ana Ruiz', T0, { email: 'ana@example.org' });
      const before = await store.people.get(id);
      await store.write((tx) => tx.corrections.editPerson(id, {}, T1));
      await store.write((tx) => tx.corrections.editPerson(id, { email: undefined }, T2));
      expect(await store.people.get(id)).toEqual(before);
    });

    it('a referrer changed or cleared by hand moves the "brought in" count with it', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const bo = await addPerson(store, 'Bo Li');
      const cy = await addPerson(store, 'Cy Dee', T0, { referredBy: ana, source: 'referral' });
      const dee = await addPerson(store, 'Dee Fox', T0, { source: 'event' });
      expect(await figuresOf(store, ana)).toMatchObject({ referrals: 1 });
      await store.write((tx) => tx.corrections.editPerson(cy, { referredBy: bo }, T1));
      expect(await figuresOf(store, ana)).toMatchObject({ referrals: 0 });
      expect(await figuresOf(store, bo)).toMatchObject({ referrals: 1 });
      // Someone already known (source 'event') is not brought in by a referrer named later.
      await store.write((tx) => tx.corrections.editPerson(dee, { referredBy: bo }, T1));
      expect(await figuresOf(store, bo)).toMatchObject({ referrals: 1 });
      expect((await store.people.referrals(bo)).map(({ id }) => id)).toEqual([cy, dee]);
      await store.write((tx) => tx.corrections.editPerson(cy, { referredBy: null }, T2));
      expect(await figuresOf(store, bo)).toMatchObject({ referrals: 0 });
      expect(await store.people.referredBy(cy)).toBeUndefined();
    });

    it('a potential changed or cleared shows in both lists', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz', T0, { potential: 2 });
      await store.write((tx) => tx.corrections.editPerson(ana, { potential: 4 }, T1));
      expect(await figuresOf(store, ana)).toEqual({ rung: 'contact', potential: 4, ...ZERO });
      await store.write((tx) => tx.corrections.editPerson(ana, { potential: null }, T2));
      expect(await figuresOf(store, ana)).toEqual({ rung: 'contact', potential: null, ...ZERO });
    });
  });

  describe('addFormerName', () => {
    it('keeps each name a person was known by, in the order added, for them alone', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const bo = await addPerson(store, 'Bo Li');
      expect(await store.people.formerNames(ana)).toEqual([]);
      await store.write(async (tx) => {
        await tx.corrections.addFormerName(ana, 'Ana Gómez', nameKey('Ana Gómez'), T1);
        await tx.corrections.addFormerName(ana, "Annie O'Neil", nameKey("Annie O'Neil"), T2);
      });
      expect(await store.people.formerNames(ana)).toEqual(['Ana Gómez', "Annie O'Neil"]);
      expect(await store.people.formerNames(bo)).toEqual([]);
      expect((await store.people.get(ana))?.name).toBe('Ana Ruiz');
      await expectFiguresAgree(store);
    });
  });

  describe('merge', () => {
    /**
     * Ana (kept) and her duplicate "Ana Ruíz", who holds a record of her own: two meetings (one moved her up the
     * ladder), a draft, notes, asks, follow-ups, a former name, and three people she referred: Bo (brought in through
     * her), Cy (already known from an event) and Ana herself. Eve brought the duplicate in. Zed stands apart.
     */
    async function duplicated(store: Store) {
      return store.write(async (tx) => {
        const eve = await tx.people.add(person('Eve Stone'), T0);
        const dup = await tx.people.add(person('Ana Ruíz', { referredBy: eve, source: 'referral', email: 'ana@example.org' }), T0);
        const ana = await tx.people.add(person('Ana Ruiz', { referredBy: dup, source: 'referral', potential: 4 }), T0);
        const bo = await tx.people.add(person('Bo Li', { referredBy: dup, source: 'referral' }), T0);
        const cy = await tx.people.add(person('Cy Dee', { source: 'event' }), T0);
        await tx.people.setReferredBy(cy, dup, T0);
        const zed = await tx.people.add(person('Zed Alpha', { referredBy: eve, source: 'referral' }), T0);

        const anaMeeting = await tx.meetings.add(meeting(ana, T1), T1);
        await tx.meetings.addNote(ana, anaMeeting, 'value', 'her kids', 'story', T1);
        await tx.commitments.addAsk(ana, anaMeeting, { text: 'host a house meeting', outcome: 'yes' }, T1);
        await tx.commitments.addFollowUp(ana, anaMeeting, { text: 'send the flyer', dueAt: T3 }, T1);

        const first = await tx.meetings.add(meeting(dup, T2, { phases: PHASES }), T2);
        const second = await tx.meetings.add(meeting(dup, T4), T4);
        const draft = await tx.meetings.add(meeting(dup, T5, { status: 'draft' }), T5);
        await tx.people.moveToRung(dup, 'participant', { cause: 'meeting', meetingId: first, at: T2 });
        const notes = [
          await tx.meetings.addNote(dup, first, 'issue', 'rent went up', 'story', T2),
          await tx.meetings.addNote(dup, null, 'note', 'prefers text', null, T3),
        ];
        const yes = await tx.commitments.addAsk(dup, first, { text: 'come to the rally', outcome: 'yes' }, T2);
        const kept = await tx.commitments.addAsk(dup, second, { text: 'bring a neighbour', outcome: 'yes' }, T4);
        await tx.commitments.checkAsk(kept, 'kept', T5);
        const no = await tx.commitments.addAsk(dup, second, { text: 'chair the meeting', outcome: 'no' }, T4);
        const followUps = [
          await tx.commitments.addFollowUp(dup, first, { text: null, askId: yes, dueAt: T3 }, T2),
          await tx.commitments.addFollowUp(dup, second, { text: 'call back', dueAt: T5 }, T4),
          await tx.commitments.addFollowUp(dup, null, { text: 'done already', dueAt: T3 }, T2),
        ];
        await tx.commitments.closeFollowUp(followUps[2]!, T3);
        await tx.corrections.addFormerName(dup, 'Ana Gomez', nameKey('Ana Gomez'), T0);
        return { eve, dup, ana, bo, cy, zed, anaMeeting, meetings: [first, second, draft], notes, asks: [yes, kept, no], followUps };
      });
    }

    it('moves every meeting, note, ask, follow-up, rung change and former name onto the person kept, and removes the duplicate', async () => {
      const store = await h.store();
      const r = await duplicated(store);
      const dupHistory = await store.people.rungHistory(r.dup);
      const anaHistory = await store.people.rungHistory(r.ana);
      const dupNotes = await store.meetings.notesForPerson(r.dup);
      const anaNotes = await store.meetings.notesForPerson(r.ana);
      const dupAsks = await store.commitments.asksForPerson(r.dup);
      const anaAsks = await store.commitments.asksForPerson(r.ana);
      const dupFollowUps = await store.commitments.followUpsForPerson(r.dup);
      const anaFollowUps = await store.commitments.followUpsForPerson(r.ana);
      const meetingsBefore = new Map<number, unknown>();
      for (const id of [...r.meetings, r.anaMeeting]) meetingsBefore.set(id, await store.meetings.get(id));
      const zedBefore = await figuresOf(store, r.zed);

      await store.write((tx) => tx.corrections.merge(r.dup, r.ana));

      expect(await store.people.get(r.dup)).toBeUndefined();
      expect((await store.people.allNames()).map(({ id }) => id)).not.toContain(r.dup);
      expect((await store.meetings.idsForPerson(r.ana)).sort((a, b) => a - b)).toEqual([r.anaMeeting, ...r.meetings].sort((a, b) => a - b));
      expect(await store.meetings.idsForPerson(r.dup)).toEqual([]);
      for (const [id, before] of meetingsBefore) {
        // The same meeting, phases, notes, asks and follow-ups; only whose it is changes.
        expect(await store.meetings.get(id)).toEqual({ ...(before as object), person: { id: r.ana, name: 'Ana Ruiz' } });
      }
      const byTime = <T extends { createdAt: string; id: number }>(rows: T[]) =>
        [...rows].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id));
      expect(await store.meetings.notesForPerson(r.ana)).toEqual(byTime([...anaNotes, ...dupNotes]));
      expect(byId(await store.commitments.asksForPerson(r.ana))).toEqual(byId<AskRecord>([...anaAsks, ...dupAsks]));
      expect(byId(await store.commitments.followUpsForPerson(r.ana))).toEqual(byId<FollowUpRecord>([...anaFollowUps, ...dupFollowUps]));
      // The duplicate's moves join the history of the person kept; its "added" step does not (a person is added once).
      const sortHistory = (rows: RungChange[]) => rows.map((row) => JSON.stringify(row)).sort();
      expect(dupHistory.filter(({ cause }) => cause !== 'added')).toHaveLength(1);
      expect(sortHistory(await store.people.rungHistory(r.ana))).toEqual(sortHistory([...anaHistory, ...dupHistory.filter(({ cause }) => cause !== 'added')]));
      expect(await store.people.formerNames(r.ana)).toEqual(['Ana Gomez']);
      for (const id of r.followUps) expect((await store.commitments.followUp(id))?.personId).toBe(r.ana);
      for (const id of r.asks) expect((await store.commitments.ask(id))?.personId).toBe(r.ana);
      for (const id of r.notes) expect((await store.write((tx) => tx.corrections.note(id)))?.personId).toBe(r.ana);

      // The figures follow: three complete meetings (the draft does not count), the asks and follow-ups of both.
      expect(await figuresOf(store, r.ana)).toEqual({
        rung: 'contact', potential: 4, lastMet: T4, meetings: 3, openAsks: 2, openFollowups: 3,
        asksMade: 4, asksYes: 3, asksKept: 1, asksBroken: 0, referrals: 1,
      });
      expect(await figuresOf(store, r.zed)).toEqual(zedBefore);
    });

    it('hands the people the duplicate referred to the person kept, and the person kept is then referred by nobody', async () => {
      const store = await h.store();
      const r = await duplicated(store);
      expect(await figuresOf(store, r.dup)).toMatchObject({ referrals: 2 });
      expect(await figuresOf(store, r.eve)).toMatchObject({ referrals: 2 });
      await store.write((tx) => tx.corrections.merge(r.dup, r.ana));

      expect(await store.people.referredBy(r.bo)).toEqual({ id: r.ana, name: 'Ana Ruiz' });
      expect(await store.people.referredBy(r.cy)).toEqual({ id: r.ana, name: 'Ana Ruiz' });
      expect(await store.people.referredBy(r.ana)).toBeUndefined();
      expect((await store.people.get(r.ana))?.referredBy).toBeNull();
      expect((await store.people.referrals(r.ana)).map(({ id }) => id).sort((a, b) => a - b)).toEqual([r.bo, r.cy].sort((a, b) => a - b));
      // Brought in: Bo only (Cy was known from an event; Ana no longer refers to herself).
      expect(await figuresOf(store, r.ana)).toMatchObject({ referrals: 1 });
      // Eve brought in the duplicate, who is gone, and Zed.
      expect(await figuresOf(store, r.eve)).toMatchObject({ referrals: 1 });
      expect((await store.people.referrals(r.eve)).map(({ id }) => id)).toEqual([r.zed]);
      await expectFiguresAgree(store);
    });

    it('a duplicate with nothing of their own is simply removed, and nobody else changes', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz', T0, { potential: 2 });
      const dup = await addPerson(store, 'Ana Ruiz', T1);
      const bo = await addPerson(store, 'Bo Li', T0, { referredBy: ana, source: 'referral' });
      const anaBefore = await store.people.get(ana);
      const boBefore = await store.people.get(bo);
      await store.write((tx) => tx.corrections.merge(dup, ana));
      expect(await store.people.get(dup)).toBeUndefined();
      expect(await store.people.get(ana)).toEqual(anaBefore);
      expect(await store.people.get(bo)).toEqual(boBefore);
      expect((await store.people.rungHistory(ana)).map((c) => [c.cause, c.toRung, c.changedAt])).toEqual([['added', 'contact', T0]]);
      expect(await figuresOf(store, ana)).toEqual({ rung: 'contact', potential: 2, ...ZERO, referrals: 1 });
    });
    it('keeps the rung history of the person kept true to their rung, so a later deleteMeeting leaves them where they stand', async () => {
      const store = await h.store();
      // Lee was added as a leader; the duplicate was added later, as a contact, and has a meeting of its own.
      const lee = await addPerson(store, 'Lee Park', T0, { rung: 'leader' });
      const dup = await addPerson(store, 'Lee Park', T2);
      const leeMeeting = await store.write((tx) => tx.meetings.add(meeting(lee, T1), T1));
      const dupMeeting = await store.write((tx) => tx.meetings.add(meeting(dup, T3), T3));
      await store.write((tx) => tx.corrections.merge(dup, lee));
      expect(await store.people.get(lee)).toMatchObject({ rung: 'leader' });
      expect((await store.people.rungHistory(lee)).at(-1)).toMatchObject({ toRung: 'leader' });
      // Neither meeting moved Lee, so deleting one must not move Lee either (to the duplicate's first rung).
      await store.write((tx) => tx.corrections.deleteMeeting(leeMeeting, T4));
      expect(await store.people.get(lee)).toMatchObject({ rung: 'leader' });
      await store.write((tx) => tx.corrections.deleteMeeting(dupMeeting, T4));
      expect(await store.people.get(lee)).toMatchObject({ rung: 'leader' });
      expect(await figuresOf(store, lee)).toEqual({ rung: 'leader', potential: null, ...ZERO });
    });
  });

  describe('edits of a meeting, a note, an ask, a follow-up', () => {
    async function recorded(store: Store) {
      return store.write(async (tx) => {
        const ana = await tx.people.add(person('Ana Ruiz'), T0);
        const m = await tx.meetings.add(meeting(ana, T1, { phases: PHASES, plannedAsk: 'lead the block walk', agitation: 'what would change?' }), T1);
        const earlier = await tx.meetings.add(meeting(ana, '2026-11-10T12:00:00.000Z'), T1);
        const noteId = await tx.meetings.addNote(ana, m, 'value', 'family first', 'story', T1);
        const ask = await tx.commitments.addAsk(ana, m, { text: 'come Tuesday', dueAt: T3, barriers: 'childcare', support: 'a ride', outcome: 'yes' }, T1);
        const followUp = await tx.commitments.addFollowUp(ana, m, { text: 'text her the address', dueAt: T2 }, T1);
        const askFollowUp = await tx.commitments.addFollowUp(ana, m, { text: null, askId: ask, dueAt: T3 }, T1);
        return { ana, m, earlier, noteId, ask, followUp, askFollowUp };
      });
    }

    it('editMeeting writes the date, goal and planned length given, keeps the rest, and dates the change', async () => {
      const store = await h.store();
      const r = await recorded(store);
      const before = (await store.meetings.get(r.m))!;
      await store.write((tx) => tx.corrections.editMeeting(r.m, { heldAt: T2, plannedMinutes: 45 }, T3));
      expect(await store.meetings.get(r.m)).toEqual({ ...before, heldAt: T2, plannedMinutes: 45, updatedAt: T3 });
      expect(await figuresOf(store, r.ana)).toMatchObject({ lastMet: T2, meetings: 2 });
      await store.write((tx) => tx.corrections.editMeeting(r.m, { goal: 'escalation' }, T4));
      expect(await store.meetings.get(r.m)).toEqual({ ...before, heldAt: T2, plannedMinutes: 45, goal: 'escalation', updatedAt: T4 });
      // Moved before the other meeting: that one is now the last met.
      await store.write((tx) => tx.corrections.editMeeting(r.m, { heldAt: '2026-10-01T12:00:00.000Z' }, T4));
      expect(await figuresOf(store, r.ana)).toMatchObject({ lastMet: '2026-11-10T12:00:00.000Z', meetings: 2 });
      expect(await store.meetings.idsForPerson(r.ana)).toEqual([r.earlier, r.m]);
    });

    it('editMeeting with nothing given changes nothing, not even updatedAt', async () => {
      const store = await h.store();
      const r = await recorded(store);
      const before = await store.meetings.get(r.m);
      await store.write((tx) => tx.corrections.editMeeting(r.m, {}, T3));
      expect(await store.meetings.get(r.m)).toEqual(before);
    });

    it('editNote writes the text and tag given and keeps the rest', async () => {
      const store = await h.store();
      const r = await recorded(store);
      const read = () => store.write((tx) => tx.corrections.note(r.noteId));
      const before = (await read())!;
      await store.write((tx) => tx.corrections.editNote(r.noteId, { text: 'family comes first' }));
      expect(await read()).toEqual({ ...before, text: 'family comes first' });
      await store.write((tx) => tx.corrections.editNote(r.noteId, { tag: 'motivation' }));
      expect(await read()).toEqual({ ...before, text: 'family comes first', tag: 'motivation' });
      const { personId: _personId, person: _person, ...record } = before;
      expect((await store.meetings.get(r.m))?.notes).toEqual([{ ...record, text: 'family comes first', tag: 'motivation' }]);
    });

    it('editAsk writes what is given (a null clears it), and the open asks follow its answer', async () => {
      const store = await h.store();
      const r = await recorded(store);
      const read = async () => (await store.commitments.asksForPerson(r.ana)).find(({ id }) => id === r.ask)!;
      const before = await read();
      expect(await figuresOf(store, r.ana)).toMatchObject({ openAsks: 1, asksMade: 1, asksYes: 1 });
      await store.write((tx) => tx.corrections.editAsk(r.ask, { text: 'come Wednesday', dueAt: null, barriers: null }));
      expect(await read()).toEqual<AskRecord>({ ...before, text: 'come Wednesday', dueAt: null, barriers: null });
      await store.write((tx) => tx.corrections.editAsk(r.ask, { outcome: 'no', support: 'none needed' }));
      expect(await read()).toEqual<AskRecord>({ ...before, text: 'come Wednesday', dueAt: null, barriers: null, outcome: 'no', support: 'none needed' });
      expect(await figuresOf(store, r.ana)).toMatchObject({ openAsks: 0, asksMade: 1, asksYes: 0 });
      await store.write((tx) => tx.corrections.editAsk(r.ask, { outcome: 'maybe' }));
      expect(await figuresOf(store, r.ana)).toMatchObject({ openAsks: 1, asksYes: 0 });
      await store.write((tx) => tx.corrections.editAsk(r.ask, { outcome: null }));
      expect(await figuresOf(store, r.ana)).toMatchObject({ openAsks: 0, asksYes: 0, asksMade: 1 });
      // The default follow-up worded from the ask reads the ask as it is now.
      expect((await store.commitments.followUp(r.askFollowUp))?.ask).toEqual({ id: r.ask, text: 'come Wednesday', outcome: null });
    });

    it('editFollowUp writes the words (null for the default one) and the due date, and keeps the rest', async () => {
      const store = await h.store();
      const r = await recorded(store);
      const read = async () => (await store.meetings.get(r.m))!.followups.find(({ id }) => id === r.followUp)!;
      const before = await read();
      await store.write((tx) => tx.corrections.editFollowUp(r.followUp, { dueAt: T4 }));
      expect(await read()).toEqual<FollowUpRecord>({ ...before, dueAt: T4 });
      await store.write((tx) => tx.corrections.editFollowUp(r.followUp, { text: null }));
      expect(await read()).toEqual<FollowUpRecord>({ ...before, dueAt: T4, text: null });
      await store.write((tx) => tx.corrections.editFollowUp(r.askFollowUp, { text: 'ask about the ride' }));
      expect((await store.commitments.followUp(r.askFollowUp))).toMatchObject({ text: 'ask about the ride', ask: { id: r.ask } });
      await store.write((tx) => tx.commitments.closeFollowUp(r.followUp, T3));
      await store.write((tx) => tx.corrections.editFollowUp(r.followUp, { text: 'texted' }));
      expect(await read()).toEqual<FollowUpRecord>({ ...before, dueAt: T4, text: 'texted', doneAt: T3 });
      expect(await figuresOf(store, r.ana)).toMatchObject({ openFollowups: 1 });
    });
  });

  describe('deletes', () => {
    /**
     * Ana: added as a contact (T0); the first meeting moved her to participant, the second to volunteer. Each
     * meeting has phases, notes, asks and follow-ups; the second meeting also follows up an ask of the first.
     */
    async function twoMeetings(store: Store) {
      return store.write(async (tx) => {
        const ana = await tx.people.add(person('Ana Ruiz'), T0);
        const bo = await tx.people.add(person('Bo Li'), T0);
        const first = await tx.meetings.add(meeting(ana, T1, { phases: PHASES }), T1);
        await tx.people.moveToRung(ana, 'participant', { cause: 'meeting', meetingId: first, at: T1 });
        const second = await tx.meetings.add(meeting(ana, T3, { phases: PHASES }), T3);
        await tx.people.moveToRung(ana, 'volunteer', { cause: 'meeting', meetingId: second, reason: 'ran the phone bank', at: T3 });
        const boMeeting = await tx.meetings.add(meeting(bo, T2), T2);
        const notes = {
          first: await tx.meetings.addNote(ana, first, 'value', 'family', 'story', T1),
          second: await tx.meetings.addNote(ana, second, 'skill', 'spreadsheets', 'story', T3),
          loose: await tx.meetings.addNote(ana, null, 'note', 'moving in March', null, T2),
          bo: await tx.meetings.addNote(bo, boMeeting, 'issue', 'repairs', null, T2),
        };
        const asks = {
          first: await tx.commitments.addAsk(ana, first, { text: 'come to the rally', outcome: 'yes' }, T1),
          second: await tx.commitments.addAsk(ana, second, { text: 'call five neighbours', outcome: 'maybe' }, T3),
          loose: await tx.commitments.addAsk(ana, null, { text: 'bring a friend', outcome: 'yes' }, T2),
        };
        const followUps = {
          first: await tx.commitments.addFollowUp(ana, first, { text: null, askId: asks.first, dueAt: T2 }, T1),
          secondOwn: await tx.commitments.addFollowUp(ana, second, { text: 'send the list', dueAt: T4 }, T3),
          secondAsk: await tx.commitments.addFollowUp(ana, second, { text: null, askId: asks.second, dueAt: T4 }, T3),
          // Written in the second meeting's debrief, about the first meeting's ask.
          ofFirstAsk: await tx.commitments.addFollowUp(ana, second, { text: 'rally: did she go?', askId: asks.first, dueAt: T4 }, T3),
          loose: await tx.commitments.addFollowUp(ana, null, { text: 'birthday card', dueAt: T4 }, T2),
          looseAsk: await tx.commitments.addFollowUp(ana, null, { text: null, askId: asks.loose, dueAt: T4 }, T2),
        };
        return { ana, bo, first, second, boMeeting, notes, asks, followUps };
      });
    }

    it('deleteMeeting takes its phases, notes, asks, follow-ups (also those about its asks) and the rung moves it made', async () => {
      const store = await h.store();
      const r = await twoMeetings(store);
      const boBefore = await store.meetings.get(r.boMeeting);
      const secondBefore = await store.meetings.get(r.second);
      await store.write((tx) => tx.corrections.deleteMeeting(r.first, T4));

      expect(await store.meetings.get(r.first)).toBeUndefined();
      expect(await store.meetings.phases(r.first)).toEqual([]);
      expect(await store.meetings.idsForPerson(r.ana)).toEqual([r.second]);
      expect((await store.meetings.notesForPerson(r.ana)).map(({ id }) => id)).toEqual([r.notes.loose, r.notes.second]);
      expect((await store.commitments.asksForPerson(r.ana)).map(({ id }) => id).sort((a, b) => a - b)).toEqual([r.asks.second, r.asks.loose].sort((a, b) => a - b));
      expect(await store.commitments.ask(r.asks.first)).toBeUndefined();
      expect((await store.commitments.followUpsForPerson(r.ana)).map(({ id }) => id).sort((a, b) => a - b)).toEqual(
        [r.followUps.secondOwn, r.followUps.secondAsk, r.followUps.loose, r.followUps.looseAsk].sort((a, b) => a - b),
      );
      expect(await store.commitments.followUp(r.followUps.first)).toBeUndefined();
      expect(await store.commitments.followUp(r.followUps.ofFirstAsk)).toBeUndefined();
      // The other meeting lost only the follow-up about the deleted meeting's ask.
      expect(await store.meetings.get(r.second)).toEqual({
        ...secondBefore, followups: secondBefore!.followups.filter(({ id }) => id !== r.followUps.ofFirstAsk),
      });
      expect(await store.meetings.get(r.boMeeting)).toEqual(boBefore);

      // The move to participant went with it; the second meeting's move stands, so she is still a volunteer.
      expect((await store.people.rungHistory(r.ana)).map((c) => [c.fromRung, c.toRung, c.cause, c.meetingId])).toEqual([
        [null, 'contact', 'added', null], ['participant', 'volunteer', 'meeting', r.second],
      ]);
      expect(await store.people.get(r.ana)).toMatchObject({ rung: 'volunteer' });
      expect(await store.ladder.moves(T0)).toEqual([expect.objectContaining({ personId: r.ana, toRung: 'volunteer', meetingId: r.second })]);
      expect(await figuresOf(store, r.ana)).toEqual({
        rung: 'volunteer', potential: null, lastMet: T3, meetings: 1, openAsks: 2, openFollowups: 4, asksMade: 2, asksYes: 1, asksKept: 0, asksBroken: 0, referrals: 0,
      });
    });

    it('deleteMeeting puts the person back where the last remaining rung change left them', async () => {
      const store = await h.store();
      const r = await twoMeetings(store);
      await store.write((tx) => tx.corrections.deleteMeeting(r.second, T4));
      expect(await store.people.get(r.ana)).toMatchObject({ rung: 'participant' });
      expect((await store.people.rungHistory(r.ana)).map((c) => c.toRung)).toEqual(['contact', 'participant']);
      expect(await figuresOf(store, r.ana)).toMatchObject({ rung: 'participant', meetings: 1, lastMet: T1, openAsks: 2, openFollowups: 3 });
      await store.write((tx) => tx.corrections.deleteMeeting(r.first, T4));
      expect(await store.people.get(r.ana)).toMatchObject({ rung: 'contact' });
      expect((await store.people.rungHistory(r.ana)).map((c) => c.toRung)).toEqual(['contact']);
      expect(await figuresOf(store, r.ana)).toEqual({ rung: 'contact', potential: null, ...ZERO, openAsks: 1, openFollowups: 2, asksMade: 1, asksYes: 1 });
      expect(await store.ladder.moves(T0)).toEqual([]);
    });

    it('deleteMeeting of a meeting that moved nobody leaves the rung where it is, even after a later move by hand', async () => {
      const store = await h.store();
      const r = await twoMeetings(store);
      await store.write((tx) => tx.people.moveToRung(r.ana, 'leader', { cause: 'manual', reason: 'chairs the committee', at: T4 }));
      await store.write((tx) => tx.corrections.deleteMeeting(r.first, T5));
      expect(await store.people.get(r.ana)).toMatchObject({ rung: 'leader' });
      await store.write((tx) => tx.corrections.deleteMeeting(r.boMeeting, T5));
      expect(await store.people.get(r.bo)).toMatchObject({ rung: 'contact' });
      expect(await store.people.rungHistory(r.bo)).toHaveLength(1);
      await expectFiguresAgree(store);
    });

    it('deleteMeeting of a draft takes it and what it held', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const draft = await store.write(async (tx) => {
        const draft = await tx.meetings.createDraft({ personId: ana, heldAt: T1, goal: 'recruitment', template: 'standard', plannedMinutes: 30, plannedAsk: null, phases: PHASES }, T1);
        await tx.meetings.addNote(ana, draft, 'story', 'grew up here', 'story', T1);
        return draft;
      });
      await store.write((tx) => tx.corrections.deleteMeeting(draft, T2));
      expect(await store.meetings.get(draft)).toBeUndefined();
      expect(await store.meetings.draft(draft)).toBeUndefined();
      expect(await store.meetings.latestDraft()).toBeUndefined();
      expect(await store.meetings.notesForPerson(ana)).toEqual([]);
      expect(await figuresOf(store, ana)).toEqual({ rung: 'contact', potential: null, ...ZERO });
    });

    it('deleteMeeting of an unknown meeting changes nothing', async () => {
      const store = await h.store();
      const r = await twoMeetings(store);
      const before = await store.people.get(r.ana);
      await store.write((tx) => tx.corrections.deleteMeeting(r.first + r.second + r.boMeeting + 100, T4));
      expect(await store.people.get(r.ana)).toEqual(before);
      expect(await store.meetings.idsForPerson(r.ana)).toEqual([r.second, r.first]);
    });

    it('deleteNote takes that note only', async () => {
      const store = await h.store();
      const r = await twoMeetings(store);
      await store.write((tx) => tx.corrections.deleteNote(r.notes.first));
      expect(await store.write((tx) => tx.corrections.note(r.notes.first))).toBeUndefined();
      expect((await store.meetings.notesForPerson(r.ana)).map(({ id }) => id)).toEqual([r.notes.loose, r.notes.second]);
      expect((await store.meetings.get(r.first))?.notes).toEqual([]);
      await store.write((tx) => tx.corrections.deleteNote(r.notes.loose));
      expect((await store.meetings.notesForPerson(r.ana)).map(({ id }) => id)).toEqual([r.notes.second]);
      expect((await store.meetings.notesForPerson(r.bo)).map(({ id }) => id)).toEqual([r.notes.bo]);
      await expectFiguresAgree(store);
    });

    it('deleteAsk takes the ask and the follow-ups about it, wherever they were written', async () => {
      const store = await h.store();
      const r = await twoMeetings(store);
      expect(await figuresOf(store, r.ana)).toMatchObject({ openAsks: 3, asksMade: 3, asksYes: 2, openFollowups: 6 });
      await store.write((tx) => tx.corrections.deleteAsk(r.asks.first));
      expect(await store.commitments.ask(r.asks.first)).toBeUndefined();
      expect(await store.commitments.followUp(r.followUps.first)).toBeUndefined();
      expect(await store.commitments.followUp(r.followUps.ofFirstAsk)).toBeUndefined();
      expect((await store.commitments.followUpsForPerson(r.ana)).map(({ id }) => id).sort((a, b) => a - b)).toEqual(
        [r.followUps.secondOwn, r.followUps.secondAsk, r.followUps.loose, r.followUps.looseAsk].sort((a, b) => a - b),
      );
      expect((await store.meetings.get(r.first))?.asks).toEqual([]);
      expect(await store.meetings.get(r.first)).toBeDefined();
      expect(await figuresOf(store, r.ana)).toMatchObject({ openAsks: 2, asksMade: 2, asksYes: 1, openFollowups: 4 });
      await store.write((tx) => tx.corrections.deleteAsk(r.asks.loose));
      expect(await store.commitments.followUp(r.followUps.looseAsk)).toBeUndefined();
      expect(await figuresOf(store, r.ana)).toMatchObject({ openAsks: 1, asksMade: 1, asksYes: 0, openFollowups: 3 });
    });

    it('deleteFollowUp takes that follow-up only, open or done', async () => {
      const store = await h.store();
      const r = await twoMeetings(store);
      await store.write((tx) => tx.corrections.deleteFollowUp(r.followUps.loose));
      expect(await store.commitments.followUp(r.followUps.loose)).toBeUndefined();
      expect(await figuresOf(store, r.ana)).toMatchObject({ openFollowups: 5 });
      await store.write((tx) => tx.commitments.closeFollowUp(r.followUps.secondOwn, T4));
      expect(await figuresOf(store, r.ana)).toMatchObject({ openFollowups: 4 });
      await store.write((tx) => tx.corrections.deleteFollowUp(r.followUps.secondOwn));
      expect(await figuresOf(store, r.ana)).toMatchObject({ openFollowups: 4 });
      expect((await store.meetings.get(r.second))?.followups.map(({ id }) => id)).toEqual([r.followUps.secondAsk, r.followUps.ofFirstAsk]);
      expect(await store.commitments.ask(r.asks.second)).toBeDefined();
    });
  });

  it('the figures agree with the rows after every kind of correction in a row, for everyone', async () => {
    const store = await h.store();
    const ids = await store.write(async (tx) => {
      const ana = await tx.people.add(person('Ana Ruiz', { potential: 3 }), T0);
      const dup = await tx.people.add(person('Ana Ruíz'), T0);
      const bo = await tx.people.add(person('Bo Li', { referredBy: dup, source: 'referral' }), T0);
      const made: Record<string, number> = { ana, dup, bo };
      for (const [who, id] of [['ana', ana], ['dup', dup], ['bo', bo]] as const) {
        for (let i = 0; i < 2; i++) {
          const m = await tx.meetings.add(meeting(id, plusDays(T1, i)), T1);
          made[`${who}Meeting${i}`] = m;
          made[`${who}Ask${i}`] = await tx.commitments.addAsk(id, m, { text: `ask ${i}`, outcome: i ? 'maybe' : 'yes' }, T1);
          made[`${who}FollowUp${i}`] = await tx.commitments.addFollowUp(id, m, { text: null, askId: made[`${who}Ask${i}`], dueAt: T2 }, T1);
          made[`${who}Note${i}`] = await tx.meetings.addNote(id, m, 'note', `note ${i}`, null, T1);
        }
      }
      return made;
    });
    const id = (key: string) => ids[key]!;
    await expectFiguresAgree(store);
    const steps: [string, (store: Store) => Promise<unknown>][] = [
      ['editPerson', (s) => s.write((tx) => tx.corrections.editPerson(id('bo'), { potential: 5, referredBy: id('ana') }, T3))],
      ['addFormerName', (s) => s.write((tx) => tx.corrections.addFormerName(id('ana'), 'Ana Ruíz', nameKey('Ana Ruíz'), T3))],
      ['editMeeting', (s) => s.write((tx) => tx.corrections.editMeeting(id('boMeeting1'), { heldAt: T4 }, T3))],
      ['editAsk', (s) => s.write((tx) => tx.corrections.editAsk(id('boAsk0'), { outcome: 'no' }))],
      ['editFollowUp', (s) => s.write((tx) => tx.corrections.editFollowUp(id('boFollowUp0'), { dueAt: T4, text: 'call' }))],
      ['editNote', (s) => s.write((tx) => tx.corrections.editNote(id('boNote0'), { tag: 'skill' }))],
      ['merge', (s) => s.write((tx) => tx.corrections.merge(id('dup'), id('ana')))],
      ['deleteFollowUp', (s) => s.write((tx) => tx.corrections.deleteFollowUp(id('anaFollowUp0')))],
      ['deleteAsk', (s) => s.write((tx) => tx.corrections.deleteAsk(id('dupAsk1')))],
      ['deleteNote', (s) => s.write((tx) => tx.corrections.deleteNote(id('dupNote0')))],
      ['deleteMeeting', (s) => s.write((tx) => tx.corrections.deleteMeeting(id('dupMeeting0'), T4))],
      ['deleteMeeting of another', (s) => s.write((tx) => tx.corrections.deleteMeeting(id('boMeeting0'), T4))],
    ];
    for (const [, step] of steps) {
      await step(store);
      await expectFiguresAgree(store);
    }
    const counted = await expectFiguresAgree(store);
    expect(counted.get(id('ana'))).toMatchObject({ meetings: 3, asksMade: 2, openAsks: 2, openFollowups: 1, referrals: 1 });
    expect(counted.get(id('bo'))).toMatchObject({ meetings: 1, lastMet: T4, asksMade: 1, openAsks: 1, openFollowups: 1, potential: 5 });
    expect(counted.has(id('dup'))).toBe(false);
  });
});
