import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, sandbox, type Sandbox } from './helpers.js';
import { runInPty } from './pty.js';

let box: Sandbox;
afterEach(() => box?.cleanup());

function people(db: string): string[] {
  const connection = new Database(db, { readonly: true });
  try {
    return (connection.prepare(`SELECT name FROM people ORDER BY name`).all() as { name: string }[]).map(({ name }) => name);
  } finally {
    connection.close();
  }
}

describe('backup', () => {
  it('writes a private (0600), complete copy and says where and how big', () => {
    box = sandbox();
    box.run(['log', 'Ana Ruiz', '--note', 'first']);
    const target = join(box.dir, 'copy.db');
    const result = box.run(['backup', target]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^Backed up 1 person and 1 meeting to ${target} \\(\\d+\\.\\d KB, readable only by you\\)\\.\n`));
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(people(target)).toEqual(['Ana Ruiz']);
  });

  it('refuses to replace an existing file, leaving it as it was', () => {
    box = sandbox();
    box.run(['log', 'Ana Ruiz']);
    const target = join(box.dir, 'copy.db');
    writeFileSync(target, 'my thesis');
    const result = box.run(['backup', target]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`oneonone: ${target} already exists; a backup never replaces a file\nhint: give a new file name, e.g. one with today's date, or delete the old file first\n`);
    expect(readFileSync(target, 'utf8')).toBe('my thesis');
  });

  it('makes a consistent copy while another process is writing', async () => {
    box = sandbox();
    box.run(['log', 'Seed Person']);
    const writer = spawn(process.execPath, [join(ROOT, 'test/e2e/stress-writers.mjs'), box.db, '15'], { stdio: 'pipe' });
    const finished = new Promise<string>((resolve) => {
      let out = '';
      writer.stdout.on('data', (chunk) => (out += chunk));
      writer.on('close', () => resolve(out));
    });
    const copies: string[] = [];
    for (let n = 0; n < 4; n++) {
      const target = join(box.dir, `copy-${n}.db`);
      const result = box.run(['backup', target]);
      expect(result.code, result.stderr).toBe(0);
      copies.push(target);
    }
    expect(JSON.parse(await finished).failures).toEqual([]);
    for (const copy of copies) {
      const db = new Database(copy, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    }
  }, 120_000);
});

describe('restore', () => {
  function withBackup(): string {
    box = sandbox();
    box.run(['log', 'Ana Ruiz', '--note', 'in the backup']);
    const backup = join(box.dir, 'backup.db');
    expect(box.run(['backup', backup]).code).toBe(0);
    box.run(['log', 'Ben Ode', '--note', 'after the backup']);
    return backup;
  }

  it('replaces the database with a backup and keeps the one it replaced as a dated private copy', () => {
    const backup = withBackup();
    const result = box.run(['restore', backup, '--yes']);
    expect(result.code, result.stderr).toBe(0);
    const kept = readdirSync(join(box.dir, 'data')).filter((name) => name.startsWith('oneonone.db.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^oneonone\.db\.before-restore-\d{4}-\d\d-\d\dT\d{6}$/);
    const keptPath = join(box.dir, 'data', kept[0]!);
    expect(result.stderr).toBe(`Restored ${backup} into ${box.db}: 1 person, 1 meeting.\nThe database it replaced is kept at ${keptPath}\n`);
    expect(people(box.db)).toEqual(['Ana Ruiz']);
    expect(people(keptPath)).toEqual(['Ana Ruiz', 'Ben Ode']);
    expect(statSync(box.db).mode & 0o777).toBe(0o600);
    expect(statSync(keptPath).mode & 0o777).toBe(0o600);
    expect(box.json<unknown[]>(['people', '--json'])).toHaveLength(1);
  });

  it('does not let a stale WAL of the old database replay onto the restored one', () => {
    const backup = withBackup();
    const watcher = new Database(box.db);
    watcher.prepare(`UPDATE people SET notes = 'only in the old WAL' WHERE name = 'Ben Ode'`).run(); // stays in the WAL while open
    expect(existsSync(`${box.db}-wal`)).toBe(true);
    const result = box.run(['restore', backup, '--yes']);
    watcher.close();
    expect(result.code, result.stderr).toBe(0);
    expect(people(box.db)).toEqual(['Ana Ruiz']);
  });

  it('without a terminal and without --yes, refuses and changes nothing', () => {
    const backup = withBackup();
    const before = readFileSync(box.db);
    const result = box.run(['restore', backup]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('oneonone: not replacing the database without a confirmation\nhint: there is no terminal to ask in; add --yes');
    expect(readFileSync(box.db).equals(before)).toBe(true);
  });

  it('in a terminal, restores only after a yes', async () => {
    const backup = withBackup();
    const env = { ...box.env, TERM: 'xterm-256color' };
    const no = await runInPty(['restore', backup], env, [{ waitFor: '(y/N)', send: 'n\r' }]);
    expect(no.code).toBe(1);
    expect(no.screen).toContain(`Replace ${box.db} (2 people, 2 meetings) with`); // the terminal wraps the question
    expect(no.screen).toContain(`${backup} (1 person, 1 meeting)?`);
    expect(people(box.db)).toEqual(['Ana Ruiz', 'Ben Ode']);
    const yes = await runInPty(['restore', backup], env, [{ waitFor: '(y/N)', send: 'y\r' }]);
    expect(yes.code, yes.screen).toBe(0);
    expect(people(box.db)).toEqual(['Ana Ruiz']);
  });

  for (const [what, make, message] of [
    ['a text file', (path: string) => writeFileSync(path, 'not a database'), 'it is not a SQLite database'],
    ['an empty file', (path: string) => writeFileSync(path, ''), 'it is empty or not a file'],
    ['an unrelated SQLite database', (path: string) => { const db = new Database(path); db.exec('CREATE TABLE t (x)'); db.close(); }, 'it is a SQLite database made by another program'],
  ] as const) {
    it(`refuses ${what} before touching anything`, () => {
      box = sandbox();
      box.run(['log', 'Ana Ruiz']);
      const before = readFileSync(box.db);
      const path = join(box.dir, 'bad.db');
      make(path);
      const result = box.run(['restore', path, '--yes']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`oneonone: ${path} is not a oneonone backup: ${message}\nhint: give a file made by oneonone backup; nothing was changed\n`);
      expect(readFileSync(box.db).equals(before)).toBe(true);
      expect(readdirSync(join(box.dir, 'data')).filter((name) => name.includes('before-restore'))).toEqual([]);
    });
  }

  it('refuses a backup written by a newer oneonone', () => {
    const backup = withBackup();
    const db = new Database(backup);
    db.pragma('user_version = 999');
    db.close();
    const result = box.run(['restore', backup, '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/was written by a newer version of oneonone \(schema 999/);
    expect(people(box.db)).toEqual(['Ana Ruiz', 'Ben Ode']);
  });
});
