import type { AgendaKind } from '../../people/agenda.js';
import type { CompletionReadModel, OpenId } from '../contract-completion.js';
import { openIdsBy } from '../open-ids.js';
import type { Query } from './client.js';

/** What `followups --all` counts as open, per kind, as the SQLite engine's completion.ts. Row security decides whose. */
const OPEN: Record<AgendaKind, { table: string; open: string }> = {
  followup: { table: 'followups', open: 'x.done_at IS NULL' },
  ask: { table: 'asks', open: `x.checked_at IS NULL AND x.outcome IN ('yes', 'maybe') AND x.result IS NULL` },
  cadence: { table: 'people', open: 'true' },
};

/** A Tab's look-ups on a server: one statement for names, one per range of ids. */
export class PgCompletion implements CompletionReadModel {
  constructor(private readonly q: Query) {}

  async names(typedKey: string, limit: number): Promise<string[]> {
    const words = typedKey.split(' ').filter(Boolean).map((word) => word.replace(/[\\%_]/g, (c) => `\\${c}`));
    const start = words.length > 0 ? `${words.join('% ')}%` : '%';
    const rows = await this.q.rows<{ name: string }>(`
      SELECT (SELECT p.name FROM people p WHERE p.name_key = k.name_key ORDER BY p.id LIMIT 1) AS name
      FROM (SELECT DISTINCT name_key COLLATE "C" AS name_key FROM people
            WHERE name_key LIKE @start ESCAPE '\\' OR name_key LIKE @inner ESCAPE '\\'
            ORDER BY 1 LIMIT @limit) k
      ORDER BY k.name_key`, { start, inner: `% ${start}`, limit });
    return rows.map(({ name }) => name);
  }

  async openIds(typed: string, limit: number): Promise<OpenId[]> {
    return openIdsBy({
      maxId: async (kind) => (await this.q.row<{ id: number | null }>(`SELECT max(id) AS id FROM ${OPEN[kind].table}`))?.id ?? 0,
      openIn: (kind, low, high, most) => {
        const { table, open } = OPEN[kind];
        const person = kind === 'cadence' ? 'x.name' : '(SELECT p.name FROM people p WHERE p.id = x.person_id)';
        return this.q.rows<{ id: number; person: string }>(
          `SELECT x.id, ${person} AS person FROM ${table} x WHERE x.id BETWEEN $1 AND $2 AND ${open} ORDER BY x.id LIMIT $3`,
          [low, high, most],
        );
      },
    }, typed, limit);
  }
}
