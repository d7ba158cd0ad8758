import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, sandbox, type Sandbox } from './helpers.js';

let box: Sandbox;
afterEach(() => box.cleanup());

const SECRET = 'fled-in-2019-zqxj';

function ok(args: string[]): string {
  const result = box.run(args);
  expect(result.code, `oneonone ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stderr;
}

/** The lines of the forget message that name files: each on its own line, indented. */
function namedFiles(stderr: string): string[] {
  return stderr.split('\n').filter((line) => /^\s+\//.test(line)).map((line) => line.trim());
}

describe('forget names every copy beside the database that may still hold the person', () => {
  it('the copy before an upgrade, the one a restore replaced (and its WAL), and a restore that stopped halfway', () => {
    box = sandbox();
    const data = join(box.dir, 'data');
    mkdirSync(data);
    copyFileSync(join(ROOT, 'test/fixtures/schema-v1.db'), box.db);
    ok(['log', 'Dolores Whitfield', '--note', SECRET]); // upgrades first: a copy of the schema-1 file is kept
    const backup = join(box.dir, 'backup.db');
    ok(['backup', backup]);
    ok(['log', 'Ben Ode']);
    ok(['restore', backup, '--yes']); // the database it replaced is kept beside it
    const upgraded = readdirSync(data).filter((name) => name.startsWith('oneonone.db.before-v'));
    const replaced = readdirSync(data).filter((name) => name.startsWith('oneonone.db.before-restore-'));
    expect(upgraded).toHaveLength(1);
    expect(replaced).toHaveLength(1);

    // Someone looked into the kept copy and that program still has it open: its WAL holds Dolores too.
    const looking = new Database(join(data, replaced[0]!));
    try {
      looking.prepare(`UPDATE people SET notes = ? WHERE name = 'Dolores Whitfield'`).run(`${SECRET} again`);
      expect(existsSync(join(data, `${replaced[0]}-wal`))).toBe(true);
      // A restore killed between writing its private temp file and renaming it leaves the whole backup behind.
      copyFileSync(backup, join(data, '.oneonone.db.restoring-4242'));
      writeFileSync(join(data, 'notes.txt'), 'not a copy oneonone made');

      const stderr = ok(['forget', 'Dolores Whitfield', '--yes']);
      expect(namedFiles(stderr).sort()).toEqual(
        [upgraded[0]!, replaced[0]!, `${replaced[0]}-wal`, '.oneonone.db.restoring-4242'].map((name) => join(data, name)).sort(),
      );
      expect(stderr).toMatch(/warning: copies oneonone kept beside the database may still hold them/);
      expect(stderr).toMatch(/backups you made with oneonone backup, and files you exported, are not tracked/);
    } finally {
      looking.close();
    }
  });

  it('says, even when there are no copies beside the database, that backups and exports are not tracked', () => {
    box = sandbox();
    ok(['log', 'Dolores Whitfield', '--note', SECRET]);
    const stderr = ok(['forget', 'Dolores Whitfield', '--yes']);
    expect(namedFiles(stderr)).toEqual([]);
    expect(stderr).not.toMatch(/copies oneonone kept/);
    expect(stderr).toMatch(/backups you made with oneonone backup, and files you exported, are not tracked/);
  });
});
