import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase, SCHEMA_VERSION } from '../../../../src/store/sqlite/db.js';
import { MIGRATIONS } from '../../../../src/store/sqlite/migrations.js';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A database made by the steps before `name`, as an older oneonone left it. */
function madeUpTo(path: string, name: string): Database.Database {
  const db = new Database(path);
  const upTo = MIGRATIONS.findIndex((migration) => migration.name === name);
  db.exec(`CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  for (const migration of MIGRATIONS.slice(0, upTo)) {
    db.exec(migration.sql);
    migration.data?.(db);
    db.prepare(`INSERT INTO migrations (name, applied_at) VALUES (?, ?)`).run(migration.name, new Date().toISOString());
  }
  db.pragma(`user_version = ${upTo}`);
  return db;
}

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

  it('date a draft prepared ahead at the moment its first phase began, where its phase times or notes tell', () => {
    const folder = mkdtempSync(join(tmpdir(), 'oneonone-migrate-'));
    folders.push(folder);
    const path = join(folder, 'oneonone.db');
    const db = madeUpTo(path, '008-drafts-dated-when-begun');
    db.exec(`INSERT INTO people (id, name, name_key, created_at, updated_at) VALUES (1, 'Ana', 'ana', '2026-11-01T08:00:00.000Z', '2026-11-01T08:00:00.000Z')`);
    const draft = db.prepare(`
      INSERT INTO meetings (id, person_id, held_at, goal, template, planned_minutes, status, step, current_phase, created_at, updated_at)
      VALUES (?, 1, '2026-11-02T08:00:00.000Z', 'recruitment', 'standard', 45, 'draft', ?, ?, '2026-11-02T08:00:00.000Z', ?)`);
    const phase = db.prepare(`
      INSERT INTO meeting_phases (meeting_id, position, phase_key, title, planned_seconds, max_talk_share, actual_seconds)
      VALUES (?, ?, ?, ?, 600, 0.3, ?)`);
    const note = db.prepare(`INSERT INTO notes (person_id, meeting_id, tag, text, created_at) VALUES (1, ?, 'value', 'family', ?)`);
    draft.run(1, 'phases', 3, '2026-11-02T10:20:00.000Z');
    phase.run(1, 1, 'intro', 'Intro', 300);
    phase.run(1, 2, 'story', 'Story', 900);
    phase.run(1, 3, 'ask', 'Ask', null);
    draft.run(2, 'phases', 1, '2026-11-02T08:00:00.000Z');
    phase.run(2, 1, 'intro', 'Intro', null);
    note.run(2, '2026-11-02T11:05:00.000Z');
    draft.run(3, 'phases', 1, '2026-11-02T08:00:00.000Z');
    phase.run(3, 1, 'intro', 'Intro', null);
    draft.run(4, 'ask', 3, '2026-11-03T09:00:00.000Z');
    db.close();

    const upgraded = openDatabase(path);
    const dates = upgraded.prepare(`SELECT id, held_at AS heldAt FROM meetings ORDER BY id`).all();
    expect(dates).toEqual([
      { id: 1, heldAt: '2026-11-02T10:00:00.000Z' },
      { id: 2, heldAt: '2026-11-02T11:05:00.000Z' },
      { id: 3, heldAt: '2026-11-02T08:00:00.000Z' },
      { id: 4, heldAt: '2026-11-02T08:00:00.000Z' },
    ]);
    upgraded.close();
  });

  it('keep a phase measured before the longest monologue was as not measured, and journal the new column', () => {
    const folder = mkdtempSync(join(tmpdir(), 'oneonone-migrate-'));
    folders.push(folder);
    const path = join(folder, 'oneonone.db');
    const db = madeUpTo(path, '009-longest-monologue');
    db.exec(`INSERT INTO people (id, name, name_key, created_at, updated_at) VALUES (1, 'Ana', 'ana', '2026-11-01T08:00:00.000Z', '2026-11-01T08:00:00.000Z')`);
    db.exec(`INSERT INTO meetings (id, person_id, held_at, goal, template, planned_minutes, status, created_at, updated_at)
             VALUES (1, 1, '2026-11-02T08:00:00.000Z', 'recruitment', 'standard', 45, 'complete', '2026-11-02T08:00:00.000Z', '2026-11-02T08:00:00.000Z')`);
    db.exec(`INSERT INTO meeting_phases (meeting_id, position, phase_key, title, planned_seconds, max_talk_share, actual_seconds, organizer_talk_seconds, other_talk_seconds)
             VALUES (1, 1, 'intro', 'Intro', 600, 0.3, 610, 100, 510)`);
    db.close();

    const upgraded = openDatabase(path);
    expect(upgraded.prepare(`SELECT organizer_talk_seconds AS talked, longest_monologue_seconds AS longest FROM meeting_phases`).all()).toEqual([{ talked: 100, longest: null }]);
    const trigger = upgraded.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'journal_meeting_phases_update'`).get() as { sql: string };
    expect(trigger.sql).toContain('OLD.longest_monologue_seconds');
    upgraded.close();
  });
});
