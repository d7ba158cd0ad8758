import { existsSync } from 'node:fs';
import { ENGINE, type Sandbox } from './helpers.js';

/** What person_figures must equal: the counts recomputed from the rows themselves ("brought in": first added through the referral). */
const RECOUNT = `
  SELECT p.id AS person_id,
    (SELECT count(*) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete') AS meetings,
    (SELECT max(held_at) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete') AS last_met,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id) AS asks_made,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.outcome = 'yes') AS asks_yes,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.result = 'kept') AS asks_kept,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.result = 'broken') AS asks_broken,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.outcome IN ('yes', 'maybe') AND a.result IS NULL AND a.checked_at IS NULL) AS open_asks,
    (SELECT count(*) FROM followups f WHERE f.person_id = p.id AND f.done_at IS NULL) AS open_followups,
    (SELECT count(*) FROM people r WHERE r.referred_by = p.id AND r.source = 'referral') AS referrals,
    (SELECT max(touched_at) FROM touches t WHERE t.person_id = p.id) AS last_touch
  FROM people p ORDER BY p.id`;

/** person_figures as kept by the engine's triggers, and as recounted from the rows, on the sandbox's database (either engine). */
export function figures(box: Sandbox): { kept: unknown[]; recounted: unknown[] } {
  return {
    kept: box.sql(`SELECT person_id, meetings, last_met, asks_made, asks_yes, asks_kept, asks_broken, open_asks, open_followups, referrals, last_touch
                   FROM person_figures ORDER BY person_id`),
    recounted: box.sql(RECOUNT),
  };
}

/** The tables of the sandbox's database: SQLite's own list, or those of the server's schema. */
export function tableNames(box: Sandbox): string[] {
  const list = ENGINE === 'postgres'
    ? `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`
    : `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`;
  return box.sql<{ name: string }>(list).map(({ name }) => name);
}

/** Whether a command made the database: the file, or (on a server, where the database is there before) any table in it. */
export function hasDatabase(box: Sandbox): boolean {
  return ENGINE === 'postgres' ? tableNames(box).length > 0 : existsSync(box.db);
}

/** Every row of every table as one text, rows sorted: a word left anywhere in the record shows in it, and any change does. */
export function allRows(box: Sandbox): string {
  return JSON.stringify(tableNames(box).map((table) => [table, box.sql(`SELECT * FROM "${table}"`).map((row) => JSON.stringify(row)).sort()]));
}

/**
 * On a server, where there are no bytes to compare: every table's rows, and where each id sequence stands (a refused
 * write could use up an id shown as #N, F N or A N) — but the undo journal's, unless asked: a refused labelled write
 * opens its change before it is refused, and no one sees those ids.
 */
export function serverState(box: Sandbox, options: { journalIds?: boolean } = {}): Record<string, unknown> {
  const hidden = options.journalIds ? '' : ` AND s.sequencename NOT IN ('changes_id_seq', 'change_rows_id_seq')`;
  const rows = box.sql<{ tbl: string; content: unknown }>([
    `SELECT '(sequences)' AS tbl, (SELECT json_agg(json_build_array(s.sequencename, s.last_value) ORDER BY s.sequencename)
       FROM pg_sequences s WHERE s.schemaname = current_schema()${hidden}) AS content`,
    ...tableNames(box).map((name) => `SELECT '${name}', (SELECT json_agg(r ORDER BY r::text) FROM "${name}" r)`),
  ].join(' UNION ALL '));
  return Object.fromEntries(rows.map(({ tbl, content }) => [tbl, content]));
}
