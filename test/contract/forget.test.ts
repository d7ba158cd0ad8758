/**
 * forget: a person erased with their meetings, notes, asks, follow-ups and rung history, the people they referred
 * kept and unlinked, the counts returned exactly; then scrub leaves no trace of them in the files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ForgetCounts, Store } from '../../src/store/index.js';
import { ENGINES } from './engines.js';
import { addPerson, digitsOf, meeting, person, PHASES, T0, T1, T2, T3, T4, useEngine } from './harness.js';

const SECRET_NAME = 'Wanda Secretname';
const SECRET_NOTE = 'note-only-about-wanda-7731';

async function fill(store: Store) {
  return store.write(async (tx) => {
    const dee = await tx.people.add(person('Dee Fox'), T0);
    const wanda = await tx.people.add(person(SECRET_NAME, { email: 'wanda@example.org', phone: '555-010-0999', referredBy: dee, rung: 'supporter' }), T0);
    const bo = await tx.people.add(person('Bo Li', { referredBy: wanda, source: 'referral' }), T0);
    const cy = await tx.people.add(person('Cy Dee'), T0);
    await tx.people.setReferredBy(cy, wanda, T1);
    const m1 = await tx.meetings.add(meeting(wanda, T1, { phases: PHASES }), T1);
    const m2 = await tx.meetings.add(meeting(wanda, T2, { status: 'draft' }), T2);
    await tx.meetings.addNote(wanda, m1, 'story', SECRET_NOTE, 'story', T1);
    await tx.meetings.addNote(wanda, m1, 'value', 'faith', null, T1);
    await tx.meetings.addNote(wanda, null, 'note', 'called back', null, T3);
    const a1 = await tx.commitments.addAsk(wanda, m1, { text: 'host a house meeting', outcome: 'yes' }, T1);
    const a2 = await tx.commitments.addAsk(wanda, null, { text: 'sign the petition', outcome: 'maybe' }, T2);
    const f1 = await tx.commitments.addFollowUp(wanda, m1, { text: null, askId: a1, dueAt: T3 }, T1);
    await tx.commitments.addFollowUp(wanda, m1, { text: 'send the flyer', dueAt: T2 }, T1);
    await tx.commitments.addFollowUp(wanda, null, { text: 'call', dueAt: T4 }, T3);
    await tx.people.moveToRung(wanda, 'volunteer', { cause: 'meeting', meetingId: m1, at: T1 });
    // Someone else's record, which must survive whole.
    const bm = await tx.meetings.add(meeting(bo, T2), T2);
    await tx.meetings.addNote(bo, bm, 'value', 'family', null, T2);
    const ba = await tx.commitments.addAsk(bo, bm, { text: 'come', outcome: 'yes' }, T2);
    await tx.commitments.addFollowUp(bo, bm, { text: 'call Bo', dueAt: T3 }, T2);
    await tx.people.moveToRung(bo, 'participant', { cause: 'meeting', meetingId: bm, at: T2 });
    return { dee, wanda, bo, cy, m1, m2, a1, a2, f1, bm, ba };
  });
}

const EXPECTED: ForgetCounts = { meetings: 2, notes: 3, asks: 2, followups: 3, rungChanges: 2, referralsUnlinked: 2 };

describe.each(ENGINES)('forget ($name)', (engine) => {
  const h = useEngine(engine);

  it('forgetCounts says exactly what would go, and changes nothing', async () => {
    const store = await h.store();
    const ids = await fill(store);
    expect(await store.people.forgetCounts(ids.wanda)).toEqual(EXPECTED);
    expect(await store.people.forgetCounts(ids.cy)).toEqual({ meetings: 0, notes: 0, asks: 0, followups: 0, rungChanges: 1, referralsUnlinked: 0 });
    expect(await store.people.forgetCounts(ids.dee)).toEqual({ meetings: 0, notes: 0, asks: 0, followups: 0, rungChanges: 1, referralsUnlinked: 1 });
    expect(await store.summary()).toMatchObject({ people: 4, meetings: 3 });
  });

  it('forget returns those counts and erases the person and everything about them', async () => {
    const store = await h.store();
    const ids = await fill(store);
    const boBefore = { meeting: await store.meetings.get(ids.bm), asks: await store.commitments.asksForPerson(ids.bo), followups: await store.commitments.followUpsForPerson(ids.bo), history: await store.people.rungHistory(ids.bo), notes: await store.meetings.notesForPerson(ids.bo) };

    expect(await store.write((tx) => tx.people.forget(ids.wanda))).toEqual(EXPECTED);

    expect(await store.people.get(ids.wanda)).toBeUndefined();
    expect(await store.people.withNameKey('wanda secretname')).toEqual([]);
    expect(await store.people.rungHistory(ids.wanda)).toEqual([]);
    expect(await store.people.referrals(ids.wanda)).toEqual([]);
    expect(await store.meetings.get(ids.m1)).toBeUndefined();
    expect(await store.meetings.get(ids.m2)).toBeUndefined();
    expect(await store.meetings.phases(ids.m1)).toEqual([]);
    expect(await store.meetings.idsForPerson(ids.wanda)).toEqual([]);
    expect(await store.meetings.notesForPerson(ids.wanda)).toEqual([]);
    expect(await store.meetings.latestDraft()).toBeUndefined();
    expect(await store.commitments.asksForPerson(ids.wanda)).toEqual([]);
    expect(await store.commitments.followUpsForPerson(ids.wanda)).toEqual([]);
    expect(await store.commitments.ask(ids.a1)).toBeUndefined();
    expect(await store.commitments.ask(ids.a2)).toBeUndefined();
    expect(await store.commitments.followUp(ids.f1)).toBeUndefined();
    expect(await store.commitments.currentAsk(ids.m1)).toBeUndefined();
    expect(await store.imports.byEmail('wanda@example.org')).toBeUndefined();
    expect(await store.imports.byPhoneDigits('5550100999', digitsOf)).toBeUndefined();
    expect(await store.imports.byNameKey('wanda secretname')).toEqual([]);
    expect(await store.people.forgetCounts(ids.wanda)).toEqual({ meetings: 0, notes: 0, asks: 0, followups: 0, rungChanges: 0, referralsUnlinked: 0 });

    // Nothing of theirs in any list.
    const names = (rows: { person?: string; name?: string }[]) => rows.map((row) => row.person ?? row.name);
    expect(names(await store.agenda.openFollowUps({ until: null }))).toEqual(['Bo Li']);
    expect(names(await store.agenda.openAsks({ until: null }))).toEqual(['Bo Li']);
    expect(names(await store.ladder.moves('1970-01-01T00:00:00.000Z'))).toEqual(['Bo Li']);
    expect(await store.stats.meetingDatesBetween(T0, T4)).toEqual([T2]);
    expect((await store.leaders.top({}, new Date(T4), 10)).total).toBe(3);
    expect(await store.exports.count('people')).toBe(3);
    expect(await store.exports.count('meetings')).toBe(1);
    expect(await store.exports.count('notes')).toBe(1);
    expect(await store.exports.count('asks')).toBe(1);
    expect(await store.exports.count('followups')).toBe(1);
    expect(await store.summary()).toMatchObject({ people: 3, meetings: 1 });

    // The people they referred are kept, unlinked; the person who referred them counts one fewer.
    expect(await store.people.get(ids.bo)).toMatchObject({ name: 'Bo Li', referredBy: null, source: 'referral' });
    expect(await store.people.get(ids.cy)).toMatchObject({ name: 'Cy Dee', referredBy: null });
    expect(await store.people.referredBy(ids.bo)).toBeUndefined();
    expect(await store.people.referrals(ids.dee)).toEqual([]);
    expect((await store.leaders.top({}, new Date(T4), 10)).leaders.find((row) => row.id === ids.dee)?.referrals).toBe(0);

    // Everyone else's record is whole.
    expect(await store.meetings.get(ids.bm)).toEqual(boBefore.meeting);
    expect(await store.commitments.asksForPerson(ids.bo)).toEqual(boBefore.asks);
    expect(await store.commitments.followUpsForPerson(ids.bo)).toEqual(boBefore.followups);
    expect(await store.people.rungHistory(ids.bo)).toEqual(boBefore.history);
    expect(await store.meetings.notesForPerson(ids.bo)).toEqual(boBefore.notes);
  });

  it('forget of someone unknown erases nothing and counts zero', async () => {
    const store = await h.store();
    const ids = await fill(store);
    const before = await store.summary();
    expect(await store.write((tx) => tx.people.forget(ids.wanda + 1000))).toEqual({
      meetings: 0, notes: 0, asks: 0, followups: 0, rungChanges: 0, referralsUnlinked: 0,
    });
    expect(await store.summary()).toEqual(before);
  });

  it('a forget in a write that then fails erases nothing', async () => {
    const store = await h.store();
    const ids = await fill(store);
    await expect(
      store.write(async (tx) => {
        await tx.people.forget(ids.wanda);
        throw new Error('no, keep her');
      }),
    ).rejects.toThrow('no, keep her');
    expect(await store.people.get(ids.wanda)).toMatchObject({ name: SECRET_NAME });
    expect(await store.people.forgetCounts(ids.wanda)).toEqual(EXPECTED);
    expect(await store.people.get(ids.bo)).toMatchObject({ referredBy: ids.wanda });
  });

  it('scrub after a forget: true, and no trace of the name or the note survives in the files', async () => {
    const location = await h.location();
    const store = await h.store();
    const ids = await fill(store);
    await addPerson(store, 'Someone Else');
    await store.write((tx) => tx.people.forget(ids.wanda));
    const files = [location, `${location}-wal`, `${location}-journal`];
    // Before the scrub the note is still somewhere on disk (old pages of the log), so the check below can fail.
    if (engine.localFile) expect(files.some((file) => existsSync(file) && readFileSync(file).includes(SECRET_NOTE))).toBe(true);
    expect(await store.scrub()).toBe(true);
    expect(await store.people.get(ids.wanda)).toBeUndefined();
    expect(await store.summary()).toMatchObject({ people: 4, meetings: 1 });
    if (engine.localFile) {
      for (const file of files) {
        if (!existsSync(file)) continue;
        const bytes = readFileSync(file);
        expect(bytes.includes(SECRET_NOTE), `${file} holds the note`).toBe(false);
        expect(bytes.includes(SECRET_NAME), `${file} holds the name`).toBe(false);
        expect(bytes.includes('wanda@example.org'), `${file} holds the email`).toBe(false);
      }
      expect(readFileSync(location).includes('Someone Else')).toBe(true);
    }
    // The store keeps working after a scrub.
    const again = await addPerson(store, 'After Scrub');
    expect((await store.people.get(again))?.name).toBe('After Scrub');
  });
});
