/**
 * A person's language and whether a meeting needs an interpreter: written on add, by updateDetails and by
 * editPerson, read back by every read of a person (true and false, never 0 and 1), undone with the edit, and
 * refused by the schema when the code is not one oneonone speaks.
 */
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/support/language.js';
import { ENGINES } from './engines.js';
import { addPerson, T0, T1, T2, T3, useEngine } from './harness.js';

describe.each(ENGINES)('language and interpreter ($name)', (engine) => {
  const h = useEngine(engine);

  it('a new person has no language and needs no interpreter unless told', async () => {
    const store = await h.store();
    const ana = await addPerson(store, 'Ana Ruiz', T0);
    const rosa = await addPerson(store, 'Rosa Díaz', T0, { language: 'es', interpreter: true });
    expect(await store.people.get(ana)).toMatchObject({ language: null, interpreter: false });
    expect(await store.people.get(rosa)).toMatchObject({ language: 'es', interpreter: true });
    expect((await store.people.withNameKey('rosa diaz'))[0]).toMatchObject({ language: 'es', interpreter: true });
    expect((await store.people.withNameWord('rosa', 5))[0]).toMatchObject({ language: 'es', interpreter: true });
    expect((await store.people.summaries()).map(({ name, language, interpreter }) => ({ name, language, interpreter }))).toEqual([
      { name: 'Ana Ruiz', language: null, interpreter: false },
      { name: 'Rosa Díaz', language: 'es', interpreter: true },
    ]);
  });

  it('updateDetails sets them, a false interpreter included, and keeps what was left out', async () => {
    const store = await h.store();
    const id = await addPerson(store, 'Rosa Díaz', T0, { interpreter: true });
    await store.write((tx) => tx.people.updateDetails(id, { language: 'es' }, T1));
    expect(await store.people.get(id)).toMatchObject({ language: 'es', interpreter: true, updatedAt: T1 });
    await store.write((tx) => tx.people.updateDetails(id, { interpreter: false }, T2));
    expect(await store.people.get(id)).toMatchObject({ language: 'es', interpreter: false, updatedAt: T2 });
  });

  it('editPerson changes and clears the language and turns the interpreter on and off, and undo puts them back', async () => {
    const store = await h.store();
    const id = await addPerson(store, 'Rosa Díaz', T0, { language: 'en' });
    const before = await store.people.get(id);
    await store.write((tx) => tx.corrections.editPerson(id, { language: 'es', interpreter: true }, T1), { kind: 'edit', personId: id });
    expect(await store.people.get(id)).toEqual({ ...before, language: 'es', interpreter: true, updatedAt: T1 });
    await store.write((tx) => tx.corrections.editPerson(id, { language: null, interpreter: false }, T2), { kind: 'edit', personId: id });
    expect(await store.people.get(id)).toEqual({ ...before, language: null, interpreter: false, updatedAt: T2 });
    for (const expected of [{ language: 'es', interpreter: true, updatedAt: T1 }, { language: 'en', interpreter: false, updatedAt: T0 }]) {
      const change = (await store.write((tx) => tx.journal.latest()))!;
      await store.write((tx) => tx.journal.undo(change.id, T3));
      expect(await store.people.get(id)).toEqual({ ...before, ...expected });
    }
  });

  it('the schema refuses a language code oneonone does not speak', async () => {
    const store = await h.store();
    await expect(addPerson(store, 'Pierre Roux', T0, { language: 'fr' as Language })).rejects.toThrow();
    const id = await addPerson(store, 'Rosa Díaz', T0);
    await expect(store.write((tx) => tx.corrections.editPerson(id, { language: 'fr' as Language }, T1))).rejects.toThrow();
    expect(await store.people.get(id)).toMatchObject({ language: null });
  });
});
