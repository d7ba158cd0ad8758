/**
 * The per-person counts read by the people list (PersonSummary) and the leaders list (LeaderFacts) stay exact
 * after every kind of write: meetings added, drafted, completed; asks added, answered, checked; follow-ups
 * added, closed, snoozed; referrals linked, moved and forgotten. Each step states the whole expected figures.
 */
import { describe, expect, it } from 'vitest';
import type { PersonSummary, Store } from '../../src/store/index.js';
import { ENGINES } from './engines.js';
import { addPerson, meeting, person, T0, T1, useEngine } from './harness.js';

const NOW = new Date('2026-12-01T12:00:00.000Z');

interface Figures {
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

const ZERO = { lastMet: null, meetings: 0, openAsks: 0, openFollowups: 0, asksMade: 0, asksYes: 0, asksKept: 0, asksBroken: 0, referrals: 0 };

/** What the two lists say about one person, side by side. */
async function figures(store: Store, id: number): Promise<Figures & { agree: boolean }> {
  const summary = (await store.people.summaries()).find((row) => row.id === id);
  const leader = (await store.leaders.top({}, NOW, 1000)).leaders.find((row) => row.id === id);
  if (!summary || !leader) throw new Error(`person ${id} is missing from ${summary ? 'leaders' : 'summaries'}`);
  return {
    rung: summary.rung, potential: summary.potential, lastMet: summary.lastMet, meetings: summary.meetings,
    openAsks: summary.openAsks, openFollowups: summary.openFollowups,
    asksMade: leader.asksMade, asksYes: leader.asksYes, asksKept: leader.asksKept, asksBroken: leader.asksBroken, referrals: leader.referrals,
    agree: leader.meetings === summary.meetings && leader.lastMet === summary.lastMet && leader.rung === summary.rung && leader.potential === summary.potential,
  };
}

describe.each(ENGINES)('per-person figures ($name)', (engine) => {
  const h = useEngine(engine);

  it('a person just added has every count at zero', async () => {
    const store = await h.store();
    const id = await addPerson(store, 'Ana Ruiz', T0, { potential: 3, rung: 'volunteer' });
    expect(await store.people.summaries()).toEqual<PersonSummary[]>([
      { id, name: 'Ana Ruiz', rung: 'volunteer', potential: 3, assessment: 0, language: null, interpreter: false, lastMet: null, meetings: 0, openAsks: 0, openFollowups: 0 },
    ]);
    expect(await figures(store, id)).toEqual({ rung: 'volunteer', potential: 3, ...ZERO, agree: true });
  });

  it('meetings: complete ones count, drafts do not until completed; last met is the latest held', async () => {
    const store = await h.store();
    const ana = await addPerson(store, 'Ana Ruiz');
    const bo = await addPerson(store, 'Bo Li');
    const base = { rung: 'contact', potential: null, ...ZERO, agree: true };

    await store.write((tx) => tx.meetings.add(meeting(ana, '2026-11-10T12:00:00.000Z'), T1));
    expect(await figures(store, ana)).toEqual({ ...base, meetings: 1, lastMet: '2026-11-10T12:00:00.000Z' });

    const draft = await store.write((tx) =>
      tx.meetings.createDraft({ personId: ana, heldAt: '2026-11-20T12:00:00.000Z', goal: 'maintenance', template: 't', plannedMinutes: 30, plannedAsk: null, phases: [] }, T1),
    );
    await store.write((tx) => tx.meetings.add(meeting(ana, '2026-11-25T12:00:00.000Z', { status: 'draft' }), T1));
    expect(await figures(store, ana)).toEqual({ ...base, meetings: 1, lastMet: '2026-11-10T12:00:00.000Z' });

    await store.write((tx) => tx.meetings.complete(draft, '2026-11-20T13:00:00.000Z'));
    expect(await figures(store, ana)).toEqual({ ...base, meetings: 2, lastMet: '2026-11-20T12:00:00.000Z' });

    await store.write((tx) => tx.meetings.add(meeting(ana, '2026-10-01T12:00:00.000Z'), T1));
    expect(await figures(store, ana)).toEqual({ ...base, meetings: 3, lastMet: '2026-11-20T12:00:00.000Z' });

    await store.write((tx) => tx.meetings.add(meeting(ana, '2026-11-20T12:00:00.001Z'), T1));
    expect(await figures(store, ana)).toEqual({ ...base, meetings: 4, lastMet: '2026-11-20T12:00:00.001Z' });

    expect(await figures(store, bo)).toEqual(base);
  });

  it('asks: made, yes, kept, broken and open follow every answer and check', async () => {
    const store = await h.store();
    const ana = await addPerson(store, 'Ana Ruiz');
    const bo = await addPerson(store, 'Bo Li');
    const base = { rung: 'contact', potential: null, ...ZERO, agree: true };
    const m = await store.write((tx) => tx.meetings.add(meeting(ana, '2026-11-10T12:00:00.000Z'), T1));
    const met = { ...base, meetings: 1, lastMet: '2026-11-10T12:00:00.000Z' };
    const add = (outcome: 'yes' | 'maybe' | 'no' | null, meetingId: number | null = m) =>
      store.write((tx) => tx.commitments.addAsk(ana, meetingId, { text: `ask ${outcome}`, outcome }, T1));

    const yes1 = await add('yes');
    expect(await figures(store, ana)).toEqual({ ...met, asksMade: 1, asksYes: 1, openAsks: 1 });
    const maybe = await add('maybe');
    expect(await figures(store, ana)).toEqual({ ...met, asksMade: 2, asksYes: 1, openAsks: 2 });
    await add('no');
    expect(await figures(store, ana)).toEqual({ ...met, asksMade: 3, asksYes: 1, openAsks: 2 });
    const unanswered = await add(null, null);
    expect(await figures(store, ana)).toEqual({ ...met, asksMade: 4, asksYes: 1, openAsks: 2 });

    await store.write((tx) => tx.commitments.updateAsk(unanswered, { outcome: 'yes' }));
    expect(await figures(store, ana)).toEqual({ ...met, asksMade: 4, asksYes: 2, openAsks: 3 });

    await store.write((tx) => tx.commitments.checkAsk(yes1, 'kept', T1));
    expect(await figures(store, ana)).toEqual({ ...met, asksMade: 4, asksYes: 2, asksKept: 1, openAsks: 2 });

    await store.write((tx) => tx.commitments.checkAsk(maybe, null, T1));
    expect(await figures(store, ana)).toEqual({ ...met, asksMade: 4, asksYes: 2, asksKept: 1, openAsks: 1 });

    await store.write((tx) => tx.commitments.snoozeCheckIn(unanswered, '2026-12-20T00:00:00.000Z'));
    expect(await figures(store, ana)).toEqual({ ...met, asksMade: 4, asksYes: 2, asksKept: 1, openAsks: 1 });

    await store.write((tx) => tx.commitments.checkAsk(unanswered, 'broken', T1));
    expect(await figures(store, ana)).toEqual({ ...met, asksMade: 4, asksYes: 2, asksKept: 1, asksBroken: 1, openAsks: 0 });

    await store.write((tx) => tx.commitments.updateAsk(yes1, { outcome: 'no' }));
    expect(await figures(store, ana)).toEqual({ ...met, asksMade: 4, asksYes: 1, asksKept: 1, asksBroken: 1, openAsks: 0 });

    expect(await figures(store, bo)).toEqual(base);
  });

  it('follow-ups: open ones count; closing takes one off, snoozing does not', async () => {
    const store = await h.store();
    const ana = await addPerson(store, 'Ana Ruiz');
    const bo = await addPerson(store, 'Bo Li');
    const base = { rung: 'contact', potential: null, ...ZERO, agree: true };
    const [one, two] = await store.write(async (tx) => [
      await tx.commitments.addFollowUp(ana, null, { text: 'call', dueAt: T1 }, T0),
      await tx.commitments.addFollowUp(ana, null, { text: null, dueAt: T1 }, T0),
    ]);
    expect(await figures(store, ana)).toEqual({ ...base, openFollowups: 2 });
    await store.write((tx) => tx.commitments.snoozeFollowUp(one!, '2026-12-24T00:00:00.000Z'));
    expect(await figures(store, ana)).toEqual({ ...base, openFollowups: 2 });
    await store.write((tx) => tx.commitments.closeFollowUp(two!, T1));
    expect(await figures(store, ana)).toEqual({ ...base, openFollowups: 1 });
    await store.write((tx) => tx.commitments.closeFollowUp(two!, T1));
    expect(await figures(store, ana)).toEqual({ ...base, openFollowups: 1 });
    await store.write((tx) => tx.commitments.closeFollowUp(one!, T1));
    expect(await figures(store, ana)).toEqual(base);
    expect(await figures(store, bo)).toEqual(base);
  });

  it('referrals: brought in counts people first added through the referral, follows a move to another referrer, and a forget', async () => {
    const store = await h.store();
    const ana = await addPerson(store, 'Ana Ruiz');
    const bo = await addPerson(store, 'Bo Li', T0, { referredBy: ana, source: 'referral' });
    const base = { rung: 'contact', potential: null, ...ZERO, agree: true };
    expect(await figures(store, ana)).toEqual({ ...base, referrals: 1 });
    const cy = await addPerson(store, 'Cy Dee');
    await store.write((tx) => tx.people.setReferredBy(cy, ana, T1));
    expect(await figures(store, ana), 'someone already known is not brought in').toEqual({ ...base, referrals: 1 });
    const dee = await addPerson(store, 'Dee Fox', T0, { referredBy: cy, source: 'referral' });
    expect(await figures(store, cy)).toEqual({ ...base, referrals: 1 });
    await store.write((tx) => tx.people.setReferredBy(dee, bo, T1));
    expect(await figures(store, cy)).toEqual(base);
    expect(await figures(store, bo)).toEqual({ ...base, referrals: 1 });
    await store.write((tx) => tx.people.forget(bo));
    expect(await figures(store, ana)).toEqual(base);
    expect(await figures(store, dee)).toEqual(base);
    expect((await store.people.summaries()).map(({ id }) => id).sort((a, b) => a - b)).toEqual([ana, cy, dee].sort((a, b) => a - b));
  });

  it('rung and potential changes show in both lists and move no count', async () => {
    const store = await h.store();
    const ana = await store.write(async (tx) => {
      const ana = await tx.people.add(person('Ana Ruiz'), T0);
      await tx.meetings.add(meeting(ana, '2026-11-10T12:00:00.000Z'), T1);
      await tx.commitments.addAsk(ana, null, { text: 'come', outcome: 'yes' }, T1);
      await tx.commitments.addFollowUp(ana, null, { text: 'call', dueAt: T1 }, T1);
      return ana;
    });
    const counted = { ...ZERO, meetings: 1, lastMet: '2026-11-10T12:00:00.000Z', asksMade: 1, asksYes: 1, openAsks: 1, openFollowups: 1, agree: true };
    expect(await figures(store, ana)).toEqual({ rung: 'contact', potential: null, ...counted });
    await store.write(async (tx) => {
      await tx.people.moveToRung(ana, 'leader', { cause: 'manual', at: T1 });
      await tx.people.setPotential(ana, 5, T1);
      await tx.people.updateDetails(ana, { email: 'ana@example.org' }, T1);
      await tx.people.replaceDetails(ana, { email: null, phone: null, neighborhood: null, organization: null, notes: 'n' }, T1);
    });
    expect(await figures(store, ana)).toEqual({ rung: 'leader', potential: 5, ...counted });
  });

  it('a forget of one person leaves the others\' counts exact', async () => {
    const store = await h.store();
    const { ana, bo } = await store.write(async (tx) => {
      const ana = await tx.people.add(person('Ana Ruiz'), T0);
      const bo = await tx.people.add(person('Bo Li', { referredBy: ana }), T0);
      for (const id of [ana, bo]) {
        const m = await tx.meetings.add(meeting(id, '2026-11-10T12:00:00.000Z'), T1);
        await tx.commitments.addAsk(id, m, { text: 'come', outcome: 'yes' }, T1);
        await tx.commitments.addFollowUp(id, m, { text: null, dueAt: T1 }, T1);
      }
      return { ana, bo };
    });
    await store.write((tx) => tx.people.forget(bo));
    expect(await figures(store, ana)).toEqual({
      rung: 'contact', potential: null, ...ZERO, meetings: 1, lastMet: '2026-11-10T12:00:00.000Z', asksMade: 1, asksYes: 1, openAsks: 1, openFollowups: 1, agree: true,
    });
  });
});
