/**
 * The undo journal: a write given a ChangeLabel is journaled; `journal.latest()` names the newest change not undone;
 * `journal.undo(id)` puts back every row that change touched, as it was, so every read (people, meetings with their
 * phases, notes, asks, follow-ups, rung history, former names, referrals, the figures of both lists, the agenda,
 * search) is as it was before. Writes without a label are not journaled; a write that fails or changes nothing
 * leaves no change; the end of a live meeting continues the change that began it; forgetting erases the journal.
 */
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/people/names.js';
import { EXPORT_TABLES, type ChangeLabel, type ChangeRecord, type Store, type Transaction } from '../../src/store/index.js';
import { KEPT_CHANGES } from '../../src/store/sqlite/journal.js';
import { ENGINES } from './engines.js';
import { addPerson, byId, meeting, person, PHASES, T0, T1, T2, T3, T4, useEngine } from './harness.js';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const T5 = '2026-12-02T09:00:00.000Z';
/** Words of the records below, looked up in the search index. */
const WORDS = ['rent', 'rally', 'flyer', 'childcare', 'eastside', 'repairs', 'ride', 'neighbours', 'spreadsheets', 'ruiz'];

/** Everything the contract can read about everyone, in a stable order: what "as it was" means. */
async function snapshot(store: Store) {
  const people = [];
  for (const { id } of byId(await store.people.allNames())) {
    const row = (await store.people.get(id))!;
    const meetings = [];
    for (const meetingId of await store.meetings.idsForPerson(id)) {
      meetings.push({ record: await store.meetings.get(meetingId), phases: await store.meetings.phases(meetingId) });
    }
    people.push({
      row,
      sameKey: (await store.people.withNameKey(nameKey(row.name))).map((found) => found.id),
      formerNames: await store.people.formerNames(id),
      rungHistory: await store.people.rungHistory(id),
      referredBy: await store.people.referredBy(id),
      referrals: await store.people.referrals(id),
      meetings,
      notes: await store.meetings.notesForPerson(id),
      asks: await store.commitments.asksForPerson(id),
      followUps: await store.commitments.followUpsForPerson(id),
      cadence: await store.agenda.cadencePerson(id),
    });
  }
  const counts: Record<string, number> = {};
  for (const table of EXPORT_TABLES) counts[table] = await store.exports.count(table);
  const search: Record<string, unknown> = {};
  for (const text of WORDS) search[text] = await store.search.find({ words: [{ text, prefix: false }], limit: 100 });
  return {
    people,
    summaries: await store.people.summaries(),
    leaders: await store.leaders.top({}, NOW, 1000),
    rungCounts: [...(await store.ladder.rungCounts())].sort((a, b) => (a.rung < b.rung ? -1 : 1)),
    moves: await store.ladder.moves('2000-01-01T00:00:00.000Z'),
    openFollowUps: await store.agenda.openFollowUps({ until: null }),
    openAsks: await store.agenda.openAsks({ until: null }),
    latestDraft: await store.meetings.latestDraft(),
    claimed: await store.meetings.claimed(),
    settings: { cadence: await store.settings.get('cadence'), theme: await store.settings.get('theme') },
    counts,
    search,
  };
}

const latest = (store: Store): Promise<ChangeRecord | undefined> => store.write((tx) => tx.journal.latest());
/** Undoes a change as the undo command does: in a write of its own, with no label. */
const undo = (store: Store, id: number, now = T5): Promise<void> => store.write((tx) => tx.journal.undo(id, now));
/** Undoes the newest change and says which it was. */
async function undoLatest(store: Store): Promise<ChangeRecord> {
  const change = await latest(store);
  expect(change, 'there is a change to undo').toBeDefined();
  await undo(store, change!.id);
  return change!;
}

/**
 * Ana (a volunteer) with a meeting (phases with progress, a note, an ask she said yes to, a default follow-up about
 * it, a follow-up of the organizer's own), who brought in Bo; Bo's duplicate "Bo Lee" with a meeting of his own and
 * a former name; a setting. All written without a label, so nothing is journaled yet.
 */
async function recorded(store: Store) {
  return store.write(async (tx) => {
    const ana = await tx.people.add(person('Ana Ruiz', { rung: 'volunteer', potential: 3, neighborhood: 'Eastside', email: 'ana@example.org' }), T0);
    const bo = await tx.people.add(person('Bo Li', { referredBy: ana, source: 'referral', phone: '555-0100' }), T0);
    const boDup = await tx.people.add(person('Bo Lee', { referredBy: ana, source: 'referral', email: 'bo@example.org' }), T1);
    const cy = await tx.people.add(person('Cy Dee', { referredBy: boDup, source: 'referral' }), T1);
    const m = await tx.meetings.add(meeting(ana, T1, { phases: PHASES, plannedAsk: 'host a house meeting', agitation: 'rent keeps going up' }), T1);
    await tx.meetings.saveProgress(m, 1, { actualSeconds: 310, organizerTalkSeconds: 80, otherTalkSeconds: 230, extraSeconds: 60, longestMonologueSeconds: 45, openQuestions: 2, reflections: 3 });
    const note = await tx.meetings.addNote(ana, m, 'issue', 'repairs never done', 'story', T1);
    const ask = await tx.commitments.addAsk(ana, m, { text: 'come to the rally', outcome: 'yes', barriers: 'childcare', support: 'a ride', dueAt: T3 }, T1);
    const askFollowUp = await tx.commitments.addFollowUp(ana, m, { text: null, askId: ask, dueAt: T2 }, T1);
    const ownFollowUp = await tx.commitments.addFollowUp(ana, m, { text: 'send the flyer', dueAt: T3 }, T1);
    const boMeeting = await tx.meetings.add(meeting(boDup, T2, { phases: PHASES }), T2);
    await tx.people.moveToRung(boDup, 'participant', { cause: 'meeting', meetingId: boMeeting, at: T2 });
    const boNote = await tx.meetings.addNote(boDup, boMeeting, 'skill', 'spreadsheets', 'story', T2);
    const boAsk = await tx.commitments.addAsk(boDup, boMeeting, { text: 'call five neighbours', outcome: 'maybe' }, T2);
    const boFollowUp = await tx.commitments.addFollowUp(boDup, boMeeting, { text: null, askId: boAsk, dueAt: T3 }, T2);
    await tx.corrections.addFormerName(boDup, 'Bo Gomez', nameKey('Bo Gomez'), T2);
    await tx.settings.set('cadence', '21');
    const building = await tx.web.addUnit({ name: 'Building 12', nameKey: 'building 12', kind: 'building', size: 40 }, T1);
    await tx.web.join(ana, building, T1);
    await tx.web.relate({ personId: ana, otherId: bo, kind: 'leads', note: null }, T1);
    await tx.web.touch({ personId: bo, by: 'call', note: 'left a message', touchedAt: T2 }, T2);
    return { ana, bo, boDup, cy, m, note, ask, askFollowUp, ownFollowUp, boMeeting, boNote, boAsk, boFollowUp };
  });
}

describe.each(ENGINES)('the undo journal ($name)', (engine) => {
  const h = useEngine(engine);

  it('an empty record has nothing to undo', async () => {
    const store = await h.store();
    expect(await latest(store)).toBeUndefined();
  });

  it('a labelled write is the latest change, with its kind, person and detail, dated when it was made', async () => {
    const store = await h.store();
    const ana = await addPerson(store, 'Ana Ruiz');
    const from = new Date().toISOString();
    const label: ChangeLabel = { kind: 'edit', personId: ana, detail: { item: 'ask #3', count: 2, none: null } };
    await store.write((tx) => tx.corrections.editPerson(ana, { email: 'ana@example.org' }, T1), label);
    const to = new Date().toISOString();
    const change = await latest(store);
    expect(change).toEqual<ChangeRecord>({
      id: expect.any(Number) as number, kind: 'edit', personId: ana, meetingId: null, detail: { item: 'ask #3', count: 2, none: null },
      madeAt: expect.any(String) as string,
    });
    expect(change!.madeAt >= from && change!.madeAt <= to).toBe(true);
  });

  it('undoes a write that added a person, a meeting with phases, notes, asks and follow-ups, and touched what was there', async () => {
    const store = await h.store();
    const r = await recorded(store);
    const before = await snapshot(store);
    expect(await latest(store)).toBeUndefined();
    // The snapshot sees the record: every table, the search index, the phases' progress.
    for (const table of EXPORT_TABLES) expect(before.counts[table], table).toBeGreaterThan(0);
    for (const text of ['rally', 'ruiz', 'repairs', 'spreadsheets']) expect((before.search[text] as { hits: unknown[] }).hits.length, text).toBeGreaterThan(0);
    expect(before.people.find(({ row }) => row.id === r.ana)!.meetings[0]!.phases[0]).toMatchObject({ actualSeconds: 310, extraSeconds: 60 });

    await store.write(async (tx) => {
      const dee = await tx.people.add(person('Dee Fox', { referredBy: r.ana, source: 'referral', neighborhood: 'Eastside' }), T3);
      const m = await tx.meetings.add(meeting(dee, T3, { phases: PHASES, plannedAsk: 'join the rally', agitation: 'the rent again' }), T3);
      await tx.meetings.saveProgress(m, 2, { actualSeconds: 900, organizerTalkSeconds: 100, otherTalkSeconds: 800, extraSeconds: 0, longestMonologueSeconds: 70, openQuestions: 2, reflections: 3 });
      await tx.meetings.addNote(dee, m, 'value', 'her neighbours', 'story', T3);
      const dropped = await tx.meetings.addNote(dee, m, 'note', 'rally typo', null, T3);
      await tx.meetings.dropNote(m, dropped);
      const yes = await tx.commitments.addAsk(dee, m, { text: 'come to the rally', outcome: 'yes', support: 'a ride' }, T3);
      await tx.commitments.addAsk(dee, m, { text: 'chair it', outcome: 'no' }, T3);
      await tx.commitments.addFollowUp(dee, m, { text: null, askId: yes, dueAt: T4 }, T3);
      await tx.commitments.addFollowUp(dee, m, { text: 'bring the flyer', dueAt: T4 }, T3);
      await tx.people.moveToRung(dee, 'participant', { cause: 'meeting', meetingId: m, at: T3 });
      // What was there before: Ana's figures, her follow-up, her ask, her rung, a setting changed and one added.
      await tx.meetings.add(meeting(r.ana, T4), T4);
      await tx.commitments.closeFollowUp(r.ownFollowUp, T4);
      await tx.commitments.checkAsk(r.ask, 'kept', T4);
      await tx.commitments.updateAsk(r.boAsk, { outcome: 'yes' });
      await tx.people.moveToRung(r.ana, 'leader', { cause: 'meeting', meetingId: r.m, reason: 'runs the block club', at: T4 });
      await tx.people.setPotential(r.ana, 5, T4);
      await tx.commitments.setCadenceUntil(r.bo, T5);
      await tx.settings.set('cadence', '14');
      await tx.settings.set('theme', 'plain');
    }, { kind: 'log' });
    const after = await snapshot(store);
    expect(after).not.toEqual(before);
    expect(after.summaries).toHaveLength(before.summaries.length + 1);
    expect(await latest(store)).toMatchObject({ kind: 'log' });

    const change = await undoLatest(store);
    expect(change.kind).toBe('log');
    expect(await snapshot(store)).toEqual(before);
    expect(await latest(store)).toBeUndefined();
  });

  it('undoes corrections: every edit, and a former name added', async () => {
    const store = await h.store();
    const r = await recorded(store);
    const before = await snapshot(store);
    await store.write(async (tx) => {
      await tx.corrections.editPerson(r.ana, {
        name: 'Ana María Ruiz', nameKey: nameKey('Ana María Ruiz'), email: null, neighborhood: 'Westside', potential: null, referredBy: r.cy,
      }, T4);
      await tx.corrections.addFormerName(r.ana, 'Ana Ruiz', nameKey('Ana Ruiz'), T4);
      await tx.corrections.editPerson(r.bo, { referredBy: null }, T4);
      await tx.corrections.editMeeting(r.m, { heldAt: T2, goal: 'escalation', plannedMinutes: 45 }, T4);
      await tx.corrections.editNote(r.note, { text: 'repairs done at last', tag: 'story' });
      await tx.corrections.editAsk(r.ask, { text: 'speak at the rally', outcome: 'no', barriers: null, dueAt: null });
      await tx.corrections.editFollowUp(r.askFollowUp, { text: 'ask about childcare', dueAt: T4 });
      await tx.corrections.editFollowUp(r.ownFollowUp, { text: null });
    }, { kind: 'edit', personId: r.ana });
    expect(await snapshot(store)).not.toEqual(before);
    expect(await latest(store)).toMatchObject({ kind: 'edit', personId: r.ana });
    await undoLatest(store);
    expect(await snapshot(store)).toEqual(before);
    expect((await store.people.withNameKey('ana ruiz')).map(({ id }) => id)).toEqual([r.ana]);
    expect(await store.people.withNameKey('ana maria ruiz')).toEqual([]);
  });

  it('undoes a merge: both people back exactly, with everything that was theirs', async () => {
    const store = await h.store();
    const r = await recorded(store);
    const before = await snapshot(store);
    const dupBefore = before.people.find(({ row }) => row.id === r.boDup)!;
    const boBefore = before.people.find(({ row }) => row.id === r.bo)!;
    // As `merge` does it: the gaps in the kept person's details filled, the old name kept, the record moved, the higher rung.
    await store.write(async (tx) => {
      await tx.corrections.editPerson(r.bo, { email: 'bo@example.org' }, T4);
      await tx.corrections.addFormerName(r.bo, 'Bo Lee', nameKey('Bo Lee'), T4);
      await tx.corrections.merge(r.boDup, r.bo);
      await tx.people.moveToRung(r.bo, 'participant', { cause: 'manual', detail: 'merge', at: T4 });
    }, { kind: 'merge', personId: r.bo, detail: { from: `Bo Lee (#${r.boDup})` } });
    expect(await store.people.get(r.boDup)).toBeUndefined();
    expect(await store.people.referredBy(r.cy)).toEqual({ id: r.bo, name: 'Bo Li' });
    expect(await latest(store)).toMatchObject({ kind: 'merge', personId: r.bo, detail: { from: `Bo Lee (#${r.boDup})` } });

    await undoLatest(store);
    const now = await snapshot(store);
    expect(now.people.find(({ row }) => row.id === r.boDup)).toEqual(dupBefore);
    expect(now.people.find(({ row }) => row.id === r.bo)).toEqual(boBefore);
    expect(await store.people.referredBy(r.cy)).toEqual({ id: r.boDup, name: 'Bo Lee' });
    expect(now).toEqual(before);
  });

  it('undoes a deleteMeeting: the meeting, its phases, notes, asks and follow-ups back with the same ids, and the rung it gave', async () => {
    const store = await h.store();
    const r = await recorded(store);
    // A follow-up written in a later meeting about this meeting's ask goes with it, and comes back with it.
    const later = await store.write(async (tx) => {
      const later = await tx.meetings.add(meeting(r.boDup, T4), T4);
      await tx.commitments.addFollowUp(r.boDup, later, { text: 'did you call them?', askId: r.boAsk, dueAt: T5 }, T4);
      return later;
    });
    const before = await snapshot(store);
    const meetingBefore = await store.meetings.get(r.boMeeting);
    const phasesBefore = await store.meetings.phases(r.boMeeting);
    const laterBefore = await store.meetings.get(later);
    expect(phasesBefore).toHaveLength(PHASES.length);

    await store.write((tx) => tx.corrections.deleteMeeting(r.boMeeting, T5), { kind: 'delete', personId: r.boDup, detail: { item: `meeting #${r.boMeeting}` } });
    expect(await store.meetings.get(r.boMeeting)).toBeUndefined();
    expect(await store.meetings.phases(r.boMeeting)).toEqual([]);
    expect(await store.people.get(r.boDup)).toMatchObject({ rung: 'contact' });
    expect((await store.meetings.get(later))?.followups).toEqual([]);

    await undoLatest(store);
    expect(await store.meetings.get(r.boMeeting)).toEqual(meetingBefore);
    expect(await store.meetings.phases(r.boMeeting)).toEqual(phasesBefore);
    expect(await store.meetings.get(later)).toEqual(laterBefore);
    expect(await store.people.get(r.boDup)).toMatchObject({ rung: 'participant' });
    expect(await snapshot(store)).toEqual(before);
  });

  it('undoes deleteNote, deleteAsk (with its follow-ups) and deleteFollowUp', async () => {
    const store = await h.store();
    const r = await recorded(store);
    const before = await snapshot(store);
    await store.write((tx) => tx.corrections.deleteNote(r.note), { kind: 'delete', personId: r.ana });
    await store.write((tx) => tx.corrections.deleteAsk(r.ask), { kind: 'delete', personId: r.ana });
    await store.write((tx) => tx.corrections.deleteFollowUp(r.boFollowUp), { kind: 'delete', personId: r.boDup });
    expect(await store.commitments.followUp(r.askFollowUp)).toBeUndefined();
    for (let i = 0; i < 3; i++) await undoLatest(store);
    expect(await snapshot(store)).toEqual(before);
    expect(await latest(store)).toBeUndefined();
  });

  it('undoes several changes newest first, each putting back the record as it stood before it', async () => {
    const store = await h.store();
    const r = await recorded(store);
    const states = [await snapshot(store)];
    const steps: [ChangeLabel, (tx: Transaction) => Promise<unknown>][] = [
      [{ kind: 'log' }, async (tx) => {
        const dee = await tx.people.add(person('Dee Fox'), T3);
        await tx.meetings.add(meeting(dee, T3), T3);
        await tx.commitments.addFollowUp(dee, null, { text: 'call Dee', dueAt: T4 }, T3);
      }],
      [{ kind: 'done', personId: r.ana }, (tx) => tx.commitments.closeFollowUp(r.ownFollowUp, T4)],
      [{ kind: 'snooze', personId: r.ana }, (tx) => tx.commitments.snoozeFollowUp(r.askFollowUp, T5)],
      [{ kind: 'edit', personId: r.ana }, (tx) => tx.corrections.editPerson(r.ana, { potential: 1, email: null }, T4)],
      [{ kind: 'cadence', personId: r.bo }, (tx) => tx.commitments.setCadenceUntil(r.bo, T5)],
    ];
    for (const [label, work] of steps) {
      await store.write(work, label);
      states.push(await snapshot(store));
      expect(await latest(store)).toMatchObject({ kind: label.kind });
    }
    for (let i = steps.length - 1; i >= 0; i--) {
      const change = await undoLatest(store);
      expect(change.kind).toBe(steps[i]![0].kind);
      expect(await snapshot(store)).toEqual(states[i]);
    }
    expect(await latest(store)).toBeUndefined();
  });

  it('a write without a label is not journaled, and an undo leaves what such a write did to other rows', async () => {
    const store = await h.store();
    const r = await recorded(store);
    expect(await latest(store)).toBeUndefined();
    await store.write((tx) => tx.people.setPotential(r.bo, 4, T2));
    expect(await latest(store)).toBeUndefined();

    await store.write((tx) => tx.people.add(person('Dee Fox'), T3), { kind: 'log' });
    const change = await latest(store);
    const eve = await store.write(async (tx) => {
      const eve = await tx.people.add(person('Eve Stone'), T4);
      await tx.commitments.closeFollowUp(r.ownFollowUp, T4);
      return eve;
    });
    expect(await latest(store)).toEqual(change);
    await undoLatest(store);
    expect((await store.people.allNames()).map(({ name }) => name)).not.toContain('Dee Fox');
    expect(await store.people.get(eve)).toMatchObject({ name: 'Eve Stone' });
    expect((await store.commitments.followUp(r.ownFollowUp))?.doneAt).toBe(T4);
    expect(await store.people.get(r.bo)).toMatchObject({ potential: 4 });
    expect(await latest(store)).toBeUndefined();
  });

  it('a labelled write whose work throws leaves no change behind, and the journal goes on as before', async () => {
    const store = await h.store();
    const r = await recorded(store);
    await store.write((tx) => tx.commitments.closeFollowUp(r.ownFollowUp, T2), { kind: 'done', personId: r.ana });
    const change = await latest(store);
    const before = await snapshot(store);
    await expect(store.write(async (tx) => {
      const dee = await tx.people.add(person('Dee Fox'), T3);
      await tx.meetings.add(meeting(dee, T3), T3);
      await tx.corrections.deleteMeeting(r.m, T3);
      throw new Error('the organizer pressed Ctrl-C');
    }, { kind: 'log' })).rejects.toThrow('Ctrl-C');
    expect(await latest(store)).toEqual(change);
    expect(await snapshot(store)).toEqual(before);
    // Nothing is left recording: a write without a label after it is still not journaled.
    await store.write((tx) => tx.people.add(person('Eve Stone'), T4));
    expect(await latest(store)).toEqual(change);
    await undoLatest(store);
    expect((await store.commitments.followUp(r.ownFollowUp))?.doneAt).toBeNull();
    expect(await store.people.withNameKey('eve stone')).toHaveLength(1);
    expect(await latest(store)).toBeUndefined();
  });

  it('a labelled write that changes nothing leaves no change', async () => {
    const store = await h.store();
    const r = await recorded(store);
    await store.write((tx) => tx.people.setPotential(r.bo, 2, T2), { kind: 'edit', personId: r.bo });
    const change = await latest(store);
    const unknown = 1_000_000;
    const nothing: [ChangeLabel, (tx: Transaction) => Promise<unknown>][] = [
      [{ kind: 'edit', personId: r.ana }, (tx) => tx.people.get(r.ana)],
      [{ kind: 'edit', personId: r.ana }, (tx) => tx.corrections.editPerson(r.ana, {}, T3)],
      [{ kind: 'edit', personId: r.ana }, (tx) => tx.corrections.editMeeting(r.m, {}, T3)],
      [{ kind: 'done' }, (tx) => tx.commitments.closeFollowUp(unknown, T3)],
      [{ kind: 'snooze' }, (tx) => tx.commitments.snoozeFollowUp(unknown, T3)],
      [{ kind: 'delete' }, (tx) => tx.corrections.deleteNote(unknown)],
      [{ kind: 'delete' }, (tx) => tx.corrections.deleteMeeting(unknown, T3)],
      [{ kind: 'log' }, (tx) => tx.people.moveToRung(r.ana, 'volunteer', { cause: 'manual', at: T3 })],
    ];
    for (const [label, work] of nothing) {
      await store.write(work, label);
      expect(await latest(store)).toEqual(change);
    }
    await undoLatest(store);
    expect(await store.people.get(r.bo)).toMatchObject({ potential: null });
    expect(await latest(store)).toBeUndefined();
  });

  it('the end of a live meeting continues the change that began it, so one undo takes the whole meeting', async () => {
    const store = await h.store();
    const r = await recorded(store);
    const before = await snapshot(store);
    // start: the newcomer and the draft, in one labelled write.
    const { dee, draft } = await store.write(async (tx) => {
      const dee = await tx.people.add(person('Dee Fox', { referredBy: r.ana, source: 'referral' }), T3);
      const draft = await tx.meetings.createDraft({ personId: dee, heldAt: T3, goal: 'recruitment', template: 'standard', plannedMinutes: 30, plannedAsk: 'come to the rally', phases: PHASES }, T3);
      return { dee, draft };
    }, { kind: 'start' });
    const begun = (await latest(store))!;
    expect(begun).toMatchObject({ kind: 'start', meetingId: draft });
    // The live phases: saved as they happen, without a label.
    await store.write((tx) => tx.meetings.claim(draft, 'here:1', () => false));
    await store.write((tx) => tx.meetings.begin(draft, T4));
    await store.write((tx) => tx.meetings.saveProgress(draft, 1, { actualSeconds: 300, organizerTalkSeconds: 60, otherTalkSeconds: 240, extraSeconds: 0, longestMonologueSeconds: 30, openQuestions: 2, reflections: 3 }));
    await store.write((tx) => tx.meetings.addNote(dee, draft, 'value', 'her neighbours', 'story', T4));
    await store.write((tx) => tx.meetings.enterPhase(draft, 2, T4));
    // Meanwhile another change, from another command.
    await store.write((tx) => tx.commitments.closeFollowUp(r.ownFollowUp, T4), { kind: 'done', personId: r.ana });
    const done = (await latest(store))!;
    expect(done.id).not.toBe(begun.id);
    // The debrief, answer by answer, and the end: each continues the meeting's change.
    await store.write(async (tx) => {
      const ask = await tx.commitments.addAsk(dee, draft, { text: 'come to the rally', outcome: 'yes' }, T4);
      await tx.commitments.addFollowUp(dee, draft, { text: null, askId: ask, dueAt: T5 }, T4);
      await tx.meetings.setStep(draft, 'rung', T4);
    }, { kind: 'start', meetingId: draft });
    expect((await latest(store))?.id).toBe(begun.id);
    await store.write(async (tx) => {
      await tx.people.moveToRung(dee, 'participant', { cause: 'meeting', meetingId: draft, at: T4 });
      await tx.meetings.setAgitation(draft, 'the rent', T4);
    }, { kind: 'start', meetingId: draft });
    await store.write((tx) => tx.meetings.release(draft, 'here:1'));
    await store.write((tx) => tx.meetings.complete(draft, T4), { kind: 'start', meetingId: draft });
    const ended = (await latest(store))!;
    expect(ended).toMatchObject({ id: begun.id, kind: 'start', meetingId: draft });
    expect(await store.meetings.get(draft)).toMatchObject({ status: 'complete' });

    await undo(store, ended.id);
    expect(await store.meetings.get(draft)).toBeUndefined();
    expect(await store.meetings.phases(draft)).toEqual([]);
    expect(await store.people.get(dee)).toBeUndefined();
    expect(await latest(store)).toEqual(done);
    await undoLatest(store);
    expect(await snapshot(store)).toEqual(before);
    expect(await latest(store)).toBeUndefined();
  });

  it('puts a deleted meeting back with its ids even after a live meeting begun earlier has taken notes since', async () => {
    const store = await h.store();
    const r = await recorded(store);
    // start: Cy's meeting is prepared (its change is older than what follows), then left as a draft.
    const draft = await store.write((tx) =>
      tx.meetings.createDraft({ personId: r.cy, heldAt: T2, goal: 'recruitment', template: 'standard', plannedMinutes: 30, plannedAsk: null, phases: PHASES }, T2),
    { kind: 'start' });
    // log, then delete: a meeting with Ana and its notes, the newest notes of all.
    const logged = await store.write(async (tx) => {
      const m = await tx.meetings.add(meeting(r.ana, T3), T3);
      await tx.meetings.addNote(r.ana, m, 'value', 'her grandmother', 'story', T3);
      await tx.meetings.addNote(r.ana, m, 'skill', 'bookkeeping', 'story', T3);
      return m;
    }, { kind: 'log', personId: r.ana });
    const before = await store.meetings.get(logged);
    await store.write((tx) => tx.corrections.deleteMeeting(logged, T4), { kind: 'delete', personId: r.ana });
    // Cy's meeting is resumed; its quick notes are saved as they are typed, without a label (then Ctrl-C).
    const live = await store.write(async (tx) => [
      await tx.meetings.addNote(r.cy, draft, 'issue', 'no heat since October', 'story', T4),
      await tx.meetings.addNote(r.cy, draft, 'story', 'moved here in 2019', 'story', T4),
    ]);
    const liveNotes = (await store.meetings.get(draft))!.notes;
    expect(liveNotes.map(({ id }) => id)).toEqual(live);

    // undo: the delete is the latest change; the meeting and its notes come back as they were, the live notes stay.
    expect(await latest(store)).toMatchObject({ kind: 'delete', personId: r.ana });
    await undoLatest(store);
    expect(await store.meetings.get(logged)).toEqual(before);
    expect((await store.meetings.get(draft))?.notes).toEqual(liveNotes);
  });

  it('forgetHistory leaves only its mark: nothing before it can be reached', async () => {
    const store = await h.store();
    const r = await recorded(store);
    await store.write((tx) => tx.commitments.closeFollowUp(r.ownFollowUp, T2), { kind: 'done', personId: r.ana });
    await store.write((tx) => tx.corrections.editPerson(r.bo, { potential: 2 }, T2), { kind: 'edit', personId: r.bo });
    await store.write(async (tx) => {
      await tx.people.forget(r.cy);
      await tx.journal.forgetHistory(T3);
    });
    const mark = await latest(store);
    expect(mark).toEqual<ChangeRecord>({ id: expect.any(Number) as number, kind: 'forget', personId: null, meetingId: null, detail: null, madeAt: T3 });
    // A change after it is undone as any other, and then the mark is the latest again, not what came before it.
    await store.write((tx) => tx.people.setPotential(r.ana, 5, T4), { kind: 'edit', personId: r.ana });
    expect(await latest(store)).toMatchObject({ kind: 'edit', personId: r.ana });
    await undoLatest(store);
    expect(await latest(store)).toEqual(mark);
    expect(await store.people.get(r.ana)).toMatchObject({ potential: 3 });
    expect(await store.people.get(r.bo)).toMatchObject({ potential: 2 });
    expect((await store.commitments.followUp(r.ownFollowUp))?.doneAt).toBe(T2);
  });

  it(`keeps only the newest ${KEPT_CHANGES} changes`, async () => {
    const store = await h.store();
    const extra = 3;
    for (let i = 0; i < KEPT_CHANGES + extra; i++) {
      await store.write((tx) => tx.people.add(person(`Person ${String(i).padStart(3, '0')}`), T0), { kind: 'log' });
    }
    let undone = 0;
    for (let change = await latest(store); change; change = await latest(store)) {
      await undo(store, change.id);
      undone++;
      if (undone > KEPT_CHANGES + extra) break;
    }
    expect(undone).toBe(KEPT_CHANGES);
    expect((await store.people.allNames()).map(({ name }) => name)).toEqual(['Person 000', 'Person 001', 'Person 002']);
  });
});
