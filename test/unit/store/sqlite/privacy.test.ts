import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSION, type Db } from '../../../../src/store/sqlite/db.js';
import { copyBeforeUpgrade, SqliteStore } from '../../../../src/store/sqlite/engine.js';
import { keptCopies } from '../../../../src/support/copies.js';
import { UserError } from '../../../../src/support/errors.js';
import { renderMigrationBackup } from '../../../../src/ui/privacy.js';

let dir: string;
let store: SqliteStore | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'oneonone-privacy-'));
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function openStore(path: string): SqliteStore {
  return new SqliteStore(openDatabase(path), path, true);
}

function addPerson(store: SqliteStore, name: string, note: string): Promise<number> {
  return store.write(async (tx) => {
    const id = await tx.people.add({ name, nameKey: name.toLowerCase() }, '2026-11-01T10:00:00.000Z');
    const meeting = await tx.meetings.add(
      { personId: id, heldAt: '2026-11-01T10:00:00.000Z', goal: 'recruitment', template: 'agenda', plannedMinutes: 30, status: 'complete', phases: [] },
      '2026-11-01T10:00:00.000Z',
    );
    await tx.meetings.addNote(id, meeting, 'note', note, null, '2026-11-01T10:00:00.000Z');
    return id;
  });
}

function backUpBeforeMigrating(path: string): (db: Db, fromVersion: number) => void {
  return copyBeforeUpgrade(path, { mode: 'write', onUpgradeCopy: renderMigrationBackup });
}

describe('the privacy store', () => {
  it('scrub empties the WAL that still held the forgotten note in its old frames', async () => {
    const path = join(dir, 'one.db');
    store = openStore(path);
    const id = await addPerson(store, 'Wal Secret', 'note-only-in-wal-7731');
    await store.write((tx) => tx.people.forget(id));
    // The connection is still open, so the WAL is not checkpointed away on close: the old frames hold the note.
    expect(readFileSync(`${path}-wal`).includes('note-only-in-wal-7731')).toBe(true);

    expect(await store.scrub()).toBe(true);
    expect(statSync(`${path}-wal`).size).toBe(0);
    expect(readFileSync(path).includes('note-only-in-wal-7731')).toBe(false);
    expect(readFileSync(path).includes('Wal Secret')).toBe(false);
  });

  it('turns a real SQLITE_FULL in a write into the one-line "disk is full" error, leaving no partial record', async () => {
    const path = join(dir, 'full.db');
    store = openStore(path);
    await addPerson(store, 'First Person', 'kept');
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages}`);
    const attempt = () => addPerson(store!, 'Second Person', 'x'.repeat(200_000));
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toThrow(`cannot use the database ${path}: the disk is full`);
    expect(store.db.prepare(`SELECT count(*) AS n FROM people`).get()).toEqual({ n: 1 });
    expect(store.db.prepare(`SELECT count(*) AS n FROM meetings`).get()).toEqual({ n: 1 });
  });
});

describe('the copy before a schema upgrade', () => {
  it('writes a private (0600) copy of the database as it was beside it, and says where', async () => {
    const path = join(dir, 'one.db');
    store = openStore(path);
    await addPerson(store, 'Ana Ruiz', 'before the upgrade');
    const said: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((text: string) => said.push(text) > 0) as typeof write;
    try {
      backUpBeforeMigrating(path)(store.db, 1);
    } finally {
      process.stderr.write = write;
    }
    const message = said.join('');
    const copy = /kept at (\S+)\n$/.exec(message)?.[1];
    expect(keptCopies(path)).toEqual([copy]);
    expect(message).toMatch(`oneonone: upgrading the database from schema 1 to ${SCHEMA_VERSION}; a copy as it was is kept at ${path}.before-v${SCHEMA_VERSION}-`);
    expect(copy && existsSync(copy)).toBe(true);
    expect(statSync(copy!).mode & 0o777).toBe(0o600);
    const kept = new Database(copy!, { readonly: true });
    expect(kept.prepare(`SELECT text FROM notes`).all()).toEqual([{ text: 'before the upgrade' }]);
    expect(kept.pragma('integrity_check', { simple: true })).toBe('ok');
    kept.close();
  });

  it('keeps no copy and changes nothing when the copy cannot be written', async () => {
    const path = join(dir, 'one.db');
    store = openStore(path);
    await addPerson(store, 'Ana Ruiz', 'note');
    rmSync(dir, { recursive: true, force: true });
    // The folder is gone, so the copy cannot be made: the upgrade must stop with a one-line error.
    expect(() => backUpBeforeMigrating(path)(store!.db, 1)).toThrow(UserError);
  });

  it('is called by openDatabase only when a pending migration will run', () => {
    const path = join(dir, 'one.db');
    const calls: number[] = [];
    openDatabase(path, { beforeMigrate: (_db, from) => calls.push(from) }).close(); // a new database: no copy of nothing
    openDatabase(path, { beforeMigrate: (_db, from) => calls.push(from) }).close(); // up to date: no copy
    expect(calls).toEqual([]);
  });
});
