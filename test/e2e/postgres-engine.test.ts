/**
 * The PostgreSQL engine against the run's throw-away cluster (test/support/global-setup.ts), through the built binary:
 * the schema is made once and refused when foreign, a reading command makes nothing, a server that is not there and a
 * wrong database give one line, and the password is never shown. Skipped where PostgreSQL is not installed; CI requires it.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/store/postgres/client.js';
import { migrate, schemaState } from '../../src/store/postgres/migrate.js';
import { urlFor } from '../support/postgres.js';
import { sandbox, type Sandbox } from './helpers.js';

const socketDir = process.env.ONEONONE_TEST_PG;
let admin: pg.Client;
let box: Sandbox;
let made = 0;

async function freshDatabase(): Promise<string> {
  const name = `engine_${process.pid}_${++made}`;
  await admin.query(`CREATE DATABASE ${name}`);
  return urlFor(socketDir!, name);
}

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map(({ t }) => t);
  } finally {
    await client.end();
  }
}

describe.skipIf(!socketDir)('the PostgreSQL engine', () => {
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: urlFor(socketDir!, 'postgres') });
    await admin.connect();
    box = sandbox();
  });
  afterAll(async () => {
    await admin?.end();
    box?.cleanup();
  });

  it('a reading command on an empty database reads nothing and makes nothing', async () => {
    const url = await freshDatabase();
    const result = box.run(['people', '--json', '--db', url]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(await tables(url)).toEqual([]);
  });

  it('a writing command makes the schema once, under its own migrations table; a second open changes nothing', async () => {
    const url = await freshDatabase();
    const first = box.run(['followups', '--cadence', 'leader=14', '--db', url]);
    expect(first.code, first.stderr).toBe(0);
    const made = await tables(url);
    expect(made).toEqual(expect.arrayContaining(['oneonone_migrations', 'people', 'meetings', 'notes', 'asks', 'followups', 'person_figures', 'changes', 'change_rows']));
    expect(box.run(['followups', '--cadence', '--json', '--db', url]).code).toBe(0);
    expect(await tables(url)).toEqual(made);
  });

  it('refuses a database that is not oneonone\'s, in one line, and leaves it as it was', async () => {
    const url = await freshDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE TABLE invoices (id int)`);
    await client.end();
    const result = box.run(['followups', '--cadence', 'leader=14', '--db', url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^oneonone: the PostgreSQL database at .* is not a oneonone database: it holds a table made by another program\nhint: /);
    expect(await tables(url)).toEqual(['invoices']);
  });

  it('a server that is not there is one line, exit 1, and never shows the password', () => {
    const url = `postgresql://organizer:s3cret-pw@/oneonone?host=${encodeURIComponent('/nonexistent-socket-dir')}`;
    const result = box.run(['people', '--db', url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^oneonone: cannot reach the PostgreSQL server at .*\nhint: /);
    expect(result.stderr).not.toContain('s3cret-pw');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a database that does not exist is one line naming what to do', () => {
    const result = box.run(['people', '--db', urlFor(socketDir!, 'no_such_database')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^oneonone: there is no database by that name at .*\nhint: create it first/);
  });

  it('eight processes making a new database at once all find it theirs: none sees the first one\'s tables as another program\'s', async () => {
    const refusals: string[] = [];
    for (let round = 0; round < 12; round++) {
      const url = await freshDatabase();
      const clients = await Promise.all(Array.from({ length: 8 }, () => connect(url)));
      try {
        const opened = await Promise.allSettled(clients.map(async (client) => migrate(client, 'the test server', await schemaState(client))));
        for (const result of opened) if (result.status === 'rejected') refusals.push(String(result.reason));
        expect((await schemaState(clients[0]!)).state).toBe('ours');
      } finally {
        await Promise.all(clients.map((client) => client.end()));
      }
    }
    expect(refusals).toEqual([]);
  });
});
