/**
 * The engines the contract suite runs against. Each test file runs every test once per entry
 * (`describe.each(ENGINES)`). A new engine (e.g. PostgreSQL) adds an entry here: its `setup()` starts or
 * connects to what it needs once per test file and hands back a factory of fresh, empty locations (one per
 * test) and a `teardown()`; nothing else in the suite changes.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { urlFor } from '../support/postgres.js';

/** What an engine hands the suite once it is ready. */
export interface EngineSession {
  /**
   * A fresh location where no database exists yet, for one test. `dir` is that test's own empty temp folder
   * (removed after the test); an engine whose data does not live in files may ignore it (a database URL).
   */
  location(dir: string): string | Promise<string>;
  /** Whether anything at all exists at `location` yet (a file, a folder, a database, a schema). */
  created(location: string): boolean | Promise<boolean>;
  /** Called once after the engine's tests (drop databases, stop a server). */
  teardown(): Promise<void>;
}

export interface Engine {
  name: string;
  /** The record is a file on this machine: the suite checks its folder and file modes and the backup file's mode. */
  localFile: boolean;
  setup(): Promise<EngineSession>;
}

/** A SQLite file two folders down a fresh temp folder, so `write` has to make the folder. */
export const sqliteLocation = (dir: string): string => join(dir, 'data', 'oneonone.db');

let databases = 0;

/** A fresh, empty database on the run's cluster per test; dropped with the rest at the end of the file. */
async function postgresSession(socketDir: string): Promise<EngineSession> {
  const admin = new pg.Client({ connectionString: urlFor(socketDir, 'postgres') });
  await admin.connect();
  const made: string[] = [];
  return {
    location: async () => {
      const name = `contract_${process.pid}_${++databases}`;
      await admin.query(`CREATE DATABASE ${name}`);
      made.push(name);
      return urlFor(socketDir, name);
    },
    created: async (location) => {
      const client = new pg.Client({ connectionString: location });
      await client.connect();
      try {
        return (await client.query(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n !== '0';
      } finally {
        await client.end();
      }
    },
    teardown: async () => {
      for (const name of made) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

// On every run where the global setup started a cluster (CI insists on one: ONEONONE_REQUIRE_PG).
const POSTGRES: Engine[] = process.env.ONEONONE_TEST_PG
  ? [{ name: 'postgres', localFile: false, setup: () => postgresSession(process.env.ONEONONE_TEST_PG!) }]
  : [];

export const ENGINES: Engine[] = [
  {
    name: 'sqlite',
    localFile: true,
    setup: async () => ({
      location: sqliteLocation,
      created: (location) => existsSync(location) || existsSync(dirname(location)),
      teardown: async () => {},
    }),
  },
  ...POSTGRES,
];
