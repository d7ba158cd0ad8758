/**
 * A team on the run's real PostgreSQL cluster, for the team suites: a database of the suite's own, its logins (which
 * are the cluster's, shared by every database on it, so each suite prefixes its own), the CLI run as any of them,
 * and raw connections as any of them, to show what the database itself allows.
 */
import pg from 'pg';
import { expect } from 'vitest';
import { urlFor } from '../support/postgres.js';
import { sandbox, type RunResult, type Sandbox } from './helpers.js';

export const socketDir = process.env.ONEONONE_TEST_PG;

export interface TeamServer {
  /** The login of an organizer of this suite ("ana" → ana_1234). */
  login(who: string): string;
  /** The URL as that login; undefined: the superuser. */
  as(who?: string): string;
  cli(who: string | undefined, args: string[]): RunResult;
  /** The command's stdout, after checking it succeeded. */
  ok(who: string | undefined, args: string[]): string;
  raw<T = Record<string, unknown>>(who: string | undefined, sql: string, params?: unknown[]): Promise<T[]>;
  readonly box: Sandbox;
  cleanup(): void;
}

/** A new database named `<name>_<pid>` with logins `<prefix><who>_<pid>`. */
export async function teamServer(name: string, loginPrefix = ''): Promise<TeamServer> {
  const database = `${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: urlFor(socketDir!, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const box = sandbox();
  const login = (who: string) => `${loginPrefix}${who}_${process.pid}`;
  const as = (who?: string) => urlFor(socketDir!, database).replace('postgresql://postgres@', `postgresql://${who ? login(who) : 'postgres'}@`);
  const cli = (who: string | undefined, args: string[]) => box.run(args, { env: { ONEONONE_DB: as(who) } });
  return {
    login, as, cli, box,
    ok(who, args) {
      const result = cli(who, args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      return result.stdout;
    },
    async raw<T>(who: string | undefined, sql: string, params: unknown[] = []): Promise<T[]> {
      const client = new pg.Client({ connectionString: as(who) });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    cleanup: () => box.cleanup(),
  };
}
