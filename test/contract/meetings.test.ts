/**
 * MeetingRepository: meetings with their phases and notes, and the draft `start` writes as it goes.
 */
import { describe, expect, it } from 'vitest';
import type { DraftRow, MeetingPhaseRecord, MeetingRecord, NewSession, NoteRecord } from '../../src/store/index.js';
import { ENGINES } from './engines.js';
import { addMeeting, addPerson, meeting, PHASES, T0, T1, T2, T3, T4, useEngine } from './harness.js';

const planned = (position: number): MeetingPhaseRecord => {
  const phase = PHASES.find((p) => p.position === position)!;
  return { ...phase, actualSeconds: null, organizerTalkSeconds: null, otherTalkSeconds: null, extraSeconds: 0, longestMonologueSeconds: null, openQuestions: null, reflections: null };
};

const session = (personId: number, more: Partial<NewSession> = {}): NewSession => ({
  personId, heldAt: T1, goal: 'escalation', template: 'deep-dive', plannedMinutes: 45, plannedAsk: 'chair the block meeting', phases: PHASES, ...more,
});

describe.each(ENGINES)('meetings ($name)', (engine) => {
  const h = useEngine(engine);

  describe('add and get', () => {
    it('reads a complete meeting back whole', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const id = await store.write((tx) =>
        tx.meetings.add(
          meeting(ana, T1, {
            goal: 'maintenance', template: 'quick', plannedMinutes: 22.5, plannedAsk: 'host a house meeting', agitation: 'rent went up 30%',
            phases: [
              { position: 1, key: 'rapport', title: 'Rapport', plannedSeconds: 300, maxTalkShare: 0.3, actualSeconds: 320, organizerTalkSeconds: 90, otherTalkSeconds: 230 },
              { position: 2, key: 'ask', title: 'The ask', plannedSeconds: 600, maxTalkShare: 0.5 },
            ],
          }),
          T2,
        ),
      );
      expect(await store.meetings.get(id)).toEqual<MeetingRecord>({
        id, person: { id: ana, name: 'Ana Ruiz' }, heldAt: T1, goal: 'maintenance', template: 'quick', plannedMinutes: 22.5, status: 'complete',
        step: null, currentPhase: null, plannedAsk: 'host a house meeting', agitation: 'rent went up 30%',
        createdAt: T2, updatedAt: T2, completedAt: T2, checklist: [], scorecard: null, reflection: null, mode: null, place: null,
        phases: [
          { position: 1, key: 'rapport', title: 'Rapport', plannedSeconds: 300, maxTalkShare: 0.3, actualSeconds: 320, organizerTalkSeconds: 90, otherTalkSeconds: 230, extraSeconds: 0, longestMonologueSeconds: null, openQuestions: null, reflections: null },
          { position: 2, key: 'ask', title: 'The ask', plannedSeconds: 600, maxTalkShare: 0.5, actualSeconds: null, organizerTalkSeconds: null, otherTalkSeconds: null, extraSeconds: 0, longestMonologueSeconds: null, openQuestions: null, reflections: null },
        ],
        notes: [], asks: [], followups: [],
      });
    });

    it('fills plannedAsk and agitation with null when left out', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const id = await addMeeting(store, ana, T1);
      expect(await store.meetings.get(id)).toMatchObject({ plannedAsk: null, agitation: null, phases: [], completedAt: T1 });
    });

    it('a meeting added as a draft is not complete', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const id = await store.write((tx) => tx.meetings.add(meeting(ana, T1, { status: 'draft' }), T2));
      expect(await store.meetings.get(id)).toMatchObject({ status: 'draft', completedAt: null, createdAt: T2, updatedAt: T2 });
    });

    it('get of an unknown meeting is undefined, and its phases are empty', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const id = await addMeeting(store, ana, T1);
      expect(await store.meetings.get(id + 1000)).toBeUndefined();
      expect(await store.meetings.phases(id + 1000)).toEqual([]);
    });

    it('reads phases in position order, whatever order they were given in', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const id = await addMeeting(store, ana, T1, { phases: [PHASES[2]!, PHASES[0]!, PHASES[1]!] });
      expect(await store.meetings.phases(id)).toEqual([planned(1), planned(2), planned(3)]);
      expect((await store.meetings.get(id))?.phases).toEqual([planned(1), planned(2), planned(3)]);
    });

    it('keeps the text of goal, template and agitation exactly (accents, RTL, emoji, quotes)', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const agitation = "«Le loyer a augmenté» — ‏الإيجار ارتفع 📈 it's 30%";
      const id = await addMeeting(store, ana, T1, { template: 'plantilla-española', agitation, plannedAsk: '¿vienes el jueves?' });
      expect(await store.meetings.get(id)).toMatchObject({ template: 'plantilla-española', agitation, plannedAsk: '¿vienes el jueves?' });
    });
  });

  describe('idsForPerson', () => {
    it('is newest first by when they were held (to the millisecond), only that person\'s, empty for someone never met', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const bo = await addPerson(store, 'Bo Li');
      const b = await addMeeting(store, ana, '2026-11-24T18:30:00.999Z');
      const a = await addMeeting(store, ana, '2026-11-24T18:30:00.123Z');
      const c = await addMeeting(store, ana, '2026-11-24T18:30:01.000Z');
      const other = await addMeeting(store, bo, T4);
      const d = await addMeeting(store, ana, '2025-01-01T00:00:00.000Z', { status: 'draft' });
      expect(await store.meetings.idsForPerson(ana)).toEqual([c, b, a, d]);
      expect(await store.meetings.idsForPerson(bo)).toEqual([other]);
      expect(await store.meetings.idsForPerson(await addPerson(store, 'Cy Dee'))).toEqual([]);
    });

    it('puts the later-recorded first when two were held at the same moment', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const first = await addMeeting(store, ana, T1);
      const second = await addMeeting(store, ana, T1);
      expect(await store.meetings.idsForPerson(ana)).toEqual([second, first]);
    });
  });

  describe('forPerson', () => {
    it('reads each of a person\'s meetings whole, in idsForPerson order, as get reads them one by one', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const bo = await addPerson(store, 'Bo Li');
      const ids = await store.write(async (tx) => {
        const first = await tx.meetings.add(meeting(ana, T1, { phases: PHASES }), T1);
        const second = await tx.meetings.add(meeting(ana, T2, { phases: PHASES.slice(0, 2), agitation: 'rent' }), T2);
        await tx.meetings.add(meeting(bo, T2, { phases: PHASES }), T2);
        for (const [id, tag] of [[first, 'value'], [second, 'issue'], [second, 'skill']] as const) await tx.meetings.addNote(ana, id, tag, `${tag} ${id}`, null, T2);
        const ask = await tx.commitments.addAsk(ana, second, { text: 'come to the vigil', outcome: 'yes', dueAt: T3 }, T2);
        await tx.commitments.addFollowUp(ana, second, { text: null, askId: ask, dueAt: T4 }, T2);
        await tx.commitments.addFollowUp(ana, first, { text: 'call her', dueAt: T3 }, T1);
        return [second, first];
      });
      const whole = await store.meetings.forPerson(ana);
      expect(whole.map(({ id }) => id)).toEqual(ids);
      expect(whole).toEqual([await store.meetings.get(ids[0]!), await store.meetings.get(ids[1]!)]);
      expect(whole.map((m) => [m.phases.length, m.notes.length, m.asks.length, m.followups.length])).toEqual([[2, 2, 1, 1], [3, 1, 0, 1]]);
      expect(await store.meetings.forPerson(await addPerson(store, 'Cy Dee'))).toEqual([]);
    });
  });

  describe('notes', () => {
    it('adds notes in and out of a meeting; the meeting reads its own, the person reads all in time order', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const bo = await addPerson(store, 'Bo Li');
      const m = await addMeeting(store, ana, T1);
      const ids = await store.write(async (tx) => ({
        value: await tx.meetings.addNote(ana, m, 'value', 'family comes first', 'story', T1),
        issue: await tx.meetings.addNote(ana, m, 'issue', 'the landlord won’t fix the heat 🔥', null, T2),
        loose: await tx.meetings.addNote(ana, null, 'note', 'called back, busy until Friday', null, T3),
        other: await tx.meetings.addNote(bo, null, 'skill', 'graphic design', null, T2),
      }));
      const value: NoteRecord = { id: ids.value, meetingId: m, tag: 'value', text: 'family comes first', phase: 'story', createdAt: T1 };
      const issue: NoteRecord = { id: ids.issue, meetingId: m, tag: 'issue', text: 'the landlord won’t fix the heat 🔥', phase: null, createdAt: T2 };
      const loose: NoteRecord = { id: ids.loose, meetingId: null, tag: 'note', text: 'called back, busy until Friday', phase: null, createdAt: T3 };
      expect((await store.meetings.get(m))?.notes).toEqual([value, issue]);
      expect(await store.meetings.notesForPerson(ana)).toEqual([value, issue, loose]);
      expect(await store.meetings.notesForPerson(bo)).toEqual([
        { id: ids.other, meetingId: null, tag: 'skill', text: 'graphic design', phase: null, createdAt: T2 },
      ]);
      expect(await store.meetings.notesForPerson(bo + ana + 100)).toEqual([]);
    });

    it('dropNote removes a note of that meeting only', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const m1 = await addMeeting(store, ana, T1);
      const m2 = await addMeeting(store, ana, T2);
      const [keep, drop, elsewhere] = await store.write(async (tx) => [
        await tx.meetings.addNote(ana, m1, 'note', 'keep', null, T1),
        await tx.meetings.addNote(ana, m1, 'note', 'drop', null, T1),
        await tx.meetings.addNote(ana, m2, 'note', 'other meeting', null, T2),
      ]);
      await store.write(async (tx) => {
        await tx.meetings.dropNote(m1, drop!);
        await tx.meetings.dropNote(m1, elsewhere!);
      });
      expect((await store.meetings.get(m1))?.notes.map(({ id, text }) => ({ id, text }))).toEqual([{ id: keep, text: 'keep' }]);
      expect((await store.meetings.get(m2))?.notes.map(({ id, text }) => ({ id, text }))).toEqual([{ id: elsewhere, text: 'other meeting' }]);
      expect((await store.meetings.notesForPerson(ana)).map(({ text }) => text)).toEqual(['keep', 'other meeting']);
    });
  });

  describe('drafts', () => {
    it('createDraft stands at the first phase with every phase planned and nothing timed', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const id = await store.write((tx) => tx.meetings.createDraft(session(ana), T2));
      expect(await store.meetings.draft(id)).toEqual<DraftRow>({
        id, personId: ana, personName: 'Ana Ruiz', template: 'deep-dive', goal: 'escalation', plannedMinutes: 45,
        plannedAsk: 'chair the block meeting', step: 'phases', currentPhase: 1, heldAt: T1, updatedAt: T2, claimedBy: null,
      });
      expect(await store.meetings.get(id)).toEqual<MeetingRecord>({
        id, person: { id: ana, name: 'Ana Ruiz' }, heldAt: T1, goal: 'escalation', template: 'deep-dive', plannedMinutes: 45, status: 'draft',
        step: 'phases', currentPhase: 1, plannedAsk: 'chair the block meeting', agitation: null, createdAt: T2, updatedAt: T2, completedAt: null,
        checklist: [], scorecard: null, reflection: null, mode: null, place: null, phases: [planned(1), planned(2), planned(3)], notes: [], asks: [], followups: [],
      });
      expect(await store.meetings.latestDraft()).toEqual(await store.meetings.draft(id));
    });

    it('createDraft stands at the first phase given, when positions do not start at 1', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const phases = PHASES.map((phase) => ({ ...phase, position: phase.position + 4 }));
      const id = await store.write((tx) => tx.meetings.createDraft(session(ana, { phases, plannedAsk: null }), T2));
      expect(await store.meetings.draft(id)).toMatchObject({ currentPhase: 5, plannedAsk: null });
    });

    it('saveProgress writes one phase\'s clock, again and again, and leaves the others', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const id = await store.write((tx) => tx.meetings.createDraft(session(ana), T1));
      await store.write((tx) => tx.meetings.saveProgress(id, 2, { actualSeconds: 61, organizerTalkSeconds: 20, otherTalkSeconds: 41, extraSeconds: 0, longestMonologueSeconds: 12, openQuestions: null, reflections: null }));
      await store.write((tx) => tx.meetings.saveProgress(id, 2, { actualSeconds: 1262, organizerTalkSeconds: 250, otherTalkSeconds: 1012, extraSeconds: 300, longestMonologueSeconds: 95, openQuestions: 4, reflections: 7 }));
      expect(await store.meetings.phases(id)).toEqual([
        planned(1),
        { ...planned(2), actualSeconds: 1262, organizerTalkSeconds: 250, otherTalkSeconds: 1012, extraSeconds: 300, longestMonologueSeconds: 95, openQuestions: 4, reflections: 7 },
        planned(3),
      ]);
    });

    it('enterPhase, setStep and setAgitation move the draft along and touch updatedAt', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const id = await store.write((tx) => tx.meetings.createDraft(session(ana), T1));
      await store.write((tx) => tx.meetings.enterPhase(id, 3, T2));
      expect(await store.meetings.draft(id)).toMatchObject({ step: 'phases', currentPhase: 3, updatedAt: T2 });
      await store.write((tx) => tx.meetings.setStep(id, 'debrief:ask', T3));
      expect(await store.meetings.draft(id)).toMatchObject({ step: 'debrief:ask', currentPhase: 3, updatedAt: T3 });
      await store.write((tx) => tx.meetings.setAgitation(id, 'the bus line is being cut', T4));
      expect(await store.meetings.get(id)).toMatchObject({ agitation: 'the bus line is being cut', updatedAt: T4, status: 'draft' });
      await store.write((tx) => tx.meetings.setAgitation(id, null, '2026-12-01T12:00:00.002Z'));
      expect(await store.meetings.get(id)).toMatchObject({ agitation: null, updatedAt: '2026-12-01T12:00:00.002Z' });
    });

    it('complete marks it complete: no step, no current phase, completed now; it is no longer a draft', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const id = await store.write((tx) => tx.meetings.createDraft(session(ana), T1));
      await store.write((tx) => tx.meetings.setStep(id, 'debrief:notes', T2));
      await store.write((tx) => tx.meetings.complete(id, T3));
      expect(await store.meetings.get(id)).toMatchObject({
        status: 'complete', step: null, currentPhase: null, completedAt: T3, updatedAt: T3, createdAt: T1, heldAt: T1,
      });
      expect(await store.meetings.draft(id)).toBeUndefined();
      expect(await store.meetings.latestDraft()).toBeUndefined();
    });

    it('a scorecard is kept as scored when the meeting is completed; the checklist and reflection as set', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const id = await store.write((tx) => tx.meetings.createDraft(session(ana), T1));
      await store.write((tx) => tx.meetings.setChecklist(id, ['purpose', 'referral'], T2));
      await store.write((tx) => tx.meetings.setReflection(id, 'ask sooner', T2));
      expect(await store.meetings.get(id)).toMatchObject({ checklist: ['purpose', 'referral'], scorecard: null, reflection: 'ask sooner' });
      expect(await store.meetings.latestComplete()).toBeUndefined();
      const card = { lines: [{ item: 'purpose' as const, met: true }, { item: 'talk-share' as const, met: false, detail: { phase: 'Story', share: 0.4, limit: 0.2 } }] };
      await store.write((tx) => tx.meetings.complete(id, T3, card));
      expect(await store.meetings.get(id)).toMatchObject({ status: 'complete', scorecard: card });
      expect(await store.meetings.latestComplete()).toBe(id);
      expect(await store.stats.scorecards(10)).toEqual([{ meetingId: id, heldAt: T1, scorecard: card }]);
      await store.write((tx) => tx.meetings.setChecklist(id, [], T4));
      expect((await store.meetings.get(id))?.checklist).toEqual([]);
    });

    it('a meeting added whole keeps its checklist, scorecard and reflection; scorecards come newest first, only those that have one', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const card = (met: boolean) => ({ lines: [{ item: 'value' as const, met }] });
      const old = await store.write((tx) => tx.meetings.add(meeting(ana, T1, { checklist: ['their-story'], scorecard: card(false), reflection: 'slow down' }), T1));
      await addMeeting(store, ana, T2);
      const recent = await store.write((tx) => tx.meetings.add(meeting(ana, T3, { scorecard: card(true) }), T3));
      expect(await store.meetings.get(old)).toMatchObject({ checklist: ['their-story'], scorecard: card(false), reflection: 'slow down' });
      expect((await store.stats.scorecards(10)).map((row) => row.meetingId)).toEqual([recent, old]);
      expect((await store.stats.scorecards(1)).map((row) => row.meetingId)).toEqual([recent]);
    });

    it('latestDraft is the one touched last; draft(id) of a complete meeting or an unknown id is undefined', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const bo = await addPerson(store, 'Bo Li');
      expect(await store.meetings.latestDraft()).toBeUndefined();
      const older = await store.write((tx) => tx.meetings.createDraft(session(ana), T1));
      const newer = await store.write((tx) => tx.meetings.createDraft(session(bo, { heldAt: T2 }), T2));
      expect((await store.meetings.latestDraft())?.id).toBe(newer);
      await store.write((tx) => tx.meetings.setStep(older, 'debrief:ask', T3));
      expect(await store.meetings.latestDraft()).toMatchObject({ id: older, personName: 'Ana Ruiz', updatedAt: T3, step: 'debrief:ask' });
      const done = await addMeeting(store, ana, T4);
      expect(await store.meetings.draft(done)).toBeUndefined();
      expect(await store.meetings.draft(newer + done + 100)).toBeUndefined();
      await store.write((tx) => tx.meetings.complete(older, T4));
      expect((await store.meetings.latestDraft())?.id).toBe(newer);
    });

    it('a draft touched at the same moment as another: the later-made one is the latest', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      await store.write((tx) => tx.meetings.createDraft(session(ana), T1));
      const second = await store.write((tx) => tx.meetings.createDraft(session(ana), T1));
      expect((await store.meetings.latestDraft())?.id).toBe(second);
    });
  });

  describe('the meeting record gathers its asks and follow-ups', () => {
    it('in the order they were written', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const m = await addMeeting(store, ana, T1);
      const ids = await store.write(async (tx) => {
        const first = await tx.commitments.addAsk(ana, m, { text: 'host a house meeting', outcome: 'no' }, T1);
        const pivot = await tx.commitments.addAsk(ana, m, { text: 'bring two neighbours', outcome: 'yes', dueAt: T3 }, T2);
        const own = await tx.commitments.addFollowUp(ana, m, { text: 'send the flyer', dueAt: T2 }, T1);
        const forAsk = await tx.commitments.addFollowUp(ana, m, { text: null, askId: pivot, dueAt: T3 }, T2);
        await tx.commitments.addAsk(ana, null, { text: 'not in this meeting' }, T2);
        return { first, pivot, own, forAsk };
      });
      const record = await store.meetings.get(m);
      expect(record?.asks.map(({ id, text, outcome, meetingId }) => ({ id, text, outcome, meetingId }))).toEqual([
        { id: ids.first, text: 'host a house meeting', outcome: 'no', meetingId: m },
        { id: ids.pivot, text: 'bring two neighbours', outcome: 'yes', meetingId: m },
      ]);
      expect(record?.followups).toEqual([
        { id: ids.own, meetingId: m, text: 'send the flyer', ask: null, dueAt: T2, doneAt: null, createdAt: T1 },
        { id: ids.forAsk, meetingId: m, text: null, ask: { id: ids.pivot, text: 'bring two neighbours', outcome: 'yes' }, dueAt: T3, doneAt: null, createdAt: T2 },
      ]);
    });
  });
});
