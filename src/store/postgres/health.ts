import type { HealthReadModel, RecordAsIs, SchemaFound } from '../contract-health.js';
import { connect, queryOn, shownLocation, type Query } from './client.js';
import { PG_MIGRATIONS } from './migrations.js';

export class PgHealth implements HealthReadModel {
  constructor(private readonly q: Query) {}

  /**
   * Read as migrate.ts reads it (our migrations table, by name). The steps are numbered as SQLite's versions are
   * (007-schema holds SQLite's first seven), so found is the number of the last step applied before the first missing.
   */
  async schema(): Promise<SchemaFound> {
    const expected = versionOf(PG_MIGRATIONS.at(-1)!.name);
    const look = await this.q.row<{ ours: boolean; tables: number }>(
      `SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'oneonone_migrations') AS ours,
              (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()) AS tables`,
    );
    if (!look?.ours) {
      const tables = Number(look?.tables ?? 0);
      const foreign = tables === 0 ? undefined : `it holds ${tables === 1 ? 'a table' : `${tables} tables`} made by another program`;
      return { found: null, expected, newer: false, foreign };
    }
    const applied = new Set((await this.q.rows<{ name: string }>(`SELECT name FROM oneonone_migrations`)).map(({ name }) => name));
    const known = new Set(PG_MIGRATIONS.map(({ name }) => name));
    const missing = PG_MIGRATIONS.findIndex(({ name }) => !applied.has(name));
    const found = missing === -1 ? expected : missing === 0 ? 0 : versionOf(PG_MIGRATIONS[missing - 1]!.name);
    return { found, expected, newer: [...applied].some((name) => !known.has(name)) };
  }

  /** A server keeps its own pages whole (checksums, WAL replay); what oneonone could check there, the schema says. */
  async integrity(): Promise<string[]> {
    return [];
  }
}

/** Connects (a stopped server throws ServerUnreachable, in one line) and reads; never migrates. */
export async function openServerAsIs(url: string): Promise<RecordAsIs> {
  const client = await connect(url);
  return {
    health: new PgHealth(queryOn(client, shownLocation(url))),
    close: async () => {
      await client.end().catch(() => undefined);
    },
  };
}

const versionOf = (step: string) => Number.parseInt(step, 10);
