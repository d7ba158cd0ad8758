/**
 * CommitmentRepository (asks and follow-ups) and SettingsRepository.
 */
import { describe, expect, it } from 'vitest';
import type { AskRecord, AskState, FollowUpRecord, FollowUpState } from '../../src/store/index.js';
import { ENGINES } from './engines.js';
import { addMeeting, addPerson, T0, T1, T2, T3, T4, useEngine } from './harness.js';

describe.each(ENGINES)('commitments ($name)', (engine) => {
  const h = useEngine(engine);

  describe('asks', () => {
    it('addAsk reads back whole, in a meeting and outside one', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const m = await addMeeting(store, ana, T1);
      const [inMeeting, loose] = await store.write(async (tx) => [
        await tx.commitments.addAsk(ana, m, { text: 'bring two neighbours', dueAt: T3, barriers: 'works nights', support: 'a ride', outcome: 'yes' }, T2),
        await tx.commitments.addAsk(ana, null, { text: '¿vienes a la vigilia? 🕯️' }, T3),
      ]);
      const first: AskRecord = {
        id: inMeeting!, meetingId: m, text: 'bring two neighbours', dueAt: T3, barriers: 'works nights', support: 'a ride', outcome: 'yes',
        result: null, checkinAt: null, checkedAt: null, createdAt: T2,
      };
      const second: AskRecord = {
        id: loose!, meetingId: null, text: '¿vienes a la vigilia? 🕯️', dueAt: null, barriers: null, support: null, outcome: null,
        result: null, checkinAt: null, checkedAt: null, createdAt: T3,
      };
      expect(await store.commitments.asksForPerson(ana)).toEqual([second, first]);
      expect(await store.commitments.ask(inMeeting!)).toEqual<AskState>({
        id: inMeeting!, personId: ana, person: 'Ana Ruiz', text: 'bring two neighbours', outcome: 'yes', result: null, dueAt: T3,
        checkinAt: null, checkedAt: null, askedAt: T1,
      });
      expect(await store.commitments.ask(loose!)).toEqual<AskState>({
        id: loose!, personId: ana, person: 'Ana Ruiz', text: '¿vienes a la vigilia? 🕯️', outcome: null, result: null, dueAt: null,
        checkinAt: null, checkedAt: null, askedAt: T3,
      });
    });

    it('asksForPerson is newest first, only theirs; unknown ask is undefined', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const bo = await addPerson(store, 'Bo Li');
      const ids = await store.write(async (tx) => [
        await tx.commitments.addAsk(ana, null, { text: 'one' }, '2026-11-24T18:30:00.001Z'),
        await tx.commitments.addAsk(ana, null, { text: 'three' }, '2026-11-24T18:30:00.100Z'),
        await tx.commitments.addAsk(ana, null, { text: 'two' }, '2026-11-24T18:30:00.010Z'),
        await tx.commitments.addAsk(bo, null, { text: 'bo' }, T4),
      ]);
      expect((await store.commitments.asksForPerson(ana)).map(({ text }) => text)).toEqual(['three', 'two', 'one']);
      expect((await store.commitments.asksForPerson(bo)).map(({ text }) => text)).toEqual(['bo']);
      expect(await store.commitments.asksForPerson(bo + ana + 10)).toEqual([]);
      expect(await store.commitments.ask(Math.max(...ids) + 100)).toBeUndefined();
    });

    it('currentAsk is the newest ask of the meeting (a pivot), undefined when none', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const m = await addMeeting(store, ana, T1);
      const empty = await addMeeting(store, ana, T2);
      expect(await store.commitments.currentAsk(m)).toBeUndefined();
      const pivot = await store.write(async (tx) => {
        await tx.commitments.addAsk(ana, m, { text: 'chair the meeting', outcome: 'no' }, T1);
        const pivot = await tx.commitments.addAsk(ana, m, { text: 'take notes at the meeting' }, T1);
        await tx.commitments.addAsk(ana, null, { text: 'outside' }, T3);
        return pivot;
      });
      expect(await store.commitments.currentAsk(m)).toMatchObject({ id: pivot, text: 'take notes at the meeting', outcome: null, meetingId: m });
      expect(await store.commitments.currentAsk(empty)).toBeUndefined();
    });

    it('updateAsk changes what is given; a null clears; nothing given changes nothing', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const id = await store.write((tx) => tx.commitments.addAsk(ana, null, { text: 'canvass', dueAt: T2, barriers: 'knee', support: 'maps' }, T1));
      await store.write((tx) => tx.commitments.updateAsk(id, { outcome: 'maybe', dueAt: T3 }));
      expect(await store.commitments.asksForPerson(ana)).toEqual([
        { id, meetingId: null, text: 'canvass', dueAt: T3, barriers: 'knee', support: 'maps', outcome: 'maybe', result: null, checkinAt: null, checkedAt: null, createdAt: T1 },
      ]);
      await store.write((tx) => tx.commitments.updateAsk(id, { dueAt: null, barriers: null, support: 'a buddy', outcome: 'yes' }));
      await store.write((tx) => tx.commitments.updateAsk(id, {}));
      expect((await store.commitments.asksForPerson(ana))[0]).toMatchObject({ dueAt: null, barriers: null, support: 'a buddy', outcome: 'yes', text: 'canvass' });
    });

    it('checkAsk records the result and the first check time; a later check with no result keeps both', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const [kept, unsure] = await store.write(async (tx) => [
        await tx.commitments.addAsk(ana, null, { text: 'come', outcome: 'yes' }, T0),
        await tx.commitments.addAsk(ana, null, { text: 'bring food', outcome: 'maybe' }, T0),
      ]);
      await store.write(async (tx) => {
        await tx.commitments.checkAsk(kept!, 'kept', T1);
        await tx.commitments.checkAsk(unsure!, null, T1);
      });
      expect(await store.commitments.ask(kept!)).toMatchObject({ result: 'kept', checkedAt: T1 });
      expect(await store.commitments.ask(unsure!)).toMatchObject({ result: null, checkedAt: T1 });
      await store.write(async (tx) => {
        await tx.commitments.checkAsk(kept!, null, T2);
        await tx.commitments.checkAsk(unsure!, 'broken', T3);
      });
      expect(await store.commitments.ask(kept!)).toMatchObject({ result: 'kept', checkedAt: T1 });
      expect(await store.commitments.ask(unsure!)).toMatchObject({ result: 'broken', checkedAt: T1 });
    });

    it('snoozeCheckIn moves an unchecked check-in; a checked one stays (false)', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const id = await store.write((tx) => tx.commitments.addAsk(ana, null, { text: 'come', outcome: 'yes' }, T0));
      expect(await store.write((tx) => tx.commitments.snoozeCheckIn(id, T2))).toBe(true);
      expect(await store.commitments.ask(id)).toMatchObject({ checkinAt: T2, checkedAt: null });
      expect(await store.write((tx) => tx.commitments.snoozeCheckIn(id, T3))).toBe(true);
      expect(await store.commitments.ask(id)).toMatchObject({ checkinAt: T3 });
      await store.write((tx) => tx.commitments.checkAsk(id, 'kept', T3));
      expect(await store.write((tx) => tx.commitments.snoozeCheckIn(id, T4))).toBe(false);
      expect(await store.commitments.ask(id)).toMatchObject({ checkinAt: T3, checkedAt: T3, result: 'kept' });
      expect(await store.write((tx) => tx.commitments.snoozeCheckIn(id + 100, T4))).toBe(false);
    });
  });

  describe('follow-ups', () => {
    it('the organizer\'s own words read back with no ask', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const m = await addMeeting(store, ana, T1);
      const id = await store.write((tx) => tx.commitments.addFollowUp(ana, m, { text: 'send her the petition 📝', dueAt: T3 }, T2));
      expect(await store.commitments.followUpsForPerson(ana)).toEqual<FollowUpRecord[]>([
        { id, meetingId: m, text: 'send her the petition 📝', ask: null, dueAt: T3, doneAt: null, createdAt: T2 },
      ]);
      expect(await store.commitments.followUp(id)).toEqual<FollowUpState>({
        id, personId: ana, person: 'Ana Ruiz', text: 'send her the petition 📝', ask: null, dueAt: T3, doneAt: null,
      });
    });

    it('a default follow-up (text null) for an ask reads back with text null and the ask', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const m = await addMeeting(store, ana, T1);
      const { ask, followUp } = await store.write(async (tx) => {
        const ask = await tx.commitments.addAsk(ana, m, { text: 'host a house meeting', outcome: 'maybe' }, T1);
        const followUp = await tx.commitments.addFollowUp(ana, m, { text: null, askId: ask, dueAt: T3 }, T1);
        return { ask, followUp };
      });
      expect(await store.commitments.followUpsForPerson(ana)).toEqual<FollowUpRecord[]>([
        { id: followUp, meetingId: m, text: null, ask: { id: ask, text: 'host a house meeting', outcome: 'maybe' }, dueAt: T3, doneAt: null, createdAt: T1 },
      ]);
      expect(await store.commitments.followUp(followUp)).toEqual<FollowUpState>({
        id: followUp, personId: ana, person: 'Ana Ruiz', text: null, ask: { id: ask, text: 'host a house meeting', outcome: 'maybe' }, dueAt: T3, doneAt: null,
      });
      // The ask is read as it is now, not as it was when the follow-up was written.
      await store.write((tx) => tx.commitments.updateAsk(ask, { outcome: 'yes' }));
      expect((await store.commitments.followUp(followUp))?.ask).toEqual({ id: ask, text: 'host a house meeting', outcome: 'yes' });
    });

    it('a default follow-up with no ask (outside a meeting) has text null and ask null', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const id = await store.write((tx) => tx.commitments.addFollowUp(ana, null, { text: null, dueAt: T2 }, T1));
      expect(await store.commitments.followUp(id)).toEqual<FollowUpState>({
        id, personId: ana, person: 'Ana Ruiz', text: null, ask: null, dueAt: T2, doneAt: null,
      });
      expect(await store.commitments.followUp(id + 100)).toBeUndefined();
    });

    it('followUpsForPerson: open first, soonest first, then the done ones; only theirs', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const bo = await addPerson(store, 'Bo Li');
      const ids = await store.write(async (tx) => {
        const late = await tx.commitments.addFollowUp(ana, null, { text: 'late', dueAt: '2026-11-24T18:30:00.500Z' }, T0);
        const done = await tx.commitments.addFollowUp(ana, null, { text: 'done', dueAt: '2026-11-01T00:00:00.000Z' }, T0);
        const soon = await tx.commitments.addFollowUp(ana, null, { text: 'soon', dueAt: '2026-11-24T18:30:00.050Z' }, T0);
        await tx.commitments.addFollowUp(bo, null, { text: 'bo', dueAt: T0 }, T0);
        await tx.commitments.closeFollowUp(done, T1);
        return { late, done, soon };
      });
      expect((await store.commitments.followUpsForPerson(ana)).map(({ id, text, doneAt }) => ({ id, text, doneAt }))).toEqual([
        { id: ids.soon, text: 'soon', doneAt: null }, { id: ids.late, text: 'late', doneAt: null }, { id: ids.done, text: 'done', doneAt: T1 },
      ]);
      expect(await store.commitments.followUpsForPerson(ana + bo + 10)).toEqual([]);
    });

    it('setFollowUpText words a follow-up of that meeting only', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const m = await addMeeting(store, ana, T1);
      const other = await addMeeting(store, ana, T2);
      const id = await store.write((tx) => tx.commitments.addFollowUp(ana, m, { text: null, dueAt: T3 }, T1));
      await store.write((tx) => tx.commitments.setFollowUpText(other, id, 'wrong meeting'));
      expect((await store.commitments.followUp(id))?.text).toBeNull();
      await store.write((tx) => tx.commitments.setFollowUpText(m, id, "call Ana about Thursday's vigil"));
      expect(await store.commitments.followUp(id)).toMatchObject({ text: "call Ana about Thursday's vigil", dueAt: T3, doneAt: null });
    });

    it('closeFollowUp closes an open one once (true), then false; the first done time is kept', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const id = await store.write((tx) => tx.commitments.addFollowUp(ana, null, { text: 'call', dueAt: T2 }, T1));
      expect(await store.write((tx) => tx.commitments.closeFollowUp(id, T3))).toBe(true);
      expect(await store.write((tx) => tx.commitments.closeFollowUp(id, T4))).toBe(false);
      expect(await store.commitments.followUp(id)).toMatchObject({ doneAt: T3, dueAt: T2 });
      expect(await store.write((tx) => tx.commitments.closeFollowUp(id + 100, T4))).toBe(false);
    });

    it('snoozeFollowUp moves an open one (true); a done one stays (false)', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const id = await store.write((tx) => tx.commitments.addFollowUp(ana, null, { text: 'call', dueAt: T2 }, T1));
      expect(await store.write((tx) => tx.commitments.snoozeFollowUp(id, T3))).toBe(true);
      expect(await store.commitments.followUp(id)).toMatchObject({ dueAt: T3, doneAt: null });
      await store.write((tx) => tx.commitments.closeFollowUp(id, T3));
      expect(await store.write((tx) => tx.commitments.snoozeFollowUp(id, T4))).toBe(false);
      expect(await store.commitments.followUp(id)).toMatchObject({ dueAt: T3, doneAt: T3 });
      expect(await store.write((tx) => tx.commitments.snoozeFollowUp(id + 100, T4))).toBe(false);
    });
  });

  describe('setCadenceUntil', () => {
    it('keeps the cadence reminder quiet until then, read back through the agenda', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz', T0, { rung: 'leader' });
      expect(await store.agenda.cadencePerson(ana)).toEqual({ personId: ana, person: 'Ana Ruiz', rung: 'leader', lastMet: null, lastTouch: null, createdAt: T0, cadenceUntil: null });
      await store.write((tx) => tx.commitments.setCadenceUntil(ana, '2026-12-15T23:59:59.999Z'));
      expect(await store.agenda.cadencePerson(ana)).toMatchObject({ cadenceUntil: '2026-12-15T23:59:59.999Z' });
      await store.write((tx) => tx.commitments.setCadenceUntil(ana, T4));
      expect(await store.agenda.cadencePerson(ana)).toMatchObject({ cadenceUntil: T4 });
    });
  });
});

describe.each(ENGINES)('settings ($name)', (engine) => {
  const h = useEngine(engine);

  it('reads undefined for a key never set, the value once set, the newest after a second set', async () => {
    const store = await h.store();
    expect(await store.settings.get('cadence')).toBeUndefined();
    await store.write((tx) => tx.settings.set('cadence', 'leader=14,other=60'));
    expect(await store.settings.get('cadence')).toBe('leader=14,other=60');
    await store.write(async (tx) => {
      await tx.settings.set('cadence', 'other=30');
      expect(await tx.settings.get('cadence')).toBe('other=30');
    });
    expect(await store.settings.get('cadence')).toBe('other=30');
  });

  it('keeps keys apart, and values exactly (empty, unicode, long)', async () => {
    const store = await h.store();
    const long = 'x'.repeat(10_000);
    await store.write(async (tx) => {
      await tx.settings.set('a', '');
      await tx.settings.set('b', 'Ñandú 🌻 مرحبا');
      await tx.settings.set('c', long);
    });
    expect(await store.settings.get('a')).toBe('');
    expect(await store.settings.get('b')).toBe('Ñandú 🌻 مرحبا');
    expect(await store.settings.get('c')).toBe(long);
    expect(await store.settings.get('A')).toBeUndefined();
  });
});
