import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSION } from '../../../../src/store/sqlite/db.js';
import { MIGRATIONS } from '../../../../src/store/sqlite/migrations.js';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function oldDatabase(): string {
  const folder = mkdtempSync(join(tmpdir(), 'oneonone-migrate-'));
  folders.push(folder);
  const path = join(folder, 'oneonone.db');
  copyFileSync(new URL('../../../fixtures/schema-v1.db', import.meta.url), path);
  return path;
}

describe('migrations', () => {
  it('apply each step once when another terminal upgrades the same file in the middle', () => {
    expect(SCHEMA_VERSION).toBeGreaterThan(1);
    const path = oldDatabase();
    const first = openDatabase(path, {
      beforeMigrate: () => openDatabase(path).close(),
    });
    expect(first.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const applied = first.prepare('SELECT name FROM migrations ORDER BY name').all() as { name: string }[];
    expect(applied.map(({ name }) => name)).toEqual(MIGRATIONS.map(({ name }) => name));
    first.close();
  });

  it('keep the data of an older database while upgrading it', () => {
    const path = oldDatabase();
    const before = new Database(path, { readonly: true });
    const people = before.prepare('SELECT id, name FROM people ORDER BY id').all();
    before.close();
    const db = openDatabase(path);
    expect(db.prepare('SELECT id, name FROM people ORDER BY id').all()).toEqual(people);
    expect(people.length).toBeGreaterThan(0);
    db.close();
  });
});
