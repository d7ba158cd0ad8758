import { UserError } from '../../support/errors.js';
import type { PgClient } from './client.js';
import { PG_MIGRATIONS } from './migrations.js';

/** Any number will do, as long as it is always the same: every oneonone process upgrading this database waits on it. */
const UPGRADE_LOCK = 0x6f6e6531;

export type SchemaState =
  | { state: 'empty' }
  | { state: 'ours'; applied: string[] }
  | { state: 'newer'; steps: string[] }
  | { state: 'foreign'; why: string };

/**
 * What the database holds, read without changing it: nothing, our schema (and how far), or someone else's tables.
 * Our own migrations table is looked for first: on a database oneonone made (nearly every open) the catalog is not scanned.
 */
export async function schemaState(client: PgClient): Promise<SchemaState> {
  const applied = await appliedSteps(client);
  if (applied === undefined) {
    const tables = await client.query<{ n: number }>(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema()`);
    const n = Number(tables.rows[0]?.n ?? 0);
    if (n === 0) return { state: 'empty' };
    return { state: 'foreign', why: `it holds ${n === 1 ? 'a table' : `${n} tables`} made by another program` };
  }
  const known = new Set(PG_MIGRATIONS.map(({ name }) => name));
  const newer = applied.filter((name) => !known.has(name));
  if (newer.length > 0) return { state: 'newer', steps: newer };
  return { state: 'ours', applied };
}

/** The steps recorded in oneonone_migrations, or undefined when there is no such table (asked first: inside a
 * transaction a failed query would abort it). */
async function appliedSteps(client: PgClient): Promise<string[] | undefined> {
  const table = await client.query<{ ours: boolean }>(`SELECT to_regclass('oneonone_migrations') IS NOT NULL AS ours`);
  if (!table.rows[0]?.ours) return undefined;
  return (await client.query<{ name: string }>(`SELECT name FROM oneonone_migrations ORDER BY name`)).rows.map(({ name }) => name);
}

/** Brings the schema up to date in one transaction, under a lock, so two processes never apply a step twice. */
export async function migrate(client: PgClient, where: string, known?: SchemaState): Promise<void> {
  const before = known ?? (await schemaState(client));
  refuseOthers(where, before);
  if (before.state === 'ours' && before.applied.length === PG_MIGRATIONS.length) return;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [UPGRADE_LOCK]);
    const now = await schemaState(client);
    refuseOthers(where, now);
    const applied = new Set(now.state === 'ours' ? now.applied : []);
    if (now.state === 'empty') await client.query(`CREATE TABLE oneonone_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    for (const step of PG_MIGRATIONS) {
      if (applied.has(step.name)) continue;
      if (step.sql.trim() !== '') await client.query(step.sql);
      await client.query(`INSERT INTO oneonone_migrations (name) VALUES ($1)`, [step.name]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function refuseOthers(where: string, state: SchemaState): void {
  if (state.state === 'foreign') {
    throw new UserError(`the PostgreSQL database at ${where} is not a oneonone database: ${state.why}`, {
      hint: 'point --db or ONEONONE_DB at an empty database (createdb oneonone) or one oneonone made',
    });
  }
  if (state.state === 'newer') {
    throw new UserError(`the PostgreSQL database at ${where} was upgraded by a newer oneonone (${state.steps.join(', ')})`, {
      hint: 'update oneonone on this computer to use it; nothing was changed',
    });
  }
}
