import Database, { type Statement } from 'better-sqlite3';
import type { AgendaKind } from '../../people/agenda.js';
import type { CompletionReadModel, OpenId } from '../contract-completion.js';
import { openIdsBy } from '../open-ids.js';
import type { Db } from './db.js';

/**
 * db.ts APPLICATION_ID ("one1"), written again here: importing db.ts loads the migrations, more code than a Tab
 * reads (test/e2e/completion.test.ts checks the two agree).
 */
export const OUR_APPLICATION_ID = 0x6f6e6531;

/** A Tab that finds the file busy gives up at once rather than wait the ten seconds a command would. */
const BUSY_WAIT_MS = 200;

/**
 * What `followups --all` counts as open, per kind (as SqliteAgenda's lists with no end): the table its id is a row of,
 * and the condition. Every person has a cadence reminder.
 */
const OPEN: Record<AgendaKind, { table: string; open: string }> = {
  followup: { table: 'followups', open: 'x.done_at IS NULL' },
  ask: { table: 'asks', open: `x.checked_at IS NULL AND x.outcome IN ('yes', 'maybe') AND x.result IS NULL` },
  cadence: { table: 'people', open: '1 = 1' },
};

/** A Tab's look-ups: by index only, so the large database answers in milliseconds. */
export class SqliteCompletion implements CompletionReadModel {
  private readonly prepared = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private sql(text: string): Statement {
    let statement = this.prepared.get(text);
    if (!statement) this.prepared.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  /**
   * The keys are read from the people_name_key index alone (a scan of short keys, not of the people table), each
   * distinct key once, and then one row for each of at most `limit` keys: its first person's (min(id) from the same
   * index; ORDER BY id LIMIT 1 read every row with that key, sixty a key on the large benchmark database).
   */
  async names(typedKey: string, limit: number): Promise<string[]> {
    // GLOB, not LIKE: the keys are lower case already, and GLOB does not fold case for every key it reads.
    const words = typedKey.split(' ').filter(Boolean).map((word) => word.replace(/[*?[]/g, (c) => `[${c}]`));
    const start = words.length > 0 ? `${words.join('* ')}*` : '*';
    const rows = this.sql(`
      SELECT (SELECT name FROM people WHERE id = (SELECT min(id) FROM people INDEXED BY people_name_key WHERE name_key = k.name_key)) AS name
      FROM (SELECT DISTINCT name_key FROM people INDEXED BY people_name_key
            WHERE name_key GLOB @start OR name_key GLOB @inner
            ORDER BY name_key LIMIT @limit) k`).all({ start, inner: `* ${start}`, limit }) as { name: string }[];
    return rows.map(({ name }) => name);
  }

  async openIds(typed: string, limit: number): Promise<OpenId[]> {
    return openIdsBy({
      maxId: async (kind) => (this.sql(`SELECT max(id) AS id FROM ${OPEN[kind].table}`).get() as { id: number | null }).id ?? 0,
      openIn: async (kind, low, high, most) => {
        const { table, open } = OPEN[kind];
        const person = kind === 'cadence' ? 'x.name' : '(SELECT name FROM people WHERE id = x.person_id)';
        // NOT INDEXED: left to itself SQLite reads every open item through the open-items index and sorts them
        // (3 ms a range for asks on the large database); the primary key's range reads only the ids offered (0.06 ms).
        return this.sql(`SELECT x.id, ${person} AS person FROM ${table} x NOT INDEXED WHERE x.id BETWEEN ? AND ? AND ${open} ORDER BY x.id LIMIT ?`)
          .all(low, high, most) as { id: number; person: string }[];
      },
    }, typed, limit);
  }
}

/**
 * The file opened read-only, for one Tab: not upgraded, not switched to WAL, never created (the engine's open does all
 * three, and loads every repository). Undefined when the file is not ours; a newer schema is read as it is (read-only,
 * it cannot be harmed, and a query it no longer answers is a quiet Tab).
 */
export function openSqliteCompletion(path: string): (CompletionReadModel & { close(): void }) | undefined {
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_WAIT_MS });
  if (db.pragma('application_id', { simple: true }) !== OUR_APPLICATION_ID) {
    db.close();
    return undefined;
  }
  const completion = new SqliteCompletion(db);
  return { names: (key, limit) => completion.names(key, limit), openIds: (typed, limit) => completion.openIds(typed, limit), close: () => db.close() };
}
