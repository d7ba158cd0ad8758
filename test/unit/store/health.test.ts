/** The health read model doctor uses, on each engine: through an opened store, and through openAsIs (read only). */
import { describe, expect, it } from 'vitest';
import { openAsIs } from '../../../src/store/as-is.js';
import { SCHEMA_VERSION } from '../../../src/store/sqlite/db.js';
import { ENGINES } from '../../contract/engines.js';
import { useEngine } from '../../contract/harness.js';

describe.each(ENGINES)('store.health on $name', (engine) => {
  const h = useEngine(engine);

  it('an up-to-date record: the schema this build expects, nothing wrong with it', async () => {
    const store = await h.store();
    const schema = await store.health.schema();
    expect(schema.found).toBe(schema.expected);
    // One number on both engines: a server's steps are named by the SQLite version they bring it to.
    expect(schema.expected).toBe(SCHEMA_VERSION);
    expect(schema.newer).toBe(false);
    expect(schema.foreign).toBeUndefined();
    expect(await store.health.integrity()).toEqual([]);
  });

  it('openAsIs reads the same without a store, and creates nothing where there is no record', async () => {
    const location = await h.location();
    const nothing = await openAsIs(location);
    if (engine.localFile) expect(nothing).toBeUndefined();
    else {
      expect(await nothing!.health.schema()).toMatchObject({ found: null, newer: false });
      await nothing!.close();
    }
    expect(await h.session.created(location)).toBe(false);
    const store = await h.store();
    const expected = (await store.health.schema()).expected;
    const record = (await openAsIs(location))!;
    try {
      expect(await record.health.schema()).toEqual({ found: expected, expected, newer: false, foreign: undefined });
      expect(await record.health.integrity()).toEqual([]);
    } finally {
      await record.close();
    }
  });
});
