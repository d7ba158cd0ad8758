import type { ExportReadModel, ExportRows, ExportTable } from '../contract.js';
import { openDatabase, type Db } from './db.js';

/** The note tags as meeting columns: [tag in the database, column header]. */
const TAG_COLUMNS: readonly [string, string][] = [
  ['value', 'values'], ['interest', 'interests'], ['motivation', 'motivations'], ['issue', 'issues'], ['skill', 'skills'],
  ['capacity', 'capacity'], ['story', 'stories_shared'], ['lead-in', 'lead_ins'], ['note', 'other_notes'],
];

function notesWithTag(tag: string, header: string): string {
  return `(SELECT group_concat(text, ' | ') FROM (SELECT n.text FROM notes n WHERE n.meeting_id = m.id AND n.tag = '${tag}' ORDER BY n.id)) AS "${header}"`;
}

/**
 * One row per meeting that a coordinator can read without joins. Plain SQL (no functions of ours), correlated
 * subqueries that each walk an index, so it streams from the first row and the sqlite3 shell can run it as is.
 * organizer_talk_share is a fraction from 0 to 1; actual_minutes is empty when the phases were not timed.
 */
export const MEETINGS_EXPORT_SQL = `
SELECT
  m.id AS id,
  p.name AS person,
  m.held_at AS date,
  m.goal AS goal,
  m.template AS template,
  m.status AS status,
  m.planned_minutes AS planned_minutes,
  (SELECT round(sum(ph.actual_seconds) / 60.0, 1) FROM meeting_phases ph WHERE ph.meeting_id = m.id) AS actual_minutes,
  (SELECT round(sum(ph.organizer_talk_seconds) * 1.0
                / nullif(sum(ph.organizer_talk_seconds) + sum(ph.other_talk_seconds), 0), 3)
     FROM meeting_phases ph WHERE ph.meeting_id = m.id) AS organizer_talk_share,
  (SELECT group_concat(t, ' | ') FROM (
     SELECT a.text || coalesce(' (' || a.outcome || ')', '') AS t FROM asks a WHERE a.meeting_id = m.id ORDER BY a.id)) AS asks,
  (SELECT group_concat(t, ' | ') FROM (
     SELECT coalesce(a.outcome, 'no answer') || coalesce(', ' || a.result, '') AS t FROM asks a WHERE a.meeting_id = m.id ORDER BY a.id)) AS outcomes,
  (SELECT r.to_rung FROM rung_changes r WHERE r.person_id = m.person_id AND r.meeting_id = m.id
     ORDER BY r.changed_at DESC, r.id DESC LIMIT 1) AS rung_after,
  m.agitation AS agitation,
  ${TAG_COLUMNS.map(([tag, header]) => notesWithTag(tag, header)).join(',\n  ')}
FROM meetings m
JOIN people p ON p.id = m.person_id
ORDER BY m.id`;

export const PEOPLE_EXPORT_SQL = `
SELECT
  p.id AS id,
  p.name AS name,
  p.rung AS rung,
  p.potential AS potential,
  nullif(p.assessment, 0) AS assessment,
  p.email AS email,
  p.phone AS phone,
  p.neighborhood AS neighborhood,
  p.organization AS organization,
  p.language AS language,
  CASE WHEN p.interpreter = 1 THEN 'yes' END AS interpreter,
  (SELECT group_concat(name, '; ') FROM (
     SELECT u.name FROM unit_members um JOIN units u ON u.id = um.unit_id WHERE um.person_id = p.id ORDER BY u.name_key, u.id)) AS units,
  p.notes AS notes,
  p.source AS source,
  r.name AS referred_by,
  (SELECT count(*) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete') AS meetings,
  (SELECT max(m.held_at) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete') AS last_met,
  p.created_at AS added
FROM people p
LEFT JOIN people r ON r.id = p.referred_by
ORDER BY p.id`;

export const ASKS_EXPORT_SQL = `
SELECT
  a.id AS id,
  p.name AS person,
  a.meeting_id AS meeting_id,
  m.held_at AS meeting_date,
  a.text AS ask,
  a.due_at AS due,
  a.outcome AS outcome,
  a.result AS result,
  a.barriers AS barriers,
  a.support AS support,
  a.checked_at AS checked,
  a.created_at AS created
FROM asks a
JOIN people p ON p.id = a.person_id
LEFT JOIN meetings m ON m.id = a.meeting_id
ORDER BY a.id`;

/** A default follow-up has no text of its own: the last two columns are for wording it, not for the sheet. */
export const FOLLOWUPS_EXPORT_SQL = `
SELECT
  f.id AS id,
  p.name AS person,
  f.meeting_id AS meeting_id,
  f.text AS followup,
  f.due_at AS due,
  f.done_at AS done,
  f.created_at AS created,
  fa.text AS _ask,
  fa.outcome AS _ask_outcome
FROM followups f
JOIN people p ON p.id = f.person_id
LEFT JOIN asks fa ON fa.id = f.ask_id
ORDER BY f.id`;

export const NOTES_EXPORT_SQL = `
SELECT
  n.id AS id,
  p.name AS person,
  n.meeting_id AS meeting_id,
  m.held_at AS meeting_date,
  n.tag AS tag,
  n.text AS note,
  n.phase_key AS phase,
  n.created_at AS created
FROM notes n
JOIN people p ON p.id = n.person_id
LEFT JOIN meetings m ON m.id = n.meeting_id
ORDER BY n.id`;

/** Contacts that were not one-on-ones. person_id tells apart two people of one name when read back into the same record. */
export const TOUCHES_EXPORT_SQL = `
SELECT t.id AS id, p.id AS person_id, p.name AS person, t.by AS by, t.note AS note, t.touched_at AS date, t.created_at AS recorded
FROM touches t
JOIN people p ON p.id = t.person_id
ORDER BY t.id`;

/** Who knows whom, ended ones too; for 'leads', person leads other. */
export const RELATIONSHIPS_EXPORT_SQL = `
SELECT x.id AS id, p.id AS person_id, p.name AS person, x.kind AS kind, o.id AS other_id, o.name AS other, x.note AS note,
       x.created_at AS since, x.ended_at AS ended
FROM relationships x
JOIN people p ON p.id = x.person_id
JOIN people o ON o.id = x.other_id
ORDER BY x.id`;

export const UNITS_EXPORT_SQL = `
SELECT u.id AS id, u.name AS name, u.kind AS kind, u.size AS size, (SELECT count(*) FROM unit_members m WHERE m.unit_id = u.id) AS people,
       u.created_at AS added
FROM units u
ORDER BY u.id`;

export const EXPORT_SQL: Record<ExportTable, string> = {
  people: PEOPLE_EXPORT_SQL,
  meetings: MEETINGS_EXPORT_SQL,
  asks: ASKS_EXPORT_SQL,
  followups: FOLLOWUPS_EXPORT_SQL,
  notes: NOTES_EXPORT_SQL,
  touches: TOUCHES_EXPORT_SQL,
  relationships: RELATIONSHIPS_EXPORT_SQL,
  units: UNITS_EXPORT_SQL,
};

/** Rows handed over at a time: enough to keep the CSV writer busy, few enough to stay small in memory. */
const BATCH = 500;

/** Read-only: everything `export` writes, streamed straight from SQLite. */
export class SqliteExports implements ExportReadModel {
  private reader?: Db;

  /** `file`: the database's own file, read through a connection of its own so writes can go on during an export. */
  constructor(private readonly db: Db, private readonly file: string | undefined) {}

  async rows(table: ExportTable): Promise<ExportRows> {
    this.reader ??= this.file === undefined ? this.db : openDatabase(this.file, { readonly: true, create: false });
    const statement = this.reader.prepare(EXPORT_SQL[table]).raw(true);
    const columns = statement.columns().map((column) => column.name);
    return { columns, batches: batchesOf(statement.iterate() as IterableIterator<unknown[]>) };
  }

  async count(table: ExportTable): Promise<number> {
    return (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }

  close(): void {
    if (this.reader !== undefined && this.reader !== this.db && this.reader.open) this.reader.close();
  }
}

async function* batchesOf(rows: IterableIterator<unknown[]>): AsyncIterable<unknown[][]> {
  let batch: unknown[][] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
