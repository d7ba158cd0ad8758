import Database from 'better-sqlite3';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { freshDatabase, psql } from '../support/postgres.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'oneonone.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Which engine the e2e suites run on: the local file, or (ONEONONE_E2E_ENGINE=postgres) the run's cluster. */
export const ENGINE: 'sqlite' | 'postgres' = process.env.ONEONONE_E2E_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** A private world for one test: its own database, config and data folders, and no colour or terminal. */
export interface Sandbox {
  dir: string;
  /** The database: a file path, or on the PostgreSQL run a fresh database's URL. */
  db: string;
  env: NodeJS.ProcessEnv;
  run(args: string[], options?: { input?: string; env?: NodeJS.ProcessEnv; timeout?: number }): RunResult;
  json<T = unknown>(args: string[]): T;
  /**
   * SQL on this sandbox's database, whichever engine the run is on, for what a test sets up or checks that no command
   * does (an old date, a recount). `?` parameters (inlined as literals on the server); rows of a SELECT/WITH come back,
   * times as ISO-8601 UTC strings on both engines. Write SQL both dialects read.
   */
  sql<T = Record<string, unknown>>(statement: string, params?: unknown[]): T[];
  cleanup(): void;
}

export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'oneonone-test-'));
  const db = ENGINE === 'postgres' ? serverDatabase() : join(dir, 'data', 'oneonone.db');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    LANG: 'C.UTF-8',
    TZ: process.env.TZ ?? 'UTC',
    XDG_DATA_HOME: join(dir, 'xdg-data'),
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    ONEONONE_DB: db,
    NO_COLOR: '1',
  };
  const box: Sandbox = {
    dir,
    db,
    env,
    run: (args, options = {}) => runBin(args, { env: { ...env, ...options.env }, input: options.input ?? '', timeout: options.timeout ?? 30_000 }),
    json: <T>(args: string[]) => {
      const result = box.run(args);
      if (result.code !== 0) throw new Error(`oneonone ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
      return JSON.parse(result.stdout) as T;
    },
    sql: <T>(statement: string, params: unknown[] = []) => (ENGINE === 'postgres' ? serverSql<T>(db, statement, params) : fileSql<T>(db, statement, params)),
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      if (ENGINE === 'postgres') dropServerDatabase(db);
    },
  };
  return box;
}

const READS = /^\s*(SELECT|WITH)\b/i;

function fileSql<T>(path: string, statement: string, params: unknown[]): T[] {
  const db = new Database(path);
  try {
    const prepared = db.prepare(statement);
    if (prepared.reader) return prepared.all(...params) as T[];
    prepared.run(...params);
    return [];
  } finally {
    db.close();
  }
}

/** A value as a SQL literal, for psql (which takes no parameters). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return `'${String(value).replaceAll("'", "''")}'`;
}

const PG_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+00:00$/;

function serverSql<T>(url: string, statement: string, params: unknown[]): T[] {
  let at = 0;
  const text = statement.replace(/\?/g, () => literal(params[at++]));
  const name = /\/([^/?]+)\?/.exec(url)![1]!;
  if (!READS.test(text)) {
    psql(process.env.ONEONONE_TEST_PG!, text, name);
    return [];
  }
  const json = psql(process.env.ONEONONE_TEST_PG!, `SET TIME ZONE 'UTC'; SELECT coalesce(json_agg(t), '[]') FROM (${text}) t`, name);
  return JSON.parse(json, (_, value: unknown) => (typeof value === 'string' && PG_TIME.test(value) ? new Date(value).toISOString() : value)) as T[];
}

function serverDatabase(): string {
  const socketDir = process.env.ONEONONE_TEST_PG;
  if (!socketDir) throw new Error('ONEONONE_E2E_ENGINE=postgres needs the cluster of the global setup (is PostgreSQL installed?)');
  return freshDatabase(socketDir, 'e2e');
}

function dropServerDatabase(url: string): void {
  const name = /\/([^/?]+)\?/.exec(url)?.[1];
  if (name) psql(process.env.ONEONONE_TEST_PG!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** Runs a command in the sandbox and fails the test, with its stderr, unless it exits 0. */
export function succeeded(box: Sandbox, args: string[]): RunResult {
  const result = box.run(args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

export function runBin(args: string[], options: SpawnSyncOptions = {}): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000, ...options });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

export function fileBytes(path: string): Buffer {
  return readFileSync(path);
}
