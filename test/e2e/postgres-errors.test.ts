/**
 * What goes wrong between oneonone and a PostgreSQL server, through the built binary: a server that is down, a login
 * the server refuses (on a private cluster that requires passwords), a database that is not oneonone's or was upgraded
 * by a newer oneonone, a database that does not exist. Each is one `oneonone:` line and one `hint:` line, exit 1,
 * nothing on stdout, no stack trace, nothing changed, and never a password. Skipped where PostgreSQL is not installed.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, psql, startCluster, urlFor, type Cluster } from '../support/postgres.js';
import { sandbox, type RunResult, type Sandbox } from './helpers.js';

const socketDir = process.env.ONEONONE_TEST_PG;
const RIGHT = 'Right-pw-7f3a9c';
const WRONG = 'Wrong-pw-2b8e41';
const TWO_LINES = /^oneonone: [^\n]+\nhint: [^\n]+\n$/;
let box: Sandbox;

/** The one failure every case must look like: the `oneonone:` line given, a hint, exit 1, nothing else. */
function expectOneLine(result: RunResult, line: string): void {
  expect(result.stderr).toMatch(TWO_LINES);
  expect(result.stderr.split('\n')[0]).toBe(line);
  expect(result.stdout).toBe('');
  expect(result.code, result.stderr).toBe(1);
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function nameOf(url: string): string {
  return /\/([^/?]+)\?/.exec(url)![1]!;
}

function tables(url: string): string[] {
  return psql(socketDir!, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`, nameOf(url)).split('\n').filter(Boolean);
}

describe.skipIf(!socketDir)('PostgreSQL failures, one line each', () => {
  beforeAll(() => {
    box = sandbox();
  });
  afterAll(() => box?.cleanup());

  it('the one-line check fails on a stack trace, a second line or another exit code, so the checks below can fail', () => {
    const line = 'oneonone: it went wrong';
    expect(() => expectOneLine({ code: 1, stdout: '', stderr: `${line}\nhint: x\n    at main (cli.js:1:1)\n` }, line)).toThrow();
    expect(() => expectOneLine({ code: 1, stdout: '', stderr: `${line}\n` }, line)).toThrow();
    expect(() => expectOneLine({ code: 2, stdout: '', stderr: `${line}\nhint: x\n` }, line)).toThrow();
    expect(() => expectOneLine({ code: 1, stdout: '', stderr: `${line}\nhint: x\n` }, line)).not.toThrow();
  });

  it('a server that is down: a socket folder where no server runs', () => {
    const empty = mkdtempSync(join(tmpdir(), 'oneonone-no-server-'));
    try {
      const url = urlFor(empty, 'oneonone');
      for (const args of [['people', '--json'], ['followups'], ['show', 'Ana Ruiz'], ['followups', '--cadence', 'leader=14']]) {
        expectOneLine(box.run([...args, '--db', url]), `oneonone: cannot reach the PostgreSQL server at ${url}`);
      }
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('a database name that does not exist', () => {
    const url = urlFor(socketDir!, `missing_${process.pid}`);
    expectOneLine(box.run(['people', '--db', url]), `oneonone: there is no database by that name at ${url}`);
    expectOneLine(box.run(['followups', '--cadence', 'leader=14', '--db', url]), `oneonone: there is no database by that name at ${url}`);
    expect(psql(socketDir!, `SELECT count(*) FROM pg_database WHERE datname = 'missing_${process.pid}'`)).toBe('0');
  });

  it('a database with some other table in it is not oneonone\'s: refused, and nothing is created', () => {
    const url = freshDatabase(socketDir!, 'foreign');
    psql(socketDir!, `CREATE TABLE invoices (id int PRIMARY KEY, total numeric); INSERT INTO invoices VALUES (1, 9.5)`, nameOf(url));
    const line = `oneonone: the PostgreSQL database at ${url} is not a oneonone database: it holds a table made by another program`;
    for (const args of [['people', '--json'], ['log', 'Ana Ruiz', '--value', 'family'], ['followups', '--cadence', 'leader=14']]) {
      expectOneLine(box.run([...args, '--db', url]), line);
    }
    expect(tables(url)).toEqual(['invoices']);
    expect(psql(socketDir!, `SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`, nameOf(url))).toBe('1');
  });

  it('a database a newer oneonone upgraded is refused, and left as it was', () => {
    const url = freshDatabase(socketDir!, 'newer');
    const made = box.run(['log', 'Ana Ruiz', '--value', 'family', '--db', url]);
    expect(made.code, made.stderr).toBe(0);
    psql(socketDir!, `INSERT INTO oneonone_migrations (name) VALUES ('9999-from-a-newer-oneonone')`, nameOf(url));
    const before = psql(socketDir!, `SELECT (SELECT count(*) FROM meetings) || '/' || (SELECT string_agg(name, ',' ORDER BY name) FROM oneonone_migrations)`, nameOf(url));
    for (const args of [['log', 'Ana Ruiz', '--value', 'work'], ['people', '--json'], ['followups']]) {
      const result = box.run([...args, '--db', url]);
      expectOneLine(result, result.stderr.split('\n')[0]!);
      expect(result.stderr).toMatch(new RegExp(`^oneonone: the PostgreSQL database at ${escaped(url)} .*newer oneonone \\(9999-from-a-newer-oneonone\\)`));
    }
    expect(psql(socketDir!, `SELECT (SELECT count(*) FROM meetings) || '/' || (SELECT string_agg(name, ',' ORDER BY name) FROM oneonone_migrations)`, nameOf(url))).toBe(before);
  });
});

describe.skipIf(!socketDir)('a server that requires a password', () => {
  let cluster: Cluster;
  let url: string;
  let home: Sandbox;

  beforeAll(async () => {
    cluster = startCluster({ password: RIGHT });
    url = cluster.url('oneonone');
    const admin = new pg.Client({ connectionString: withPassword(RIGHT, cluster.url('postgres')) });
    await admin.connect();
    await admin.query('CREATE DATABASE oneonone');
    await admin.end();
    home = sandbox();
  }, 60_000);
  afterAll(() => {
    home?.cleanup();
    cluster?.stop();
  });

  function withPassword(password: string, to = url): string {
    return to.replace('postgresql://postgres@', `postgresql://postgres:${encodeURIComponent(password)}@`);
  }

  function expectNoPassword(result: RunResult): void {
    for (const secret of [RIGHT, WRONG]) {
      expect(result.stdout).not.toContain(secret);
      expect(result.stderr).not.toContain(secret);
    }
  }

  it('the cluster really refuses a login without the password, so the checks below can fail', async () => {
    const client = new pg.Client({ connectionString: withPassword(WRONG) });
    await expect(client.connect()).rejects.toMatchObject({ code: '28P01' });
  });

  it('a wrong password in the URL, or in PGPASSWORD, is one line and is shown nowhere', () => {
    const refused = `oneonone: the PostgreSQL server at ${url} refused the login`;
    for (const [args, env] of [
      [['people', '--json', '--db', withPassword(WRONG)], {}],
      [['log', 'Ana Ruiz', '--value', 'family', '--db', withPassword(WRONG)], {}],
      [['people', '--json', '--db', url], { PGPASSWORD: WRONG }],
      [['people', '--json'], { ONEONONE_DB: withPassword(WRONG) }],
    ] as [string[], NodeJS.ProcessEnv][]) {
      const result = home.run(args, { env });
      expectOneLine(result, refused);
      expectNoPassword(result);
    }
  });

  it('a wrong password keeps nothing on this computer to send later: a refused login is not a server that is away', () => {
    const result = home.run(['log', 'Bea Lin', '--value', 'faith', '--db', withPassword(WRONG)]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('kept');
    const push = home.run(['push', '--db', url], { env: { PGPASSWORD: RIGHT } });
    expect(push.stderr).toBe('Nothing is waiting to be sent.\n');
    expect(home.json(['people', '--json', '--db', withPassword(RIGHT)])).toEqual([]);
  });

  function withPgpass<T>(body: () => T): T {
    const pgpass = join(home.dir, '.pgpass');
    writeFileSync(pgpass, `${cluster.socketDir}:5432:oneonone:postgres:${RIGHT}\n`, { mode: 0o600 });
    chmodSync(pgpass, 0o600);
    try {
      return body();
    } finally {
      rmSync(pgpass, { force: true });
    }
  }

  it('the right password works from the URL, from PGPASSWORD and from ~/.pgpass (mode 0600), and is shown nowhere', () => {
    const logged = home.run(['log', 'Ana Ruiz', '--value', 'family', '--db', withPassword(RIGHT)]);
    expect(logged.code, logged.stderr).toBe(0);
    expectNoPassword(logged);
    const names = (result: RunResult) => (JSON.parse(result.stdout) as { name: string }[]).map(({ name }) => name);

    const viaEnv = home.run(['people', '--json', '--db', url], { env: { PGPASSWORD: RIGHT } });
    expect(viaEnv.code, viaEnv.stderr).toBe(0);
    expect(names(viaEnv)).toEqual(['Ana Ruiz']);
    expect(viaEnv.stderr).toBe('');
    expectNoPassword(viaEnv);

    const viaFile = withPgpass(() => home.run(['people', '--json', '--db', url]));
    expect(viaFile.code, viaFile.stderr).toBe(0);
    expect(names(viaFile)).toEqual(['Ana Ruiz']);
    expectNoPassword(viaFile);
  });

  it('without ~/.pgpass nor PGPASSWORD the same URL is refused: the file above is what logged in', () => {
    const result = home.run(['people', '--json', '--db', url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^oneonone: [^\n]+\n/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expectNoPassword(result);
  });

  // pg's own ~/.pgpass lookup prints a DeprecationWarning on every command; client.ts reads ~/.pgpass itself.
  it('a login from ~/.pgpass prints nothing on stderr', () => {
    const viaFile = withPgpass(() => home.run(['people', '--json', '--db', url]));
    expect(viaFile.code, viaFile.stderr).toBe(0);
    expect(viaFile.stderr).toBe('');
  });

  // Left to pg, the line would be "SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string", with no hint.
  it('no password at all is one line saying the server wants one, with a hint', () => {
    const result = home.run(['people', '--json', '--db', url]);
    expect(result.stderr).toMatch(TWO_LINES);
    expect(result.stderr).not.toContain('SASL');
    expect(result.stderr.split('\n')[0]).toMatch(new RegExp(`^oneonone: the PostgreSQL server at ${escaped(url)} `));
    expect(result.code).toBe(1);
  });
});
