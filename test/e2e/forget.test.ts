import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { allRows, hasDatabase } from './figures.js';
import { ENGINE, sandbox, type Sandbox } from './helpers.js';
import { runInPty } from './pty.js';

let box: Sandbox;
afterEach(() => box?.cleanup());

/** Every byte SQLite keeps for this database: the file, its WAL and its shared-memory index. */
function rawFiles(db: string): Buffer {
  return Buffer.concat(['', '-wal', '-shm'].map((suffix) => `${db}${suffix}`).filter(existsSync).map((path) => readFileSync(path)));
}

/** The secrets still readable: in SQLite's raw files; on a server (which promises nothing about its files) in any row. */
function traces(box: Sandbox, secrets: string[]): string[] {
  if (ENGINE === 'postgres') {
    const rows = allRows(box);
    return secrets.filter((secret) => rows.includes(secret));
  }
  const bytes = rawFiles(box.db);
  return secrets.filter((secret) => bytes.includes(Buffer.from(secret, 'utf8')));
}

/** The columns of every table, as [table, column] pairs, from either engine's catalogue. */
function columns(box: Sandbox): { table: string; column: string }[] {
  return box.sql(ENGINE === 'postgres'
    ? `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns WHERE table_schema = current_schema()`
    : `SELECT m.name AS "table", c.name AS "column" FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table'`);
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
    const where = ENGINE === 'postgres' ? 'any row of any table, the search index and the undo journal included' : 'the database file, its WAL or its shared memory';
    it(`leaves no trace of ${name} or their notes in ${where}`, () => {
      box = sandbox();
      const other = box.run(['log', 'Somebody Else', '--note', 'stays here']);
      expect(other.code, other.stderr).toBe(0);
      // Another connection stays open throughout, so the WAL and shared memory survive every command's exit.
      const watcher = ENGINE === 'sqlite' ? new Database(box.db) : undefined;
      try {
        watcher?.pragma('user_version');
        const note = 'fled-in-2019-zqxj';
        logMeetings(box, name, note);
        // On a server the search index keeps words apart, folded: its own words for the name and the note.
        const words = ENGINE === 'postgres' ? [...nameKey.split(' '), 'zqxj'] : [];
        const secrets = [name, nameKey, note, `${note} ask`, `${note} follow-up`, `${note} agitation`, 'secret.person@example.org', ...words];
        expect(traces(box, secrets)).toEqual(secrets); // control: before forgetting, all of it is readable
        if (ENGINE === 'sqlite') expect(readFileSync(`${box.db}-wal`).length).toBeGreaterThan(0);

        const result = box.run(['forget', nameKey.toUpperCase(), '--yes']);
        expect(result.code, result.stderr).toBe(0);
        // A server says where the rows went and what it cannot promise (src/ui/privacy.ts): the one wording that differs by design.
        const erased = ENGINE === 'postgres' ? 'erased from the server.' : 'erased.';
        expect(result.stderr).toContain(`Forgot ${name}: 2 meetings, 3 notes, 1 ask, 1 follow-up, 2 rung changes ${erased}\n`);
        expect(result.stderr).toContain(ENGINE === 'postgres' ? 'the tables were vacuumed, but old copies' : 'The database file was rebuilt, so nothing of them is left in it.');
        expect(traces(box, secrets)).toEqual([]);
        expect(traces(box, ['Somebody Else', 'stays here', 'Referred Friend'])).toHaveLength(3);
      } finally {
        watcher?.close();
      }
    });
  }

  it('erases every row about the person and unlinks, but keeps, the people they referred', () => {
    box = sandbox();
    logMeetings(box, 'Ana Ruiz', 'note');
    box.run(['log', 'Ben Ode', '--note', 'ben stays']);
    expect(box.run(['relate', 'Ben Ode', 'Ana Ruiz', '--as', 'neighbor']).code).toBe(0);
    expect(box.run(['edit', 'Ana Ruiz', '--unit', 'Building 12']).code).toBe(0);
    const [{ id: anaId }] = box.sql<{ id: number }>(`SELECT id FROM people WHERE name = 'Ana Ruiz'`) as [{ id: number }];
    // Until the commands that write them land, her assessment history and a contact go in as the store keeps them.
    box.sql(`INSERT INTO assessment_changes (person_id, from_level, to_level, cause, changed_at) VALUES (?, 0, 2, 'manual', '2026-01-06')`, [anaId]);
    box.sql(`INSERT INTO touches (person_id, by, note, touched_at, created_at) VALUES (?, 'call', 'asked about rent', '2026-01-07', '2026-01-07')`, [anaId]);
    const about = columns(box).filter(({ column }) => column === 'person_id').sort((a, b) => a.table.localeCompare(b.table));
    const rowsAbout = () => about.map(({ table }) => [table, box.sql(`SELECT count(*) AS n FROM "${table}" WHERE person_id = ?`, [anaId])[0]]);
    // Control: the check sees her rows, in every table that has any.
    expect(rowsAbout()).toEqual([['asks', { n: 1 }], ['assessment_changes', { n: 1 }], ['changes', { n: 3 }], ['followups', { n: 1 }], ['meetings', { n: 2 }], ['notes', { n: 3 }],
      ['person_figures', { n: 1 }], ['person_names', { n: 0 }], ['relationships', { n: 1 }], ['rung_changes', { n: 2 }], ['touches', { n: 1 }], ['unit_members', { n: 1 }]]);

    expect(box.run(['forget', 'Ana Ruiz', '--yes']).code).toBe(0);

    expect(rowsAbout()).toEqual(about.map(({ table }) => [table, { n: 0 }]));
    expect(box.sql(`SELECT count(*) AS n FROM relationships WHERE other_id = ?`, [anaId]), 'from either side').toEqual([{ n: 0 }]);
    expect(box.sql(`SELECT count(*) AS n FROM units`), 'the place stays, for the others in it').toEqual([{ n: 1 }]);
    expect(box.sql(`SELECT count(*) AS n FROM meeting_phases WHERE meeting_id NOT IN (SELECT id FROM meetings)`)).toEqual([{ n: 0 }]);
    expect(box.sql(`SELECT name, referred_by AS "referredBy" FROM people ORDER BY name`)).toEqual([
      { name: 'Ben Ode', referredBy: null },
      { name: 'Referred Friend', referredBy: null },
    ]);
    // A server checks every foreign key as it writes; SQLite only when asked.
    if (ENGINE === 'sqlite') expect(box.sql(`SELECT * FROM pragma_foreign_key_check`)).toEqual([]);
  });

  it('refuses without a terminal and without --yes, changing nothing', () => {
    box = sandbox();
    logMeetings(box, 'Ana Ruiz', 'note');
    // The file byte for byte; on a server, every row of every table.
    const record = () => (ENGINE === 'postgres' ? allRows(box) : readFileSync(box.db).toString('base64'));
    const before = record();
    const result = box.run(['forget', 'Ana Ruiz']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('oneonone: not forgetting Ana Ruiz without a confirmation\nhint: there is no terminal to ask in; add --yes to erase them: oneonone forget "#1" --yes\n');
    expect(record()).toBe(before);
  });

  it('refuses an unknown name without creating a database', () => {
    box = sandbox();
    const result = box.run(['forget', 'Nobody', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^oneonone: nobody called "Nobody"\n/);
    expect(hasDatabase(box)).toBe(false);
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
