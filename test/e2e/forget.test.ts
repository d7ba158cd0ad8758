import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';
import { runInPty } from './pty.js';

let box: Sandbox;
afterEach(() => box?.cleanup());

/** Every byte SQLite keeps for this database: the file, its WAL and its shared-memory index. */
function rawFiles(db: string): Buffer {
  return Buffer.concat(['', '-wal', '-shm'].map((suffix) => `${db}${suffix}`).filter(existsSync).map((path) => readFileSync(path)));
}

function traces(db: string, secrets: string[]): string[] {
  const bytes = rawFiles(db);
  return secrets.filter((secret) => bytes.includes(Buffer.from(secret, 'utf8')));
}

function logMeetings(box: Sandbox, name: string, note: string): void {
  for (const args of [
    ['log', name, '--note', note, '--value', `${note} value`, '--ask', `${note} ask`, '--outcome', 'yes', '--followup', 'next friday 6pm',
      '--followup-note', `${note} follow-up`, '--rung', 'volunteer', '--email', 'secret.person@example.org', '--agitation', `${note} agitation`],
    ['log', name, '--goal', 'maintenance', '--note', `${note} second meeting`, '--referral', 'Referred Friend'],
  ]) {
    const result = box.run(args);
    expect(result.code, result.stderr).toBe(0);
  }
}

describe('forget', () => {
  for (const [name, nameKey] of [['Dolores Whitfield', 'dolores whitfield'], ['José Núñez-Ibáñez', 'jose nunez ibanez']] as const) {
    it(`leaves no trace of ${name} or their notes in the database file, its WAL or its shared memory`, () => {
      box = sandbox();
      box.run(['log', 'Somebody Else', '--note', 'stays here']);
      // Another connection stays open throughout, so the WAL and shared memory survive every command's exit.
      const watcher = new Database(box.db);
      try {
        watcher.pragma('user_version');
        const note = 'fled-in-2019-zqxj';
        logMeetings(box, name, note);
        const secrets = [name, nameKey, note, `${note} ask`, `${note} follow-up`, `${note} agitation`, 'secret.person@example.org'];
        expect(traces(box.db, secrets)).toEqual(secrets); // control: before forgetting, all of it is readable in the raw files
        expect(readFileSync(`${box.db}-wal`).length).toBeGreaterThan(0);

        const result = box.run(['forget', nameKey.toUpperCase(), '--yes']);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toContain(`Forgot ${name}: 2 meetings, 3 notes, 1 ask, 1 follow-up, 2 rung changes erased.`);
        expect(traces(box.db, secrets)).toEqual([]);
        expect(traces(box.db, ['Somebody Else', 'stays here', 'Referred Friend'])).toHaveLength(3);
      } finally {
        watcher.close();
      }
    });
  }

  it('erases every row about the person and unlinks, but keeps, the people they referred', () => {
    box = sandbox();
    logMeetings(box, 'Ana Ruiz', 'note');
    box.run(['log', 'Ben Ode', '--note', 'ben stays']);
    const before = new Database(box.db, { readonly: true });
    const anaId = (before.prepare(`SELECT id FROM people WHERE name = 'Ana Ruiz'`).get() as { id: number }).id;
    before.close();

    expect(box.run(['forget', 'Ana Ruiz', '--yes']).code).toBe(0);

    const db = new Database(box.db, { readonly: true });
    try {
      const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(({ name }) => name);
      for (const table of tables) {
        const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(({ name }) => name);
        if (columns.includes('person_id')) {
          expect(db.prepare(`SELECT count(*) AS n FROM "${table}" WHERE person_id = ?`).get(anaId), table).toEqual({ n: 0 });
        }
      }
      expect(db.prepare(`SELECT count(*) AS n FROM meeting_phases WHERE meeting_id NOT IN (SELECT id FROM meetings)`).get()).toEqual({ n: 0 });
      expect(db.prepare(`SELECT name, referred_by AS referredBy FROM people ORDER BY name`).all()).toEqual([
        { name: 'Ben Ode', referredBy: null },
        { name: 'Referred Friend', referredBy: null },
      ]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('refuses without a terminal and without --yes, changing nothing', () => {
    box = sandbox();
    logMeetings(box, 'Ana Ruiz', 'note');
    const before = readFileSync(box.db);
    const result = box.run(['forget', 'Ana Ruiz']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('oneonone: not forgetting Ana Ruiz without a confirmation\nhint: there is no terminal to ask in; add --yes to erase them: oneonone forget "#1" --yes\n');
    expect(readFileSync(box.db).equals(before)).toBe(true);
  });

  it('refuses an unknown name without creating a database', () => {
    box = sandbox();
    const result = box.run(['forget', 'Nobody', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^oneonone: nobody called "Nobody"\n/);
    expect(existsSync(box.db)).toBe(false);
  });

  it('in a terminal, erases only after the name is typed, and keeps the person when another name is typed', async () => {
    box = sandbox();
    logMeetings(box, 'Ana Ruiz', 'note');
    const env = { ...box.env, TERM: 'xterm-256color' };

    const wrong = await runInPty(['forget', 'Ana Ruiz'], env, [{ waitFor: 'Type Ana Ruiz to confirm', send: 'Ana Rui\r' }]);
    expect(wrong.code).toBe(1);
    expect(wrong.screen).toContain('This erases Ana Ruiz (#1) and everything about them, beyond recovery: 2 meetings, 3 notes, 1 ask, 1 follow-up, 2 rung changes.');
    expect(wrong.screen).toContain('Ana Ruiz was not forgotten: the name typed did not match');
    expect(box.run(['show', 'Ana Ruiz']).code).toBe(0);

    const right = await runInPty(['forget', 'Ana Ruiz'], env, [{ waitFor: 'Type Ana Ruiz to confirm', send: 'ana ruiz\r' }]);
    expect(right.code, right.screen).toBe(0);
    expect(right.screen).toContain('Forgot Ana Ruiz');
    expect(box.run(['show', 'Ana Ruiz']).code).toBe(1);
  });
});
