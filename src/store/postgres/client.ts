import { existsSync, readlinkSync } from 'node:fs';
import pg from 'pg';
import pgpass from 'pgpass';
import { UserError } from '../../support/errors.js';
import { ServerUnreachable } from '../errors.js';
import { shownLocation } from '../server-location.js';

export { shownLocation };

const OID = { int8: 20, numeric: 1700, timestamptz: 1184, timestamp: 1114, date: 1082 } as const;

/** Values come back as the SQLite engine gives them: counts and ids as numbers, times as ISO-8601 UTC strings. */
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === OID.int8 || oid === OID.numeric) return (value: string) => Number(value);
    if (oid === OID.timestamptz) return (value: string) => new Date(value).toISOString();
    if (oid === OID.date) return (value: string) => value;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export type PgClient = pg.Client;

/**
 * One client per command, no pool. The session's time zone is this machine's, so "today" and local calendar days
 * are computed as the SQLite engine computes them.
 */
export async function connect(url: string): Promise<PgClient> {
  const zone = machineZone();
  // The session's time zone goes with the connection itself: no round trip before the first query.
  const client = new pg.Client({ connectionString: url, types, application_name: 'oneonone', connectionTimeoutMillis: 10_000, options: `-c TimeZone=${zone}` });
  // ~/.pgpass read by us: pg's own reading of it prints a deprecation warning on every command.
  if (client.password === null) {
    (client as unknown as { password: unknown }).password = () => new Promise((resolve) => pgpass((client as unknown as { connectionParameters: object }).connectionParameters, resolve));
  }
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionProblem(url, error);
  }
}

/**
 * The zone Node keeps local time in, found as it finds it (TZ, else the /etc/localtime link) without asking Intl:
 * the first Intl call loads ICU, about 20 ms of a command. Intl only when neither names a zone.
 */
export function machineZone(env: NodeJS.ProcessEnv = process.env, localtime = '/etc/localtime', zoneinfo = '/usr/share/zoneinfo'): string {
  const tz = env.TZ?.trim();
  const named = tz ? zoneNamed(tz, zoneinfo) : linkedZone(localtime);
  return named ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

/** TZ as Node reads it: a zone only when zoneinfo has it (not a file such as :/etc/localtime). */
function zoneNamed(tz: string, zoneinfo: string): string | undefined {
  return /^[\w+-]+(\/[\w+-]+)*$/.test(tz) && existsSync(`${zoneinfo}/${tz}`) ? tz : undefined;
}

function linkedZone(localtime: string): string | undefined {
  try {
    return /\/zoneinfo\/(.+)$/.exec(readlinkSync(localtime))?.[1];
  } catch {
    return undefined; // not a link (a copied file, or none): Intl knows
  }
}

/** What failed, in one line, without the password. */
export function connectionProblem(url: string, error: unknown): UserError {
  const where = shownLocation(url);
  const e = error as NodeJS.ErrnoException & { code?: string; message: string };
  const code = e.code ?? '';
  if (code === 'ECONNREFUSED' || code === 'ENOENT' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT' || /timeout/i.test(e.message)) {
    return new ServerUnreachable(`cannot reach the PostgreSQL server at ${where}`, 'is it running, and is the host, port or socket folder right?');
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new UserError(`cannot find the PostgreSQL server's host in ${where}`, { hint: 'check the host name in the URL' });
  if (code === '28P01' || code === '28000') return new UserError(`the PostgreSQL server at ${where} refused the login`, { hint: 'check the user and password (PGPASSWORD or ~/.pgpass)' });
  if (code === '3D000') return new UserError(`there is no database by that name at ${where}`, { hint: 'create it first, e.g. createdb oneonone' });
  if (/ssl|tls|certificate/i.test(e.message)) return new UserError(`the TLS connection to ${where} failed: ${e.message.replace(url, where)}`, { hint: 'check sslmode and the server certificate' });
  if (/client password must be a string/i.test(e.message)) {
    return new UserError(`the PostgreSQL server at ${where} asks for a password, and none was given`, { hint: 'put it in PGPASSWORD or ~/.pgpass (mode 0600), or in the URL' });
  }
  return new UserError(`cannot use the PostgreSQL database at ${where}: ${e.message.replace(url, where)}`);
}

/** `@name` parameters, as the SQLite engine's statements use them, turned into PostgreSQL's $1, $2, … */
export function named(sql: string, params: Record<string, unknown>): { text: string; values: unknown[] } {
  const order: string[] = [];
  const text = sql.replace(/(?<![:@\w])@(\w+)/g, (_, name: string) => {
    let at = order.indexOf(name);
    if (at < 0) at = order.push(name) - 1;
    return `$${at + 1}`;
  });
  return { text, values: order.map((name) => (params[name] === undefined ? null : params[name])) };
}

/** A query on the command's one client: rows as plain objects, `@name` or `$n` parameters. */
export interface Query {
  rows<T>(sql: string, params?: Record<string, unknown> | unknown[]): Promise<T[]>;
  row<T>(sql: string, params?: Record<string, unknown> | unknown[]): Promise<T | undefined>;
  run(sql: string, params?: Record<string, unknown> | unknown[]): Promise<number>;
}

export function queryOn(client: PgClient, where = 'the server'): Query {
  const exec = async (sql: string, params: Record<string, unknown> | unknown[] = []) => {
    const { text, values } = Array.isArray(params) ? { text: sql, values: params.map((v) => (v === undefined ? null : v)) } : named(sql, params);
    if (values.flat().some((value) => typeof value === 'string' && value.includes('\u0000'))) {
      throw new UserError('text with a NUL character (\\0) cannot be stored', { hint: 'take it out of what you typed or of the file' });
    }
    try {
      return await client.query(text, values);
    } catch (error) {
      if (lostConnection(error)) throw new ServerUnreachable(`lost the connection to the PostgreSQL server at ${where}`, 'nothing was half-written: the change was not made; try again when the server is back');
      throw refusedByTheTeam(error) ?? error;
    }
  };
  return {
    rows: async <T>(sql: string, params?: Record<string, unknown> | unknown[]) => (await exec(sql, params)).rows as T[],
    row: async <T>(sql: string, params?: Record<string, unknown> | unknown[]) => (await exec(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params?: Record<string, unknown> | unknown[]) => (await exec(sql, params)).rowCount ?? 0,
  };
}

/**
 * A refusal the team's own triggers and functions raise (insufficient privilege, worded for the organizer with a
 * leading "oneonone: "): the one line it already is, whichever statement met it.
 */
function refusedByTheTeam(error: unknown): UserError | undefined {
  const e = error as { code?: string; message?: string };
  if (e.code !== '42501' || !e.message?.startsWith('oneonone: ')) return undefined;
  return new UserError(e.message.slice('oneonone: '.length), { hint: "the team's roles decide it: ask the person's owner, your lead or the team's admin" });
}

/** The server went away under a query (shut down, restarted, the network dropped), as opposed to the query failing. */
function lostConnection(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (typeof e.code === 'string' && (/^(08|57P0)/.test(e.code) || ['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT'].includes(e.code))) return true;
  return /Connection terminated|not queryable|Client was closed/i.test(e.message ?? '');
}
