/**
 * The undo journal keeps every column of the tables it journals (JOURNALED, migration 006): a row put back by `undo`
 * is the row as it was only if no column is missing from the list, and from the triggers that record it. A later
 * migration that adds a column to one of these tables, or a new table of the record, must make the journal again;
 * these tests fail until it does.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../src/store/sqlite/db.js';
import { JOURNALED } from '../../../../src/store/sqlite/migrations.js';

const folders: string[] = [];
const opened: Db[] = [];
afterEach(() => {
  opened.splice(0).forEach((db) => db.open && db.close());
  folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true }));
});

function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'oneonone-journal-columns-'));
  folders.push(made);
  return made;
}

/** A database made from nothing by every migration. */
function freshDatabase(): Db {
  const db = openDatabase(join(folder(), 'oneonone.db'));
  opened.push(db);
  return db;
}

/** A database of schema 1 brought up to today by the same migrations. */
function upgradedDatabase(): Db {
  const path = join(folder(), 'oneonone.db');
  copyFileSync(new URL('../../../fixtures/schema-v1.db', import.meta.url), path);
  const db = openDatabase(path);
  opened.push(db);
  return db;
}

const columnsOf = (db: Db, table: string): string[] =>
  (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string }[]).map(({ name }) => name);

const triggerSql = (db: Db, name: string): string | undefined =>
  (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).get(name) as { sql: string } | undefined)?.sql;

/** The columns a journal trigger copies into the row it records: each `'column', OLD.column` of its json_object. */
function journaledByTrigger(sql: string): string[] {
  const stored = /json_object\(([^)]*)\)/.exec(sql);
  expect(stored, 'the trigger stores the row as a json_object').not.toBeNull();
  return [...stored![1]!.matchAll(/'([A-Za-z_][A-Za-z0-9_]*)',\s*OLD\.([A-Za-z_][A-Za-z0-9_]*)/g)].map(([, key, column]) => {
    expect(column, `the trigger stores OLD.${column} under the name '${key}'`).toBe(key);
    return key!;
  });
}

/** Tables that are not the record itself: the migration log, figures the triggers recompute, the journal, the search index. */
const NOT_JOURNALED = new Set(['migrations', 'person_figures', 'changes', 'change_rows', 'change_recording']);
const isSearchIndex = (name: string): boolean => name.startsWith('search_');

const TABLES = Object.keys(JOURNALED);

describe.each([
  ['a freshly migrated database', freshDatabase],
  ['a database upgraded from schema 1', upgradedDatabase],
])('the undo journal, in %s', (_, open) => {
  it.each(TABLES)('lists every column of %s, in the order the schema has them', (table) => {
    const db = open();
    const columns = columnsOf(db, table);
    expect(columns.length, `${table} is in the schema`).toBeGreaterThan(0);
    expect([...JOURNALED[table]!]).toEqual(columns);
  });

  it.each(TABLES)('records every column of %s when a row is updated or deleted, and records inserts', (table) => {
    const db = open();
    const columns = columnsOf(db, table);
    for (const op of ['update', 'delete']) {
      const sql = triggerSql(db, `journal_${table}_${op}`);
      expect(sql, `journal_${table}_${op} exists`).toBeDefined();
      expect(journaledByTrigger(sql!)).toEqual(columns);
    }
    expect(triggerSql(db, `journal_${table}_insert`), `journal_${table}_insert exists`).toBeDefined();
  });

  it('journals every table of the record (a new table must join JOURNALED or be named here as not the record)', () => {
    const db = open();
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[])
      .map(({ name }) => name)
      .filter((name) => !NOT_JOURNALED.has(name) && !isSearchIndex(name));
    expect(tables).toEqual([...TABLES].sort());
  });
});
