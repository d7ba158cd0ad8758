/**
 * What a Tab reads from the record (CompletionReadModel): names by the start of any of their words, and the ids
 * `followups --all` lists, on every engine.
 */
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/people/names.js';
import type { Store } from '../../src/store/index.js';
import { ENGINES } from './engines.js';
import { person, T0, T1, T2, useEngine } from './harness.js';

const names = (store: Store, typed: string, limit = 50) => store.completion.names(nameKey(typed), limit);

describe.each(ENGINES)('completion ($name)', (engine) => {
  const h = useEngine(engine);

  async function people(store: Store) {
    return store.write(async (tx) => {
      const add = (name: string) => tx.people.add(person(name), T0);
      return {
        ana: await add('Ana Ruiz'),
        anaAgain: await add('Ana Ruiz'),
        rosa: await add('Rosa Ruiz'),
        jose: await add("José O'Brien"),
        maria: await add('Ana María Cruz'),
        percent: await add('100% Pura'),
        star: await add('Lu *Star [Bo]'),
      };
    });
  }

  it('offers each name once, by the start of any word, case and accents aside, in the order of their keys', async () => {
    const store = await h.store();
    await people(store);
    expect(await names(store, 'ana')).toEqual(['Ana María Cruz', 'Ana Ruiz']);
    expect(await names(store, 'RUI')).toEqual(['Ana Ruiz', 'Rosa Ruiz']);
    expect(await names(store, 'jose obr')).toEqual(["José O'Brien"]);
    expect(await names(store, 'ana cr')).toEqual(['Ana María Cruz']);
    expect(await names(store, 'uiz')).toEqual([]);
    expect(await names(store, '100%')).toEqual(['100% Pura']);
    expect(await names(store, '%')).toEqual([]);
    expect(await names(store, '10_')).toEqual([]);
    expect(await names(store, '*st')).toEqual(['Lu *Star [Bo]']);
    expect(await names(store, '[b')).toEqual(['Lu *Star [Bo]']);
    expect(await names(store, '?')).toEqual([]);
    expect(await names(store, '*')).toEqual(['Lu *Star [Bo]']);
    expect(await names(store, '', 2)).toEqual(['100% Pura', 'Ana María Cruz']);
  });

  it('offers the open ids followups --all lists, narrowed by what was typed, follow-ups first', async () => {
    const store = await h.store();
    const p = await people(store);
    const ids = await store.write(async (tx) => {
      const open = await tx.commitments.addFollowUp(p.ana, null, { text: 'call', dueAt: T1 }, T0);
      const closed = await tx.commitments.addFollowUp(p.rosa, null, { text: 'call', dueAt: T1 }, T0);
      await tx.commitments.closeFollowUp(closed, T2);
      const yes = await tx.commitments.addAsk(p.jose, null, { text: 'come', outcome: 'yes' }, T0);
      const no = await tx.commitments.addAsk(p.jose, null, { text: 'chair', outcome: 'no' }, T0);
      const checked = await tx.commitments.addAsk(p.jose, null, { text: 'bring one', outcome: 'maybe' }, T0);
      await tx.commitments.checkAsk(checked, 'kept', T2);
      return { open, closed, yes, no, checked };
    });
    const all = await store.completion.openIds('', 50);
    expect(all.map(({ id }) => id)).toEqual([`F${ids.open}`, `A${ids.yes}`, ...Object.values(p).sort((a, b) => a - b).map((id) => `C${id}`)]);
    expect(all[0]).toEqual({ id: `F${ids.open}`, person: 'Ana Ruiz' });
    expect(all[1]).toEqual({ id: `A${ids.yes}`, person: "José O'Brien" });
    expect((await store.completion.openIds('a', 50)).map(({ id }) => id)).toEqual([`A${ids.yes}`]);
    expect((await store.completion.openIds(`C${p.jose}`, 50)).map(({ id }) => id)).toEqual([`C${p.jose}`]);
    expect((await store.completion.openIds(`F${ids.closed}`, 50))).toEqual([]);
    expect((await store.completion.openIds('x1', 50))).toEqual([]);
    expect((await store.completion.openIds('', 3))).toHaveLength(3);
  });

  it('finds ids by their decimal start: 1 offers 1, 10 to 19, 100 to 199', async () => {
    const store = await h.store();
    const made = await store.write(async (tx) => {
      const ids: number[] = [];
      for (let i = 0; i < 120; i++) ids.push(await tx.people.add(person(`Person ${i}`), T0));
      return ids;
    });
    expect(made.at(-1)).toBe(120);
    const offered = (await store.completion.openIds('c1', 50)).map(({ id }) => id);
    expect(offered).toEqual(['C1', ...Array.from({ length: 10 }, (_, i) => `C${10 + i}`), ...Array.from({ length: 21 }, (_, i) => `C${100 + i}`)]);
    expect((await store.completion.openIds('c12', 50)).map(({ id }) => id)).toEqual(['C12', 'C120']);
    expect(await store.completion.openIds('c0', 50)).toEqual([]);
  });
});
