/**
 * The web of relationships on every engine: who knows whom (typed, dated, ended but kept) and the places people share
 * (units and who belongs); carried whole by a merge, erased by a forget, reversed by undo.
 */
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/people/names.js';
import type { Store } from '../../src/store/index.js';
import { ENGINES } from './engines.js';
import { addPerson, T0, T1, T2, T3, useEngine } from './harness.js';

const LABEL = { kind: 'edit' as const, detail: { item: 'test' } };

async function people(store: Store, ...names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) ids.push(await addPerson(store, name));
  return ids;
}

const seen = async (store: Store, id: number) =>
  (await store.web.relationshipsOf(id)).map((r) => [r.kind, r.other.id, r.direction, r.note, r.endedAt === null ? 'open' : 'ended']);

async function unit(store: Store, name: string, kind: 'building' | 'congregation' | 'other' = 'other', size: number | null = null): Promise<number> {
  return store.write((tx) => tx.web.addUnit({ name, nameKey: nameKey(name), kind, size }, T0));
}

describe.each(ENGINES)('the web of relationships ($name)', (engine) => {
  const h = useEngine(engine);

  it('a relationship is one row seen from either person, dated and with its note; "leads" runs one way', async () => {
    const store = await h.store();
    const [ana, bo, cy] = await people(store, 'Ana Ruiz', 'Bo Chen', 'Cy Dee');
    const coworkers = await store.write((tx) => tx.web.relate({ personId: bo!, otherId: ana!, kind: 'coworker', note: 'night shift' }, T1));
    expect(coworkers).toBeTypeOf('number');
    await store.write((tx) => tx.web.relate({ personId: ana!, otherId: cy!, kind: 'leads', note: null }, T2));
    expect(await seen(store, ana!)).toEqual([['coworker', bo, null, 'night shift', 'open'], ['leads', cy, 'leads', null, 'open']]);
    expect(await seen(store, bo!)).toEqual([['coworker', ana, null, 'night shift', 'open']]);
    expect(await seen(store, cy!)).toEqual([['leads', ana, 'led-by', null, 'open']]);
    expect((await store.web.relationshipsOf(ana!))[0]).toMatchObject({ id: coworkers, since: T1, endedAt: null, other: { id: bo, name: 'Bo Chen' } });
  });

  it('relating twice the same way writes nothing; the other way round is the same for every kind but leads', async () => {
    const store = await h.store();
    const [ana, bo] = await people(store, 'Ana Ruiz', 'Bo Chen');
    await store.write((tx) => tx.web.relate({ personId: ana!, otherId: bo!, kind: 'neighbor', note: null }, T1));
    expect(await store.write((tx) => tx.web.relate({ personId: ana!, otherId: bo!, kind: 'neighbor', note: 'again' }, T2))).toBeUndefined();
    expect(await store.write((tx) => tx.web.relate({ personId: bo!, otherId: ana!, kind: 'neighbor', note: null }, T2))).toBeUndefined();
    expect(await store.write((tx) => tx.web.relate({ personId: ana!, otherId: bo!, kind: 'family', note: null }, T2))).toBeTypeOf('number');
    await store.write((tx) => tx.web.relate({ personId: ana!, otherId: bo!, kind: 'leads', note: null }, T2));
    expect(await store.write((tx) => tx.web.relate({ personId: bo!, otherId: ana!, kind: 'leads', note: null }, T2))).toBeTypeOf('number');
    expect(await seen(store, ana!)).toEqual([
      ['neighbor', bo, null, null, 'open'], ['family', bo, null, null, 'open'], ['leads', bo, 'leads', null, 'open'], ['leads', bo, 'led-by', null, 'open'],
    ]);
  });

  it('nobody is related to themselves, whatever SQL writes it', async () => {
    const store = await h.store();
    const [ana] = await people(store, 'Ana Ruiz');
    await expect(store.write((tx) => tx.web.relate({ personId: ana!, otherId: ana!, kind: 'friend', note: null }, T1))).rejects.toThrow();
    expect(await store.web.relationshipsOf(ana!)).toEqual([]);
  });

  it('unrelate ends what is open between the two (of one kind when given) and keeps it, dated; relating again starts a new one', async () => {
    const store = await h.store();
    const [ana, bo] = await people(store, 'Ana Ruiz', 'Bo Chen');
    await store.write(async (tx) => {
      await tx.web.relate({ personId: ana!, otherId: bo!, kind: 'friend', note: null }, T1);
      await tx.web.relate({ personId: bo!, otherId: ana!, kind: 'leads', note: null }, T1);
    });
    expect(await store.write((tx) => tx.web.unrelate(ana!, bo!, 'friend', T2))).toBe(1);
    expect(await store.web.between(ana!, bo!)).toMatchObject([{ kind: 'leads', direction: 'led-by' }]);
    expect(await store.write((tx) => tx.web.unrelate(ana!, bo!, undefined, T3))).toBe(1);
    expect(await store.write((tx) => tx.web.unrelate(ana!, bo!, undefined, T3))).toBe(0);
    expect((await store.web.relationshipsOf(bo!)).map((r) => [r.kind, r.endedAt])).toEqual([['friend', T2], ['leads', T3]]);
    await store.write((tx) => tx.web.relate({ personId: ana!, otherId: bo!, kind: 'friend', note: 'again' }, T3));
    expect(await seen(store, ana!)).toEqual([['friend', bo, null, 'again', 'open'], ['friend', bo, null, null, 'ended'], ['leads', bo, 'led-by', null, 'ended']]);
  });

  it('units are found by their name whatever the accents and case, counted, and a person belongs to one or more', async () => {
    const store = await h.store();
    const [ana, bo] = await people(store, 'Ana Ruiz', 'Bo Chen');
    const church = await unit(store, 'Iglesia San José', 'congregation', 300);
    const building = await unit(store, 'Building 12', 'building', 40);
    expect((await store.web.unitWithKey(nameKey('iglesia san jose')))?.id).toBe(church);
    expect(await store.web.unitWithKey(nameKey('Building 13'))).toBeUndefined();
    expect(await store.write((tx) => tx.web.join(ana!, building, T1))).toBe(true);
    expect(await store.write((tx) => tx.web.join(ana!, building, T2))).toBe(false);
    await store.write(async (tx) => {
      await tx.web.join(ana!, church, T2);
      await tx.web.join(bo!, building, T2);
    });
    expect((await store.web.units()).map((u) => [u.name, u.kind, u.size, u.people])).toEqual([['Building 12', 'building', 40, 2], ['Iglesia San José', 'congregation', 300, 1]]);
    expect(await store.web.placesOf(ana!)).toEqual([
      { id: building, name: 'Building 12', kind: 'building', size: 40, since: T1 },
      { id: church, name: 'Iglesia San José', kind: 'congregation', size: 300, since: T2 },
    ]);
    expect(await store.write((tx) => tx.web.leave(ana!, building))).toBe(true);
    expect(await store.write((tx) => tx.web.leave(ana!, building))).toBe(false);
    expect((await store.web.placesOf(ana!)).map((p) => p.name)).toEqual(['Iglesia San José']);
  });

  it('a unit is corrected field by field, and no two units share a name', async () => {
    const store = await h.store();
    const id = await unit(store, 'Bldg 12');
    await store.write((tx) => tx.web.editUnit(id, { name: 'Building 12', nameKey: nameKey('Building 12'), kind: 'building' }, T1));
    await store.write((tx) => tx.web.editUnit(id, { size: 40 }, T2));
    expect(await store.web.unitWithKey('building 12')).toMatchObject({ id, name: 'Building 12', kind: 'building', size: 40 });
    await store.write((tx) => tx.web.editUnit(id, { size: null }, T2));
    expect((await store.web.unitWithKey('building 12'))?.size).toBeNull();
    await expect(unit(store, 'BUILDING 12')).rejects.toThrow();
  });

  it('a merge carries every relationship and place to the person kept, doubles none, and drops the one between the two', async () => {
    const store = await h.store();
    const [kept, dup, bo, cy, dee] = await people(store, 'Ana Ruiz', 'Ana R.', 'Bo Chen', 'Cy Dee', 'Dee Fox');
    const [building, church, shift] = [await unit(store, 'Building 12'), await unit(store, 'San José'), await unit(store, 'Night shift')];
    await store.write(async (tx) => {
      await tx.web.relate({ personId: kept!, otherId: bo!, kind: 'coworker', note: 'kept knew' }, T1);
      await tx.web.relate({ personId: bo!, otherId: dup!, kind: 'coworker', note: 'dup knew' }, T1);
      await tx.web.relate({ personId: dup!, otherId: cy!, kind: 'leads', note: null }, T1);
      await tx.web.relate({ personId: cy!, otherId: kept!, kind: 'leads', note: null }, T1);
      await tx.web.relate({ personId: dee!, otherId: dup!, kind: 'family', note: 'sister' }, T2);
      await tx.web.relate({ personId: dup!, otherId: kept!, kind: 'friend', note: 'one person' }, T2);
      await tx.web.join(kept!, building, T1);
      await tx.web.join(dup!, building, T1);
      await tx.web.join(dup!, church, T2);
      await tx.web.join(cy!, shift, T2);
    });
    await store.write(async (tx) => tx.corrections.merge(dup!, kept!), { kind: 'merge', personId: kept! });
    expect(await seen(store, kept!)).toEqual([
      ['coworker', bo, null, 'kept knew', 'open'], ['leads', cy, 'leads', null, 'open'], ['leads', cy, 'led-by', null, 'open'], ['family', dee, null, 'sister', 'open'],
    ]);
    expect(await seen(store, bo!)).toEqual([['coworker', kept, null, 'kept knew', 'open']]);
    expect(await seen(store, dee!)).toEqual([['family', kept, null, 'sister', 'open']]);
    expect((await store.web.placesOf(kept!)).map((p) => p.name)).toEqual(['Building 12', 'San José']);
    expect((await store.web.units()).map((u) => [u.name, u.people])).toEqual([['Building 12', 1], ['Night shift', 1], ['San José', 1]]);
    // Symmetric relationships stay one row each way round: relating the kept person again is "already".
    expect(await store.write((tx) => tx.web.relate({ personId: dee!, otherId: kept!, kind: 'family', note: null }, T3))).toBeUndefined();
  });

  it('a merge keeps ended relationships as history, once, beside an open one of the same kind', async () => {
    const store = await h.store();
    const [kept, dup, bo] = await people(store, 'Ana Ruiz', 'Ana R.', 'Bo Chen');
    await store.write(async (tx) => {
      await tx.web.relate({ personId: kept!, otherId: bo!, kind: 'friend', note: 'kept, ended' }, T0);
      await tx.web.unrelate(kept!, bo!, 'friend', T1);
      await tx.web.relate({ personId: dup!, otherId: bo!, kind: 'friend', note: 'dup, ended' }, T0);
      await tx.web.unrelate(dup!, bo!, 'friend', T1);
      await tx.web.relate({ personId: dup!, otherId: bo!, kind: 'friend', note: 'dup, open' }, T2);
    });
    await store.write(async (tx) => tx.corrections.merge(dup!, kept!));
    expect(await seen(store, bo!)).toEqual([['friend', kept, null, 'dup, open', 'open'], ['friend', kept, null, 'kept, ended', 'ended']]);
  });

  it('undo puts back a merged person\'s relationships and places as they were', async () => {
    const store = await h.store();
    const [kept, dup, bo] = await people(store, 'Ana Ruiz', 'Ana R.', 'Bo Chen');
    const building = await unit(store, 'Building 12');
    await store.write(async (tx) => {
      await tx.web.relate({ personId: kept!, otherId: bo!, kind: 'coworker', note: null }, T1);
      await tx.web.relate({ personId: dup!, otherId: bo!, kind: 'coworker', note: null }, T1);
      await tx.web.relate({ personId: dup!, otherId: kept!, kind: 'friend', note: null }, T1);
      await tx.web.join(dup!, building, T1);
      await tx.web.join(kept!, building, T1);
    });
    const before = { kept: await seen(store, kept!), dup: await seen(store, dup!), bo: await seen(store, bo!), places: await store.web.placesOf(dup!) };
    await store.write(async (tx) => tx.corrections.merge(dup!, kept!), { kind: 'merge', personId: kept! });
    expect(await store.web.relationshipsOf(dup!)).toEqual([]);
    const change = (await store.write((tx) => tx.journal.latest()))!;
    await store.write((tx) => tx.journal.undo(change.id, T3));
    expect({ kept: await seen(store, kept!), dup: await seen(store, dup!), bo: await seen(store, bo!), places: await store.web.placesOf(dup!) }).toEqual(before);
  });

  it('forget erases the person\'s relationships and places; the units and everyone else\'s stay', async () => {
    const store = await h.store();
    const [ana, bo, cy] = await people(store, 'Ana Ruiz', 'Wanda Secretname', 'Cy Dee');
    const building = await unit(store, 'Building 12', 'building', 40);
    await store.write(async (tx) => {
      await tx.web.relate({ personId: ana!, otherId: bo!, kind: 'family', note: 'her cousin' }, T1);
      await tx.web.relate({ personId: bo!, otherId: cy!, kind: 'leads', note: null }, T1);
      await tx.web.relate({ personId: ana!, otherId: cy!, kind: 'friend', note: null }, T1);
      await tx.web.join(bo!, building, T1);
      await tx.web.join(ana!, building, T1);
    });
    await store.write((tx) => tx.people.forget(bo!));
    expect(await seen(store, ana!)).toEqual([['friend', cy, null, null, 'open']]);
    expect(await seen(store, cy!)).toEqual([['friend', ana, null, null, 'open']]);
    expect((await store.web.units()).map((u) => [u.name, u.people])).toEqual([['Building 12', 1]]);
    expect(await store.web.relationshipsOf(bo!)).toEqual([]);
    expect(await store.web.placesOf(bo!)).toEqual([]);
  });

  it('undo reverses a relate, an unrelate and a unit joined or made', async () => {
    const store = await h.store();
    const [ana, bo] = await people(store, 'Ana Ruiz', 'Bo Chen');
    const undoLatest = async () => {
      const change = (await store.write((tx) => tx.journal.latest()))!;
      await store.write((tx) => tx.journal.undo(change.id, T3));
    };
    await store.write((tx) => tx.web.relate({ personId: ana!, otherId: bo!, kind: 'coworker', note: null }, T1), LABEL);
    await store.write((tx) => tx.web.unrelate(ana!, bo!, undefined, T2), LABEL);
    await undoLatest();
    expect(await seen(store, ana!)).toEqual([['coworker', bo, null, null, 'open']]);
    await undoLatest();
    expect(await seen(store, ana!)).toEqual([]);
    await store.write(async (tx) => tx.web.join(ana!, await tx.web.addUnit({ name: 'Building 12', nameKey: 'building 12', kind: 'other', size: null }, T1), T1), LABEL);
    expect((await store.web.placesOf(ana!)).map((p) => p.name)).toEqual(['Building 12']);
    await undoLatest();
    expect(await store.web.placesOf(ana!)).toEqual([]);
    expect(await store.web.units()).toEqual([]);
  });
});
