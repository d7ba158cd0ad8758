/**
 * Finding people by a word of their name (PeopleReader.withNameWord), and the claims and dating of a live meeting
 * (MeetingRepository.claim, release, claimed, begin).
 *
 * withNameWord is given a typed key (nameKey of what was typed) and finds everyone with a name, or a former name,
 * in which the key's first word begins a word: case, accents and apostrophes never matter ("obr" finds Siobhán
 * O'Brien), the middle of a word never matches ("brien" is not the start of a word of "siobhan obrien"), and what
 * was typed is matched as written (% and _ are letters, not patterns).
 */
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/people/names.js';
import type { NameCandidate, Store } from '../../src/store/index.js';
import { ENGINES } from './engines.js';
import { addPerson, meeting, person, PHASES, T0, T1, T2, T3, T4, useEngine } from './harness.js';

/** The people found, each once, by id. */
async function found(store: Store, typed: string, most = 100): Promise<number[]> {
  const rows = await store.people.withNameWord(nameKey(typed), most);
  return [...new Set(rows.map(({ id }) => id))].sort((a, b) => a - b);
}

const sorted = (ids: number[]): number[] => [...ids].sort((a, b) => a - b);

describe.each(ENGINES)('names and live meetings ($name)', (engine) => {
  const h = useEngine(engine);

  describe('withNameWord', () => {
    async function people(store: Store) {
      return store.write(async (tx) => {
        const add = (name: string) => tx.people.add(person(name), T0);
        return {
          siobhan: await add("Siobhán O'Brien"),
          jose: await add('José Núñez'),
          joseDecomposed: await add('Jose\u0301 Nu\u0301n\u0303ez'),
          ana: await add('Ana Ruiz'),
          anabel: await add('Anabel Cruz'),
          juana: await add('Juana Ana'),
          mary: await add('Mary-Jane Watts'),
          dangelo: await add('D’Angelo Smith'),
          maryam: await add('مريم الحسيني'),
        };
      });
    }

    it('finds a word at the start of any word of the name, case, accents and apostrophes aside', async () => {
      const store = await h.store();
      const p = await people(store);
      expect(await found(store, 'obr')).toEqual([p.siobhan]);
      expect(await found(store, 'O’Br')).toEqual([p.siobhan]);
      expect(await found(store, "O'BRIEN")).toEqual([p.siobhan]);
      expect(await found(store, 'siob')).toEqual([p.siobhan]);
      expect(await found(store, 'Siobhán')).toEqual([p.siobhan]);
      expect(await found(store, 'nunez')).toEqual(sorted([p.jose, p.joseDecomposed]));
      expect(await found(store, 'NÚÑ')).toEqual(sorted([p.jose, p.joseDecomposed]));
      expect(await found(store, 'jose')).toEqual(sorted([p.jose, p.joseDecomposed]));
      expect(await found(store, 'ana')).toEqual(sorted([p.ana, p.anabel, p.juana]));
      expect(await found(store, 'jane')).toEqual([p.mary]);
      expect(await found(store, 'mary-jane')).toEqual([p.mary]);
      expect(await found(store, 'dangelo')).toEqual([p.dangelo]);
      expect(await found(store, 'الحس')).toEqual([p.maryam]);
    });

    it('reads only the first word of the typed key (the caller narrows by the rest)', async () => {
      const store = await h.store();
      const p = await people(store);
      expect(await found(store, 'ana ruiz')).toEqual(sorted([p.ana, p.anabel, p.juana]));
      expect(await found(store, 'ana nobody')).toEqual(sorted([p.ana, p.anabel, p.juana]));
      expect(await found(store, 'ruiz ana')).toEqual([p.ana]);
    });

    it('never matches in the middle of a word', async () => {
      const store = await h.store();
      await people(store);
      expect(await found(store, 'brien')).toEqual([]);
      expect(await found(store, 'bri')).toEqual([]);
      expect(await found(store, 'han')).toEqual([]);
      expect(await found(store, 'unez')).toEqual([]);
      expect(await found(store, 'bel')).toEqual([]);
      expect(await found(store, 'angelo')).toEqual([]);
      expect(await found(store, 'ane')).toEqual([]);
      expect(await found(store, 'nobody')).toEqual([]);
    });

    it('treats %, _ and \\ in what was typed as the characters they are', async () => {
      const store = await h.store();
      const ids = await store.write(async (tx) => {
        const add = (name: string) => tx.people.add(person(name), T0);
        return {
          percent: await add('50% Tenant'),
          fifty: await add('50 Tenants'),
          fiveHundred: await add('500 Club'),
          underscore: await add('a_b Crew'),
          axb: await add('axb Crew'),
          backslash: await add('back\\slash Bo'),
          backs: await add('backslash Cy'),
        };
      });
      expect(await found(store, '50%')).toEqual([ids.percent]);
      expect(await found(store, '%')).toEqual([]);
      expect(await found(store, '50')).toEqual(sorted([ids.percent, ids.fifty, ids.fiveHundred]));
      expect(await found(store, 'a_b')).toEqual([ids.underscore]);
      expect(await found(store, '_')).toEqual([]);
      expect(await found(store, 'a_')).toEqual([ids.underscore]);
      expect(await found(store, 'back\\')).toEqual([ids.backslash]);
      expect(await found(store, 'back\\s')).toEqual([ids.backslash]);
      expect(await found(store, 'backs')).toEqual([ids.backs]);
    });

    it('gives each person with their details and when they were last met (complete meetings only)', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz', T0, { email: 'ana@example.org', rung: 'volunteer', potential: 4 });
      const anabel = await addPerson(store, 'Anabel Cruz', T1);
      await store.write(async (tx) => {
        await tx.meetings.add(meeting(ana, T1), T1);
        await tx.meetings.add(meeting(ana, T3), T3);
        await tx.meetings.add(meeting(ana, T4, { status: 'draft' }), T4);
        await tx.meetings.add(meeting(anabel, T2, { status: 'draft' }), T2);
      });
      const rows = await store.people.withNameWord('ana', 10);
      const byPerson = (id: number) => rows.filter((row) => row.id === id);
      expect(byPerson(ana)).toEqual<NameCandidate[]>([{ ...(await store.people.get(ana))!, formerName: null, lastMet: T3 }]);
      expect(byPerson(anabel)).toEqual<NameCandidate[]>([{ ...(await store.people.get(anabel))!, formerName: null, lastMet: null }]);
      expect(rows).toHaveLength(2);
    });

    it('finds a person by a former name, and says which one matched', async () => {
      const store = await h.store();
      const maria = await addPerson(store, 'María López');
      const other = await addPerson(store, 'Mario Gomes');
      await store.write(async (tx) => {
        await tx.corrections.addFormerName(maria, 'María González', nameKey('María González'), T1);
        await tx.corrections.addFormerName(maria, "Mary O'Hara", nameKey("Mary O'Hara"), T2);
        await tx.meetings.add(meeting(maria, T2), T2);
      });
      const mariaRow = (await store.people.get(maria))!;
      expect(await store.people.withNameWord('gonz', 10)).toEqual<NameCandidate[]>([{ ...mariaRow, formerName: 'María González', lastMet: T2 }]);
      expect(await store.people.withNameWord('ohara', 10)).toEqual<NameCandidate[]>([{ ...mariaRow, formerName: "Mary O'Hara", lastMet: T2 }]);
      expect(await store.people.withNameWord('lop', 10)).toEqual<NameCandidate[]>([{ ...mariaRow, formerName: null, lastMet: T2 }]);
      expect(await store.people.withNameWord('hara', 10)).toEqual([]);
      // "gom" begins a word of Mario's name and of no name of María's.
      expect((await store.people.withNameWord('gom', 10)).map(({ id, formerName }) => ({ id, formerName }))).toEqual([{ id: other, formerName: null }]);
      // By her name as it is now, she is found as herself (a row that names no former name).
      const byName = await store.people.withNameWord('maria', 10);
      expect(byName.filter(({ id }) => id === maria).some(({ formerName }) => formerName === null)).toBe(true);
      expect(byName.every(({ id }) => id === maria || id === other)).toBe(true);
      expect(await found(store, 'mari')).toEqual(sorted([maria, other]));
    });

    it('gives at most `most`', async () => {
      const store = await h.store();
      const sams = await store.write(async (tx) => {
        const ids: number[] = [];
        for (let i = 0; i < 6; i++) ids.push(await tx.people.add(person(`Sam Number${i}`), T0));
        await tx.corrections.addFormerName(ids[0]!, 'Samantha Old', nameKey('Samantha Old'), T1);
        await tx.people.add(person('Pat Lee'), T0);
        return ids;
      });
      for (const most of [1, 3, 5]) {
        const rows = await store.people.withNameWord('sam', most);
        expect(rows).toHaveLength(most);
        expect(rows.every(({ id }) => sams.includes(id))).toBe(true);
      }
      expect(await found(store, 'sam', 100)).toEqual(sams);
      expect(await store.people.withNameWord('sam', 0)).toEqual([]);
      expect(await store.people.withNameWord('samantha', 1)).toEqual([expect.objectContaining({ id: sams[0], formerName: 'Samantha Old' })]);
    });

    it('finds nobody once they are forgotten, by their name or a former one', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      await store.write((tx) => tx.corrections.addFormerName(ana, 'Ana Gomez', nameKey('Ana Gomez'), T1));
      await store.write((tx) => tx.people.forget(ana));
      expect(await store.people.withNameWord('ana', 10)).toEqual([]);
      expect(await store.people.withNameWord('gomez', 10)).toEqual([]);
    });
  });

  describe('claims on a live meeting', () => {
    async function drafts(store: Store) {
      const ana = await addPerson(store, 'Ana Ruiz');
      const bo = await addPerson(store, 'Bo Li');
      const session = (personId: number) => ({ personId, heldAt: T1, goal: 'recruitment', template: 'standard', plannedMinutes: 30, plannedAsk: null, phases: PHASES });
      const [first, second] = await store.write(async (tx) => [await tx.meetings.createDraft(session(ana), T1), await tx.meetings.createDraft(session(bo), T1)]);
      return { ana, bo, first: first!, second: second! };
    }

    it('a draft nobody holds is claimed, and shows who holds it', async () => {
      const store = await h.store();
      const d = await drafts(store);
      expect(await store.meetings.claimed()).toEqual([]);
      expect((await store.meetings.draft(d.first))?.claimedBy).toBeNull();
      const stale: string[] = [];
      expect(await store.write((tx) => tx.meetings.claim(d.first, 'laptop:100', (holder) => (stale.push(holder), false)))).toBeUndefined();
      expect(await store.meetings.claimed()).toEqual([{ id: d.first, personId: d.ana, personName: 'Ana Ruiz', claimedBy: 'laptop:100' }]);
      expect((await store.meetings.draft(d.first))?.claimedBy).toBe('laptop:100');
      expect((await store.meetings.latestDraft())?.id).toBeDefined();
      expect(stale).toEqual([]);
    });

    it('gives back the holder when another process holds it and is still running, and leaves the claim alone', async () => {
      const store = await h.store();
      const d = await drafts(store);
      await store.write((tx) => tx.meetings.claim(d.first, 'laptop:100', () => false));
      const asked: string[] = [];
      expect(await store.write((tx) => tx.meetings.claim(d.first, 'laptop:200', (holder) => (asked.push(holder), false)))).toBe('laptop:100');
      expect(asked).toEqual(['laptop:100']);
      expect((await store.meetings.draft(d.first))?.claimedBy).toBe('laptop:100');
    });

    it('takes over a claim whose process is gone', async () => {
      const store = await h.store();
      const d = await drafts(store);
      await store.write((tx) => tx.meetings.claim(d.first, 'laptop:100', () => false));
      expect(await store.write((tx) => tx.meetings.claim(d.first, 'laptop:200', (holder) => holder === 'laptop:100'))).toBeUndefined();
      expect((await store.meetings.draft(d.first))?.claimedBy).toBe('laptop:200');
      expect(await store.meetings.claimed()).toEqual([{ id: d.first, personId: d.ana, personName: 'Ana Ruiz', claimedBy: 'laptop:200' }]);
    });

    it('the process holding a claim may claim it again', async () => {
      const store = await h.store();
      const d = await drafts(store);
      await store.write((tx) => tx.meetings.claim(d.first, 'laptop:100', () => false));
      expect(await store.write((tx) => tx.meetings.claim(d.first, 'laptop:100', () => false))).toBeUndefined();
      expect((await store.meetings.draft(d.first))?.claimedBy).toBe('laptop:100');
    });

    it('release gives up only the claim of the process releasing it', async () => {
      const store = await h.store();
      const d = await drafts(store);
      await store.write(async (tx) => {
        await tx.meetings.claim(d.first, 'laptop:100', () => false);
        await tx.meetings.claim(d.second, 'desktop:7', () => false);
      });
      await store.write((tx) => tx.meetings.release(d.first, 'laptop:200'));
      await store.write((tx) => tx.meetings.release(d.second, 'laptop:100'));
      expect((await store.meetings.claimed()).sort((a, b) => a.id - b.id)).toEqual([
        { id: d.first, personId: d.ana, personName: 'Ana Ruiz', claimedBy: 'laptop:100' },
        { id: d.second, personId: d.bo, personName: 'Bo Li', claimedBy: 'desktop:7' },
      ]);
      await store.write((tx) => tx.meetings.release(d.first, 'laptop:100'));
      expect(await store.meetings.claimed()).toEqual([{ id: d.second, personId: d.bo, personName: 'Bo Li', claimedBy: 'desktop:7' }]);
      expect((await store.meetings.draft(d.first))?.claimedBy).toBeNull();
      // Once released, anyone may claim it without asking whether the last holder runs.
      expect(await store.write((tx) => tx.meetings.claim(d.first, 'laptop:200', () => {
        throw new Error('nobody holds it: there is no one to ask about');
      }))).toBeUndefined();
      expect((await store.meetings.draft(d.first))?.claimedBy).toBe('laptop:200');
    });

    it('claimed lists drafts only: a complete meeting is no longer running', async () => {
      const store = await h.store();
      const d = await drafts(store);
      await store.write(async (tx) => {
        await tx.meetings.claim(d.first, 'laptop:100', () => false);
        await tx.meetings.claim(d.second, 'laptop:100', () => false);
      });
      await store.write((tx) => tx.meetings.complete(d.first, T2));
      expect(await store.meetings.claimed()).toEqual([{ id: d.second, personId: d.bo, personName: 'Bo Li', claimedBy: 'laptop:100' }]);
    });
  });

  describe('begin', () => {
    it('dates a draft by the moment its first phase begins', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const draft = await store.write((tx) =>
        tx.meetings.createDraft({ personId: ana, heldAt: T1, goal: 'recruitment', template: 'standard', plannedMinutes: 30, plannedAsk: null, phases: PHASES }, T1),
      );
      const before = (await store.meetings.get(draft))!;
      await store.write((tx) => tx.meetings.begin(draft, T2));
      expect((await store.meetings.draft(draft))?.heldAt).toBe(T2);
      expect(await store.meetings.get(draft)).toMatchObject({ ...before, heldAt: T2, updatedAt: expect.any(String) as string });
      await store.write((tx) => tx.meetings.complete(draft, T3));
      expect((await store.people.summaries())[0]).toMatchObject({ id: ana, lastMet: T2, meetings: 1 });
    });

    it('never re-dates a complete meeting', async () => {
      const store = await h.store();
      const ana = await addPerson(store, 'Ana Ruiz');
      const m = await store.write((tx) => tx.meetings.add(meeting(ana, T1), T1));
      const before = await store.meetings.get(m);
      await store.write((tx) => tx.meetings.begin(m, T3));
      expect(await store.meetings.get(m)).toEqual(before);
      expect((await store.people.summaries())[0]).toMatchObject({ id: ana, lastMet: T1, meetings: 1 });
      expect((await store.leaders.top({}, new Date(T4), 10)).leaders[0]).toMatchObject({ id: ana, lastMet: T1 });
    });
  });
});
