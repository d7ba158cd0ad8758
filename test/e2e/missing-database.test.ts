import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, sandbox, type Sandbox } from './helpers.js';

let box: Sandbox;
afterEach(() => box?.cleanup());

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

/** Every command that reads, with what an empty database makes it say: the same for no database at all. */
const READERS: { args: string[]; code: number; out?: RegExp; err?: RegExp }[] = [
  { args: ['people'], code: 0, err: /^Nobody here yet/ },
  { args: ['people', '--json'], code: 0, out: /^\[\]\n$/ },
  { args: ['show', 'Ana Ruiz'], code: 1, err: /^oneonone: nobody called "Ana Ruiz"\n/ },
  { args: ['followups'], code: 0, err: /^Nothing due in the next 7 days/ },
  { args: ['followups', '--json'], code: 0, out: /^\[\]\n$/ },
  { args: ['followups', '--cadence'], code: 0, out: /leader/ },
  { args: ['leaders'], code: 0, err: /^Nobody here yet/ },
  { args: ['leaders', '--json'], code: 0, out: /^\[\]\n$/ },
  { args: ['ladder'], code: 0, out: /nobody moved/ },
  { args: ['ladder', '--json'], code: 0, out: /"moves": \[\]/ },
  { args: ['stats'], code: 0, out: /./ },
  { args: ['stats', '--json'], code: 0, out: /"meetingsPerWeek"/ },
  { args: ['export', 'people'], code: 0, out: /^id,name,rung/ },
  { args: ['done', 'F1'], code: 1, err: /^oneonone: there is no follow-up F1\n/ },
  { args: ['snooze', 'A1', 'tomorrow 9am'], code: 1, err: /^oneonone: there is no ask A1\n/ },
  { args: ['forget', 'Ana Ruiz', '--yes'], code: 1, err: /^oneonone: nobody called "Ana Ruiz"\n/ },
];

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true }).map(String).sort();
}

describe('a command on a path with no database', () => {
  it.each(READERS)('$args.0 $args.1 reads an empty record and creates nothing, no folder either', ({ args, code, out, err }) => {
    box = sandbox();
    const before = filesUnder(box.dir);
    const result = box.run(args);
    expect(result.code, result.stderr).toBe(code);
    if (out) expect(result.stdout).toMatch(out);
    if (err) expect(result.stderr).toMatch(err);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(filesUnder(box.dir)).toEqual(before);
    expect(existsSync(join(box.dir, 'data'))).toBe(false);
  });

  it('a dry-run import reads an empty record and creates nothing', () => {
    box = sandbox();
    writeFileSync(join(box.dir, 'sheet.csv'), 'Name,Email\nAna Ruiz,ana@example.org\n');
    const result = box.run(['import', join(box.dir, 'sheet.csv'), '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/add/i);
    expect(existsSync(join(box.dir, 'data'))).toBe(false);
  });

  it('a writing command creates it: the folder 0700, the file 0600', () => {
    box = sandbox();
    const result = box.run(['log', 'Ana Ruiz']);
    expect(result.code, result.stderr).toBe(0);
    expect(statSync(join(box.dir, 'data')).mode & 0o777).toBe(0o700);
    expect(statSync(box.db).mode & 0o777).toBe(0o600);
  });

  it('folders several levels deep are made one by one, each 0700', () => {
    box = sandbox();
    const db = join(box.dir, 'a', 'b', 'c', 'one.db');
    expect(box.run(['--db', db, 'followups', '--cadence', 'leader=10']).code).toBe(0);
    for (const folder of ['a', 'a/b', 'a/b/c']) expect(statSync(join(box.dir, folder)).mode & 0o777).toBe(0o700);
  });
});

/** One `oneonone:` line (and hints), quickly, and nothing made. */
function refusedQuickly(args: string[], pattern: RegExp, options: { uid?: number; gid?: number } = {}): void {
  const started = Date.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: box.env, timeout: 10_000, ...options });
  expect(Date.now() - started).toBeLessThan(2000);
  expect(result.status).toBe(1);
  const lines = String(result.stderr).trimEnd().split('\n');
  expect(lines[0]).toMatch(pattern);
  expect(lines.slice(1).every((line) => line.startsWith('hint: '))).toBe(true);
}

describe('a path that cannot be a database', () => {
  it('a folder is refused as a folder, for reading and writing commands alike', () => {
    box = sandbox();
    for (const command of [['people'], ['log', 'Ana Ruiz']]) {
      refusedQuickly(['--db', box.dir, ...command], /^oneonone: cannot use the database .*: it is a folder$/);
    }
  });

  it('a place under /proc is refused within two seconds (a recursive mkdir there never returns)', () => {
    box = sandbox();
    for (const command of [['people'], ['log', 'Ana Ruiz']]) {
      refusedQuickly(['--db', '/proc/nope/x.db', ...command], /^oneonone: cannot use the database \/proc\/nope\/x\.db: \/proc is on a virtual file system, not a disk$/);
    }
    expect(existsSync('/proc/nope')).toBe(false);
  });

  it('a folder that cannot be written is refused, and nothing is made in it', () => {
    box = sandbox();
    const locked = join(box.dir, 'locked');
    mkdirSync(locked);
    chmodSync(box.dir, 0o755);
    if (isRoot) chownSync(locked, NOBODY, NOBODY);
    chmodSync(locked, 0o555);
    const asUser = isRoot ? { uid: NOBODY, gid: NOBODY } : {};
    for (const command of [['people'], ['log', 'Ana Ruiz']]) {
      refusedQuickly(['--db', join(locked, 'sub', 'one.db'), ...command], /^oneonone: cannot use the database .*one\.db: the file or its folder cannot be written$/, asUser);
    }
    chmodSync(locked, 0o755);
    expect(readdirSync(locked)).toEqual([]);
  });
});
