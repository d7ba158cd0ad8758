import { DomainError, UserError } from '../../support/errors.js';
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
  const seen = await firstLook(client);
  if (!seen.ours) {
    if (seen.tables === 0) return { state: 'empty' };
    return { state: 'foreign', why: `it holds ${seen.tables === 1 ? 'a table' : `${seen.tables} tables`} made by another program` };
  }
  const applied = (await client.query<{ name: string }>(`SELECT name FROM oneonone_migrations ORDER BY name`)).rows.map(({ name }) => name);
  const known = new Set(PG_MIGRATIONS.map(({ name }) => name));
  const newer = applied.filter((name) => !known.has(name));
  if (newer.length > 0) return { state: 'newer', steps: newer };
  return { state: 'ours', applied };
}

/**
 * Whether our migrations table is there, and how many tables there are, in one statement: one snapshot, so a
 * oneonone that commits the schema in between cannot make a new database look like another program's. The catalog is
 * counted only when our table is missing (nearly every open finds it). Both are read from pg_tables, not one of
 * them through to_regclass, whose catalog snapshot is not the statement's.
 */
async function firstLook(client: PgClient): Promise<{ ours: boolean; tables: number }> {
  const { rows } = await client.query<{ ours: boolean; tables: number | null }>(
    `SELECT ours, CASE WHEN ours THEN NULL ELSE (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()) END AS tables
       FROM (SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'oneonone_migrations') AS ours) AS look`,
  );
  return { ours: Boolean(rows[0]?.ours), tables: Number(rows[0]?.tables ?? 0) };
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
    throw new DomainError('database.not-ours', { place: where, server: true, why: state.why, restore: false });
  }
  if (state.state === 'newer') {
    throw new UserError(`the PostgreSQL database at ${where} was upgraded by a newer oneonone (${state.steps.join(', ')})`, {
      hint: 'update oneonone on this computer to use it; nothing was changed',
    });
  }
}
