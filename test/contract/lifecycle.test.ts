/**
 * Opening a store: a reading store where there is no database, a writing store creating one (privately),
 * summary, backup and close.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE } from '../../src/people/cadence.js';
import { EXPORT_TABLES, openStore, type Store } from '../../src/store/index.js';
import { ENGINES } from './engines.js';
import { addMeeting, addPerson, EXPORT_COLUMNS, exportRows, gate, person, PHASES, meeting, T0, T1, T2, T3, useEngine } from './harness.js';

const mode = (path: string): number => statSync(path).mode & 0o777;

describe.each(ENGINES)('store lifecycle ($name)', (engine) => {
  const h = useEngine(engine);

  describe('a reading store where there is no database yet', () => {
    it('says it does not exist and reads empty from every repository and read model', async () => {
      const location = await h.location();
      const store = await h.open('read');
      expect(store.exists).toBe(false);
      expect(store.location).toBe(location);

      expect(await store.people.get(1)).toBeUndefined();
      expect(await store.people.withNameKey('ana ruiz')).toEqual([]);
      expect(await store.people.allNames()).toEqual([]);
      expect(await store.people.rungHistory(1)).toEqual([]);
      expect(await store.people.referredBy(1)).toBeUndefined();
      expect(await store.people.referrals(1)).toEqual([]);
      expect(await store.people.summaries()).toEqual([]);
      expect(await store.people.summaries({ rungs: ['leader'], metBefore: T1 })).toEqual([]);
      expect(await store.people.summaryCount()).toBe(0);
      expect(await store.people.forgetCounts(1)).toEqual({ meetings: 0, notes: 0, asks: 0, followups: 0, rungChanges: 0, referralsUnlinked: 0 });

      expect(await store.meetings.get(1)).toBeUndefined();
      expect(await store.meetings.phases(1)).toEqual([]);
      expect(await store.meetings.idsForPerson(1)).toEqual([]);
      expect(await store.meetings.notesForPerson(1)).toEqual([]);
      expect(await store.meetings.latestDraft()).toBeUndefined();
      expect(await store.meetings.draft(1)).toBeUndefined();

      expect(await store.commitments.asksForPerson(1)).toEqual([]);
      expect(await store.commitments.followUpsForPerson(1)).toEqual([]);
      expect(await store.commitments.currentAsk(1)).toBeUndefined();
      expect(await store.commitments.followUp(1)).toBeUndefined();
      expect(await store.commitments.ask(1)).toBeUndefined();

      expect(await store.settings.get('cadence')).toBeUndefined();

      expect(await store.agenda.openFollowUps({ until: null })).toEqual([]);
      expect(await store.agenda.openFollowUps({ until: T1, personId: 1 })).toEqual([]);
      expect(await store.agenda.openAsks({ until: null })).toEqual([]);
      expect(await store.agenda.openAsks({ until: T1, personId: 1 })).toEqual([]);
      expect(await store.agenda.cadenceDue({ until: null }, DEFAULT_CADENCE)).toEqual([]);
      expect(await store.agenda.cadenceDue({ until: T1 }, DEFAULT_CADENCE)).toEqual([]);
      expect(await store.agenda.cadenceDueFirst(new Date(T1), DEFAULT_CADENCE, 25, 0)).toEqual({ people: [], total: 0 });
      expect(await store.agenda.cadencePerson(1)).toBeUndefined();

      expect(await store.leaders.top({}, new Date(T1), 10)).toEqual({ leaders: [], total: 0 });
      expect(await store.leaders.top({ rungs: ['leader'], minPotential: 3, metBefore: T1 }, new Date(T1), 10)).toEqual({ leaders: [], total: 0 });

      expect(await store.ladder.rungCounts()).toEqual([]);
      expect(await store.ladder.moves('1970-01-01T00:00:00.000Z')).toEqual([]);

      expect(await store.stats.meetingDatesBetween(T0, T3)).toEqual([]);
      expect(await store.stats.talkBetween(T0, T3)).toEqual([]);
      expect(await store.stats.askCountsBetween(T0, T3)).toEqual([]);
      expect(await store.stats.peoplePerRung()).toEqual([]);

      for (const table of EXPORT_TABLES) {
        expect(await store.exports.count(table)).toBe(0);
        expect(await exportRows(store, table)).toEqual({ columns: EXPORT_COLUMNS[table], batches: [] });
      }

      expect(await store.imports.byEmail('ana@example.org')).toBeUndefined();
      expect(await store.imports.byPhoneDigits('5550100100', (phone) => phone.replace(/\D/g, ''))).toBeUndefined();
      expect(await store.imports.byNameKey('ana ruiz')).toEqual([]);

      expect(await store.summary()).toMatchObject({ people: 0, meetings: 0 });
      await store.close();
      expect(await h.session.created(location)).toBe(false);
    });

    it('creates nothing: no file, no folder', async () => {
      const location = await h.location();
      const store = await h.open('read');
      await store.people.summaries();
      await store.summary();
      await store.close();
      expect(await h.session.created(location)).toBe(false);
      if (engine.localFile) {
        expect(existsSync(location)).toBe(false);
        expect(existsSync(dirname(location))).toBe(false);
        expect(readdirSync(h.dir)).toEqual([]);
      }
    });

    it('reports the same schema version as a database that was created', async () => {
      const reading = await h.open('read');
      const empty = await reading.summary();
      await reading.close();
      const writing = await h.open('write');
      expect(empty).toEqual(await writing.summary());
    });
  });

  describe('a writing store', () => {
    it('creates the database, in a private folder (0700) and file (0600)', async () => {
      const location = await h.location();
      const store = await h.open('write');
      expect(store.exists).toBe(true);
      expect(store.location).toBe(location);
      expect(await h.session.created(location)).toBe(true);
      if (engine.localFile) {
        expect(mode(dirname(location))).toBe(0o700);
        expect(mode(location)).toBe(0o600);
        await addPerson(store, 'Ana Ruiz');
        for (const side of [`${location}-wal`, `${location}-shm`]) if (existsSync(side)) expect(mode(side)).toBe(0o600);
      }
    });

    it('starts empty, and what it writes is read back by a reading store opened later', async () => {
      const store = await h.open('write');
      expect(await store.summary()).toMatchObject({ people: 0, meetings: 0 });
      expect(await store.people.summaries()).toEqual([]);
      const id = await addPerson(store, 'Ana Ruiz', T1);
      await store.close();

      const reading = await h.open('read');
      expect(reading.exists).toBe(true);
      expect(await reading.people.allNames()).toEqual([{ id, name: 'Ana Ruiz' }]);
    });

    it('opened again on the same location keeps what was written', async () => {
      const first = await h.open('write');
      const id = await addPerson(first, 'Ana Ruiz', T1);
      await first.write((tx) => tx.settings.set('cadence', 'other=30'));
      await first.close();
      const again = await h.open('write');
      expect(await again.people.get(id)).toMatchObject({ id, name: 'Ana Ruiz', createdAt: T1 });
      expect(await again.settings.get('cadence')).toBe('other=30');
    });
  });

  describe('summary()', () => {
    it('counts people and meetings (drafts too), and follows forget', async () => {
      const store = await h.store();
      const before = await store.summary();
      expect(before).toMatchObject({ people: 0, meetings: 0 });
      const ana = await addPerson(store, 'Ana Ruiz');
      const bo = await addPerson(store, 'Bo Li');
      await addPerson(store, 'Cy Dee');
      await addMeeting(store, ana, T1);
      await addMeeting(store, ana, T2);
      await store.write((tx) =>
        tx.meetings.createDraft({ personId: bo, heldAt: T3, goal: 'maintenance', template: 'standard', plannedMinutes: 20, plannedAsk: null, phases: PHASES }, T3),
      );
      expect(await store.summary()).toEqual({ version: before.version, people: 3, meetings: 3 });
      await store.write((tx) => tx.people.forget(ana));
      expect(await store.summary()).toEqual({ version: before.version, people: 2, meetings: 1 });
    });
  });

  // A server keeps its own backups: it refuses and names the tool (pg_dump); a file engine writes the copy.
  it.runIf(!engine.localFile)('backup(target) on a server refuses, naming pg_dump and pg_restore', async () => {
    const store = await h.store();
    await expect(store.backup(join(h.dir, 'backup.db'))).rejects.toMatchObject({ hint: expect.stringMatching(/pg_dump .*pg_restore/) });
    expect(existsSync(join(h.dir, 'backup.db'))).toBe(false);
  });

  describe.runIf(engine.localFile)('backup(target)', () => {
    async function filled(store: Store): Promise<{ ana: number; bo: number; meetingId: number }> {
      return store.write(async (tx) => {
        const ana = await tx.people.add(person('Ana Ruiz', { email: 'ana@example.org', potential: 4 }), T0);
        const bo = await tx.people.add(person('Bo Li', { referredBy: ana }), T0);
        const meetingId = await tx.meetings.add(meeting(ana, T1, { phases: PHASES }), T1);
        await tx.meetings.addNote(ana, meetingId, 'value', 'family first', 'story', T1);
        const ask = await tx.commitments.addAsk(ana, meetingId, { text: 'come to the vigil', outcome: 'yes' }, T1);
        await tx.commitments.addFollowUp(ana, meetingId, { text: null, askId: ask, dueAt: T3 }, T1);
        await tx.settings.set('cadence', 'leader=14,other=60');
        return { ana, bo, meetingId };
      });
    }

    it('writes a private (0600) copy that opens as a store with the same data', async () => {
      const store = await h.store();
      const { ana, bo, meetingId } = await filled(store);
      const target = join(h.dir, 'backup.db');
      await store.backup(target);
      if (engine.localFile) expect(mode(target)).toBe(0o600);

      const copy = await openStore(target, { mode: 'read' });
      try {
        expect(copy.exists).toBe(true);
        expect(await copy.summary()).toEqual(await store.summary());
        expect(await copy.people.get(ana)).toEqual(await store.people.get(ana));
        expect(await copy.people.get(bo)).toEqual(await store.people.get(bo));
        expect(await copy.people.summaries()).toEqual(await store.people.summaries());
        expect(await copy.meetings.get(meetingId)).toEqual(await store.meetings.get(meetingId));
        expect(await copy.settings.get('cadence')).toBe('leader=14,other=60');
        for (const table of EXPORT_TABLES) expect(await exportRows(copy, table)).toEqual(await exportRows(store, table));
      } finally {
        await copy.close();
      }
    });

    it('keeps working after the backup: later writes land in the store, not in the copy', async () => {
      const store = await h.store();
      await filled(store);
      const target = join(h.dir, 'backup.db');
      await store.backup(target);
      await addPerson(store, 'Cy Dee');
      const copy = await openStore(target, { mode: 'read' });
      try {
        expect((await copy.summary()).people).toBe(2);
        expect((await store.summary()).people).toBe(3);
      } finally {
        await copy.close();
      }
    });

    it.runIf(engine.localFile)('refuses to replace a file that is already there, leaving it as it was', async () => {
      const store = await h.store();
      await filled(store);
      const target = join(h.dir, 'taken.db');
      writeFileSync(target, 'keep me');
      await expect(store.backup(target)).rejects.toThrow();
      expect(readFileSync(target, 'utf8')).toBe('keep me');
    });

    it('copies only what has landed: not the work of a write still running, which then fails', async () => {
      const store = await h.store();
      await addPerson(store, 'Ana Ruiz');
      const held = gate();
      const started = gate();
      const failing = store.write(async (tx) => {
        await tx.people.add(person('Never Landed'), T1);
        started.open();
        await held.opened;
        throw new Error('changed my mind');
      });
      await started.opened;
      const target = join(h.dir, 'during.db');
      const backup = store.backup(target);
      held.open();
      await expect(failing).rejects.toThrow('changed my mind');
      await backup;
      const copy = await openStore(target, { mode: 'read' });
      try {
        expect((await copy.people.allNames()).map(({ name }) => name)).toEqual(['Ana Ruiz']);
      } finally {
        await copy.close();
      }
    });
  });

  describe('close()', () => {
    it('lets a write that was already asked for land first', async () => {
      const store = await h.open('write');
      const pending = store.write(async (tx) => {
        const id = await tx.people.add(person('Ana Ruiz'), T1);
        await tx.people.setPotential(id, 3, T2);
        return id;
      });
      await store.close();
      const id = await pending;
      const again = await h.open('read');
      expect(await again.people.get(id)).toMatchObject({ name: 'Ana Ruiz', potential: 3, updatedAt: T2 });
    });
  });
});
