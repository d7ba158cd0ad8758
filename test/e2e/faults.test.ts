import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { BIN, ROOT, runBin, sandbox, type Sandbox } from './helpers.js';

let box: Sandbox;
afterEach(() => box?.cleanup());

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

function count(db: string, sql: string): number {
  const connection = new Database(db, { readonly: true });
  try {
    return (connection.prepare(sql).get() as { n: number }).n;
  } finally {
    connection.close();
  }
}

function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(pattern);
  expect(lines.slice(1).every((line) => line.startsWith('hint: ')), stderr).toBe(true);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('two writers at once', () => {
  it('two processes logging in a loop end with every meeting and no SQLITE_BUSY', () => {
    box = sandbox();
    const count = Number(process.env.ONEONONE_STRESS_COUNT ?? 60);
    const result = spawnSync(process.execPath, [join(ROOT, 'test/e2e/stress-writers.mjs'), box.db, String(count)], { encoding: 'utf8', timeout: 600_000 });
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { failures: unknown[]; ms: number };
    expect(report.failures).toEqual([]);
    expect(countIn(box.db, `SELECT count(*) AS n FROM meetings`)).toBe(2 * count);
    expect(countIn(box.db, `SELECT count(DISTINCT text) AS n FROM notes`)).toBe(2 * count);
    const db = new Database(box.db, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 600_000);
});

function countIn(db: string, sql: string): number {
  return count(db, sql);
}

/** Runs the binary as an ordinary user, because permissions do not stop root. */
function runAsUser(box: Sandbox, args: string[]): { code: number | null; stderr: string } {
  const options = isRoot ? { uid: NOBODY, gid: NOBODY } : {};
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: box.env, timeout: 30_000, ...options });
  return { code: result.status, stderr: String(result.stderr) };
}

function giveToUser(...paths: string[]): void {
  if (isRoot) for (const path of paths) chownSync(path, NOBODY, NOBODY);
}

describe('a database that cannot be written', () => {
  function prepared(): string {
    box = sandbox();
    chmodSync(box.dir, 0o755);
    expect(box.run(['log', 'Ana Ruiz', '--note', 'first']).code).toBe(0);
    const folder = join(box.dir, 'data');
    giveToUser(box.dir, folder, box.db);
    return folder;
  }

  it('in a read-only folder: one clear line, exit 1, no partial record', () => {
    const folder = prepared();
    chmodSync(folder, 0o555);
    const result = runAsUser(box, ['log', 'Ben Ode', '--note', 'second', '--ask', 'come', '--outcome', 'yes']);
    chmodSync(folder, 0o755);
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /^oneonone: cannot use the database .*oneonone\.db: the file or its folder cannot be written$/);
    expect(count(box.db, `SELECT count(*) AS n FROM people`)).toBe(1);
    expect(count(box.db, `SELECT count(*) AS n FROM meetings`)).toBe(1);
  });

  it('a read-only database file: one clear line, exit 1, no partial record', () => {
    prepared();
    chmodSync(box.db, 0o444);
    const result = runAsUser(box, ['log', 'Ben Ode', '--note', 'second']);
    chmodSync(box.db, 0o600);
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /^oneonone: cannot use the database .*oneonone\.db: the file or its folder cannot be written$/);
    expect(count(box.db, `SELECT count(*) AS n FROM meetings`)).toBe(1);
  });

  it('a database path whose folder is a file: one clear line, exit 1', () => {
    box = sandbox();
    writeFileSync(join(box.dir, 'not-a-folder'), 'x');
    const result = box.run(['--db', join(box.dir, 'not-a-folder', 'one.db'), 'log', 'Ana Ruiz']);
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /^oneonone: cannot use the database .*one\.db: /);
  });
});

const canMountTmpfs = spawnSync('unshare', ['-rm', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d"; s=$?; rmdir "$d"; exit $s']).status === 0;

describe('a full disk', () => {
  it.skipIf(!canMountTmpfs)('a full disk: one clear line, exit 1, no partial record (database on a tiny tmpfs in a private mount namespace)', () => {
    box = sandbox();
    const mountpoint = join(box.dir, 'small');
    mkdirSync(mountpoint);
    const out = join(box.dir, 'out');
    mkdirSync(out);
    const db = join(mountpoint, 'one.db');
    // A new record's first write holds every schema step in its WAL, about half a megabyte; the filler takes the rest.
    const script = `
      set -u
      mount -t tmpfs -o size=1m tmpfs "$M" || exit 90
      node "$BIN" --db "$DB" log "Ana Ruiz" --note first > /dev/null 2> "$OUT/first.err"; echo $? > "$OUT/first.code"
      dd if=/dev/zero of="$M/filler" bs=4k 2> /dev/null
      node "$BIN" --db "$DB" log "Ben Ode" --note "second meeting" --ask come --outcome yes > /dev/null 2> "$OUT/full.err"; echo $? > "$OUT/full.code"
      rm "$M/filler"
      node "$BIN" --db "$DB" people --json > "$OUT/people.json" 2> "$OUT/people.err"
    `;
    const result = spawnSync('unshare', ['-rm', 'sh', '-c', script], {
      encoding: 'utf8',
      env: { ...box.env, M: mountpoint, DB: db, OUT: out, BIN, PATH: `${process.env.PATH}` },
      timeout: 60_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const read = (name: string) => readFileSync(join(out, name), 'utf8');
    expect(read('first.code').trim(), read('first.err')).toBe('0');
    expect(read('full.code').trim()).toBe('1');
    expectOneLineError(read('full.err'), /^oneonone: cannot use the database .*one\.db: (the disk is full|writing to the disk failed \(is the disk full\?\))$/);
    expect((JSON.parse(read('people.json')) as { name: string }[]).map(({ name }) => name)).toEqual(['Ana Ruiz']);
  });
});

describe('files that are not ours', () => {
  function untouched(prepare: (path: string) => void, expected: RegExp): void {
    box = sandbox();
    const path = join(box.dir, 'other.db');
    prepare(path);
    const before = readFileSync(path);
    for (const args of [['log', 'Ana Ruiz'], ['people'], ['forget', 'Ana Ruiz', '--yes'], ['backup', join(box.dir, 'copy.db')]]) {
      const result = box.run(['--db', path, ...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expectOneLineError(result.stderr, expected);
      expect(readFileSync(path).equals(before)).toBe(true);
      expect(existsSync(`${path}-wal`) || existsSync(join(box.dir, 'copy.db'))).toBe(false);
    }
  }

  it('a file that is not a database is refused and left byte for byte as it was', () => {
    untouched((path) => writeFileSync(path, 'name,email\nAna,ana@example.org\n'), /is not a oneonone database: it is not a SQLite database$/);
  });

  it('an unrelated SQLite database is refused and left byte for byte as it was', () => {
    untouched((path) => {
      const db = new Database(path);
      db.exec(`CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')`);
      db.close();
    }, /is not a oneonone database: it is a SQLite database made by another program$/);
  });

  it('a database from a newer oneonone is refused and left byte for byte as it was', () => {
    untouched((path) => {
      copyFileSync(join(ROOT, 'test/fixtures/schema-v1.db'), path);
      const db = new Database(path);
      db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
      db.pragma('journal_mode = DELETE');
      db.close();
    }, /was written by a newer version of oneonone \(schema \d+; this one knows up to \d+\)$/);
  });
});

describe('a database from an older schema', () => {
  it('the schema-1 fixture opens with its data intact and is migrated to the current version, keeping a private copy first', () => {
    box = sandbox();
    mkdirSync(join(box.dir, 'data'));
    copyFileSync(join(ROOT, 'test/fixtures/schema-v1.db'), box.db);
    const people = box.json<{ name: string; meetings: number }[]>(['people', '--json']);
    expect(people.map(({ name, meetings }) => [name, meetings])).toEqual([['Ana Ruiz', 1], ['Marcus Bell', 1], ['Zoë Okafor', 1]]);
    const ana = box.json<{ heard: { value: string[] }; asks: { text: string }[]; referrals: { name: string }[] }>(['show', 'Ana Ruiz', '--json']);
    expect(ana.heard.value).toEqual(["her kids' safety"]);
    expect(ana.asks.map(({ text }) => text)).toEqual(['come to the tenant meeting']);
    expect(ana.referrals.map(({ name }) => name)).toEqual(['Marcus Bell']);
    const db = new Database(box.db, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    const copies = readdirCopies(box);
    if (MIGRATIONS.length > 1) {
      expect(copies).toHaveLength(1);
      expect(statSync(copies[0]!).mode & 0o777).toBe(0o600);
      const kept = new Database(copies[0]!, { readonly: true });
      expect(kept.pragma('user_version', { simple: true })).toBe(1);
      kept.close();
    } else {
      expect(copies).toEqual([]); // nothing to migrate yet, so no copy
    }
    expect(runBin(['--version']).code).toBe(0);
  });
});

function readdirCopies(box: Sandbox): string[] {
  return spawnSync('ls', [join(box.dir, 'data')], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((name) => name.includes('.before-v'))
    .map((name) => join(box.dir, 'data', name));
}
