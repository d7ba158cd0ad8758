/**
 * Store.write: all or nothing, one after another. Two writes started without awaiting the first both land, in
 * the order asked, and neither sees half of the other; a write whose work throws leaves nothing behind; two
 * Store objects on one location writing at once both land.
 */
import { describe, expect, it } from 'vitest';
import { EXPORT_TABLES, type Store } from '../../src/store/index.js';
import { ENGINES } from './engines.js';
import { addPerson, gate, meeting, person, sleep, T0, T1, T2, T3, useEngine } from './harness.js';

async function counts(store: Store): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(EXPORT_TABLES.map(async (table) => [table, await store.exports.count(table)])));
}

describe.each(ENGINES)('writes ($name)', (engine) => {
  const h = useEngine(engine);

  it('returns what the work returns', async () => {
    const store = await h.store();
    expect(await store.write(async () => ({ answer: 42 }))).toEqual({ answer: 42 });
    const id = await store.write((tx) => tx.people.add(person('Ana Ruiz'), T0));
    expect((await store.people.get(id))?.name).toBe('Ana Ruiz');
  });

  describe('two writes started without awaiting the first', () => {
    it('both land, the second after the first, and neither sees half of the other', async () => {
      const store = await h.store();
      const seen: Record<string, unknown> = {};
      const first = store.write(async (tx) => {
        const id = await tx.people.add(person('Ana Ruiz'), T1);
        await sleep(30);
        seen.firstSawBo = await tx.people.withNameKey('bo li');
        await tx.people.moveToRung(id, 'volunteer', { cause: 'manual', at: T2 });
        await sleep(10);
        await tx.people.setPotential(id, 4, T2);
        return id;
      });
      const second = store.write(async (tx) => {
        const [ana] = await tx.people.withNameKey('ana ruiz');
        seen.secondSawAna = ana && { rung: ana.rung, potential: ana.potential, history: (await tx.people.rungHistory(ana.id)).length };
        const id = await tx.people.add(person('Bo Li'), T3);
        await sleep(10);
        await tx.people.setPotential(id, 2, T3);
        return id;
      });
      const [ana, bo] = await Promise.all([first, second]);
      expect(seen.firstSawBo).toEqual([]);
      expect(seen.secondSawAna).toEqual({ rung: 'volunteer', potential: 4, history: 2 });
      expect(await store.people.get(ana)).toMatchObject({ name: 'Ana Ruiz', rung: 'volunteer', potential: 4 });
      expect(await store.people.get(bo)).toMatchObject({ name: 'Bo Li', potential: 2 });
    });

    it('many writes, each reading then writing across awaits, run one after another in the order asked', async () => {
      const store = await h.store();
      const writes = Array.from({ length: 8 }, (_, i) =>
        store.write(async (tx) => {
          const log = (await tx.settings.get('log')) ?? '';
          await sleep(i % 2 === 0 ? 5 : 0);
          await tx.settings.set('log', log === '' ? String(i) : `${log},${i}`);
          return i;
        }),
      );
      expect(await Promise.all(writes)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(await store.settings.get('log')).toBe('0,1,2,3,4,5,6,7');
    });

    // One connection (or client) per command: a read made while this store's write is open may see that write's
    // work; once it rolls back, nothing of it is seen. (The contract says so on Store.write.)
    it('a read after a write that failed sees nothing of it', async () => {
      const store = await h.store();
      await addPerson(store, 'Ana Ruiz');
      const started = gate();
      const release = gate();
      const writing = store.write(async (tx) => {
        await tx.people.add(person('Bo Li'), T1);
        started.open();
        await release.opened;
        throw new Error('abandoned');
      });
      await started.opened;
      release.open();
      await expect(writing).rejects.toThrow('abandoned');
      expect((await store.people.allNames()).map(({ name }) => name)).toEqual(['Ana Ruiz']);
    });
  });

  describe('reading inside a write', () => {
    it('the repositories and the agenda handed to the work see what it wrote so far', async () => {
      const store = await h.store();
      await store.write(async (tx) => {
        const ana = await tx.people.add(person('Ana Ruiz', { rung: 'leader' }), T0);
        const m = await tx.meetings.add(meeting(ana, T1), T1);
        const ask = await tx.commitments.addAsk(ana, m, { text: 'come', outcome: 'yes', dueAt: T2 }, T1);
        const followUp = await tx.commitments.addFollowUp(ana, m, { text: 'call', dueAt: T2 }, T1);
        expect((await tx.people.get(ana))?.name).toBe('Ana Ruiz');
        expect(await tx.meetings.idsForPerson(ana)).toEqual([m]);
        expect((await tx.commitments.currentAsk(m))?.id).toBe(ask);
        expect((await tx.agenda.openFollowUps({ until: T2 })).map(({ id }) => id)).toEqual([followUp]);
        expect((await tx.agenda.openAsks({ until: T2 })).map(({ id }) => id)).toEqual([ask]);
        expect(await tx.agenda.cadencePerson(ana)).toMatchObject({ lastMet: T1 });
        await tx.commitments.closeFollowUp(followUp, T2);
        expect(await tx.agenda.openFollowUps({ until: null })).toEqual([]);
      });
    });
  });

  describe('while an export is being read', () => {
    it('a write asked for between two batches lands, and the export still yields every row once', async () => {
      const store = await h.store();
      const total = 1203;
      await store.write(async (tx) => {
        const ana = await tx.people.add(person('Ana Ruiz'), T0);
        for (let i = 0; i < total; i++) await tx.meetings.addNote(ana, null, 'note', `note ${i}`, null, T0);
      });
      const { batches } = await store.exports.rows('notes');
      let rows = 0;
      let writing: Promise<number> | undefined;
      for await (const batch of batches) {
        rows += batch.length;
        writing ??= store.write((tx) => tx.people.add(person('Bo Li'), T1));
        writing.catch(() => undefined);
      }
      expect(rows).toBe(total);
      const bo = await writing!;
      expect((await store.people.get(bo))?.name).toBe('Bo Li');
    });

    it('reads between two batches answer', async () => {
      const store = await h.store();
      await store.write(async (tx) => {
        const ana = await tx.people.add(person('Ana Ruiz'), T0);
        for (let i = 0; i < 1203; i++) await tx.meetings.addNote(ana, null, 'note', `note ${i}`, null, T0);
      });
      const { batches } = await store.exports.rows('notes');
      const names: string[][] = [];
      for await (const _batch of batches) names.push((await store.people.allNames()).map(({ name }) => name));
      expect(names.length).toBeGreaterThan(1);
      expect(names.every((list) => list.length === 1 && list[0] === 'Ana Ruiz')).toBe(true);
    });
  });

  describe('a write whose work throws', () => {
    it('rejects with that error and leaves nothing behind, in any table or count', async () => {
      const store = await h.store();
      const failure = new Error('the organizer pressed Ctrl-C');
      await expect(
        store.write(async (tx) => {
          const ana = await tx.people.add(person('Ana Ruiz', { potential: 3 }), T0);
          const bo = await tx.people.add(person('Bo Li', { referredBy: ana }), T0);
          const m = await tx.meetings.add(meeting(ana, T1, { phases: [{ position: 1, key: 'a', title: 'A', plannedSeconds: 60, maxTalkShare: 0.3 }] }), T1);
          await tx.meetings.addNote(ana, m, 'value', 'secret', null, T1);
          const ask = await tx.commitments.addAsk(ana, m, { text: 'come', outcome: 'yes' }, T1);
          await tx.commitments.addFollowUp(ana, m, { text: null, askId: ask, dueAt: T2 }, T1);
          await tx.people.moveToRung(bo, 'leader', { cause: 'manual', at: T2 });
          await tx.settings.set('cadence', 'other=7');
          await sleep(5);
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await store.summary()).toMatchObject({ people: 0, meetings: 0 });
      expect(await counts(store)).toEqual({ people: 0, meetings: 0, asks: 0, followups: 0, notes: 0, touches: 0, relationships: 0, units: 0 });
      expect(await store.people.summaries()).toEqual([]);
      expect(await store.settings.get('cadence')).toBeUndefined();
      expect(await store.ladder.moves('1970-01-01T00:00:00.000Z')).toEqual([]);
      expect(await store.ladder.rungCounts()).toEqual([]);
      expect(await store.leaders.top({}, new Date(T2), 10)).toEqual({ leaders: [], total: 0 });
      expect(await store.agenda.openFollowUps({ until: null })).toEqual([]);
      expect(await store.agenda.openAsks({ until: null })).toEqual([]);
      expect(await store.meetings.latestDraft()).toBeUndefined();
    });

    it('undoes changes to rows that were there before, and the counts kept for them', async () => {
      const store = await h.store();
      const ana = await store.write(async (tx) => {
        const ana = await tx.people.add(person('Ana Ruiz', { email: 'ana@example.org' }), T0);
        await tx.commitments.addFollowUp(ana, null, { text: 'call', dueAt: T1 }, T0);
        return ana;
      });
      const before = { person: await store.people.get(ana), summaries: await store.people.summaries(), history: await store.people.rungHistory(ana) };
      await expect(
        store.write(async (tx) => {
          await tx.people.updateDetails(ana, { email: 'changed@example.org', phone: '555' }, T2);
          await tx.people.moveToRung(ana, 'leader', { cause: 'manual', at: T2 });
          await tx.meetings.add(meeting(ana, T2), T2);
          const [followUp] = await tx.commitments.followUpsForPerson(ana);
          await tx.commitments.closeFollowUp(followUp!.id, T2);
          throw new Error('no');
        }),
      ).rejects.toThrow('no');
      expect(await store.people.get(ana)).toEqual(before.person);
      expect(await store.people.summaries()).toEqual(before.summaries);
      expect(await store.people.rungHistory(ana)).toEqual(before.history);
      expect(await store.meetings.idsForPerson(ana)).toEqual([]);
    });

    it('does not stop the writes queued behind it, which do not see its work', async () => {
      const store = await h.store();
      const first = store.write((tx) => tx.people.add(person('Ana Ruiz'), T0));
      const failing = store.write(async (tx) => {
        await tx.people.add(person('Never Landed'), T1);
        await sleep(10);
        throw new Error('failed');
      });
      const third = store.write(async (tx) => {
        const names = (await tx.people.allNames()).map(({ name }) => name);
        await tx.people.add(person('Cy Dee'), T2);
        return names;
      });
      await expect(failing).rejects.toThrow('failed');
      await first;
      expect(await third).toEqual(['Ana Ruiz']);
      expect((await store.people.allNames()).map(({ name }) => name).sort()).toEqual(['Ana Ruiz', 'Cy Dee']);
    });

    it('a failing statement (a rule of the data broken) rolls back the whole write', async () => {
      const store = await h.store();
      await expect(
        store.write(async (tx) => {
          await tx.people.add(person('Ana Ruiz'), T0);
          await tx.people.add(person('Bo Li', { potential: 9 }), T0);
        }),
      ).rejects.toThrow();
      expect(await store.people.allNames()).toEqual([]);
      await addPerson(store, 'Cy Dee');
      expect((await store.people.allNames()).map(({ name }) => name)).toEqual(['Cy Dee']);
    });
  });

  describe('two Store objects on the same location', () => {
    it('writing at once, both land', async () => {
      const one = await h.open('write');
      const two = await h.open('write');
      const a = one.write(async (tx) => {
        const id = await tx.people.add(person('Ana Ruiz'), T0);
        await sleep(20);
        await tx.people.setPotential(id, 3, T1);
        return id;
      });
      const b = two.write(async (tx) => {
        const id = await tx.people.add(person('Bo Li'), T0);
        await sleep(20);
        await tx.people.setPotential(id, 4, T1);
        return id;
      });
      const [ana, bo] = await Promise.all([a, b]);
      for (const store of [one, two]) {
        expect(await store.people.get(ana)).toMatchObject({ name: 'Ana Ruiz', potential: 3 });
        expect(await store.people.get(bo)).toMatchObject({ name: 'Bo Li', potential: 4 });
      }
    });

    it('one after the other, each sees what the other wrote', async () => {
      const one = await h.open('write');
      const two = await h.open('write');
      const ana = await addPerson(one, 'Ana Ruiz');
      expect((await two.people.get(ana))?.name).toBe('Ana Ruiz');
      await two.write((tx) => tx.people.setPotential(ana, 5, T1));
      expect(await one.people.get(ana)).toMatchObject({ potential: 5, updatedAt: T1 });
      expect(await one.people.summaries()).toEqual(await two.people.summaries());
    });
  });
});
