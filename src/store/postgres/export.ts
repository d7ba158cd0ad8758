import type { ExportReadModel, ExportRows, ExportTable } from '../contract.js';
import type { Query } from './client.js';
import { onTeam } from './on-team.js';

/** One export sheet: its columns as [header, SQL], what they are read from, and the id its rows are paged by. */
interface Sheet {
  columns: readonly (readonly [string, string])[];
  from: string;
  id: string;
  /** A sheet of no one person's (units): not narrowed to the organizer's own people. */
  everyones?: boolean;
}

/** The note tags as meeting columns: [tag in the database, column header]. */
const TAG_COLUMNS: readonly [string, string][] = [
  ['value', 'values'], ['interest', 'interests'], ['motivation', 'motivations'], ['issue', 'issues'], ['skill', 'skills'],
  ['capacity', 'capacity'], ['story', 'stories_shared'], ['lead-in', 'lead_ins'], ['note', 'other_notes'],
];

const notesWithTag = (tag: string): string =>
  `(SELECT string_agg(n.text, ' | ' ORDER BY n.id) FROM notes n WHERE n.meeting_id = m.id AND n.tag = '${tag}')`;

/**
 * The same sheets as the SQLite engine's, column for column. organizer_talk_share is a fraction from 0 to 1;
 * actual_minutes is empty when the phases were not timed.
 */
const SHEETS: Record<ExportTable, Sheet> = {
  people: {
    columns: [
      ['id', 'p.id'], ['name', 'p.name'], ['rung', 'p.rung'], ['potential', 'p.potential'], ['assessment', 'nullif(p.assessment, 0)'],
      ['email', 'p.email'], ['phone', 'p.phone'], ['neighborhood', 'p.neighborhood'], ['organization', 'p.organization'],
      ['language', 'p.language'], ['interpreter', `CASE WHEN p.interpreter = 1 THEN 'yes' END`],
      ['units', `(SELECT string_agg(u.name, '; ' ORDER BY u.name_key COLLATE "C", u.id) FROM unit_members um JOIN units u ON u.id = um.unit_id
         WHERE um.person_id = p.id)`],
      ['notes', 'p.notes'], ['source', 'p.source'],
      ['referred_by', 'r.name'],
      ['meetings', `(SELECT count(*) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete')`],
      ['last_met', `(SELECT max(m.held_at) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete')`],
      ['added', 'p.created_at'],
    ],
    from: 'people p LEFT JOIN people r ON r.id = p.referred_by',
    id: 'p.id',
  },
  meetings: {
    columns: [
      ['id', 'm.id'], ['person', 'p.name'], ['date', 'm.held_at'], ['goal', 'm.goal'], ['template', 'm.template'], ['status', 'm.status'],
      ['planned_minutes', 'm.planned_minutes'],
      ['actual_minutes', '(SELECT round(sum(ph.actual_seconds) / 60.0, 1) FROM meeting_phases ph WHERE ph.meeting_id = m.id)'],
      ['organizer_talk_share', `(SELECT round(sum(ph.organizer_talk_seconds) * 1.0
         / nullif(sum(ph.organizer_talk_seconds) + sum(ph.other_talk_seconds), 0), 3) FROM meeting_phases ph WHERE ph.meeting_id = m.id)`],
      ['asks', `(SELECT string_agg(a.text || coalesce(' (' || a.outcome || ')', ''), ' | ' ORDER BY a.id) FROM asks a WHERE a.meeting_id = m.id)`],
      ['outcomes', `(SELECT string_agg(coalesce(a.outcome, 'no answer') || coalesce(', ' || a.result, ''), ' | ' ORDER BY a.id)
         FROM asks a WHERE a.meeting_id = m.id)`],
      ['rung_after', `(SELECT r.to_rung FROM rung_changes r WHERE r.person_id = m.person_id AND r.meeting_id = m.id
         ORDER BY r.changed_at DESC, r.id DESC LIMIT 1)`],
      ['agitation', 'm.agitation'],
      ...TAG_COLUMNS.map(([tag, header]) => [header, notesWithTag(tag)] as const),
    ],
    from: 'meetings m JOIN people p ON p.id = m.person_id',
    id: 'm.id',
  },
  asks: {
    columns: [
      ['id', 'a.id'], ['person', 'p.name'], ['meeting_id', 'a.meeting_id'], ['meeting_date', 'm.held_at'], ['ask', 'a.text'], ['due', 'a.due_at'],
      ['outcome', 'a.outcome'], ['result', 'a.result'], ['barriers', 'a.barriers'], ['support', 'a.support'], ['checked', 'a.checked_at'],
      ['created', 'a.created_at'],
    ],
    from: 'asks a JOIN people p ON p.id = a.person_id LEFT JOIN meetings m ON m.id = a.meeting_id',
    id: 'a.id',
  },
  // A default follow-up has no text of its own: the last two columns are for wording it, not for the sheet.
  followups: {
    columns: [
      ['id', 'f.id'], ['person', 'p.name'], ['meeting_id', 'f.meeting_id'], ['followup', 'f.text'], ['due', 'f.due_at'], ['done', 'f.done_at'],
      ['created', 'f.created_at'], ['_ask', 'fa.text'], ['_ask_outcome', 'fa.outcome'],
    ],
    from: 'followups f JOIN people p ON p.id = f.person_id LEFT JOIN asks fa ON fa.id = f.ask_id',
    id: 'f.id',
  },
  notes: {
    columns: [
      ['id', 'n.id'], ['person', 'p.name'], ['meeting_id', 'n.meeting_id'], ['meeting_date', 'm.held_at'], ['tag', 'n.tag'], ['note', 'n.text'],
      ['phase', 'n.phase_key'], ['created', 'n.created_at'],
    ],
    from: 'notes n JOIN people p ON p.id = n.person_id LEFT JOIN meetings m ON m.id = n.meeting_id',
    id: 'n.id',
  },
  touches: {
    columns: [
      ['id', 't.id'], ['person_id', 'p.id'], ['person', 'p.name'], ['by', 't.by'], ['note', 't.note'], ['date', 't.touched_at'], ['recorded', 't.created_at'],
    ],
    from: 'touches t JOIN people p ON p.id = t.person_id',
    id: 't.id',
  },
  relationships: {
    columns: [
      ['id', 'x.id'], ['person_id', 'p.id'], ['person', 'p.name'], ['kind', 'x.kind'], ['other_id', 'o.id'], ['other', 'o.name'], ['note', 'x.note'],
      ['since', 'x.created_at'], ['ended', 'x.ended_at'],
    ],
    from: 'relationships x JOIN people p ON p.id = x.person_id JOIN people o ON o.id = x.other_id',
    id: 'x.id',
  },
  // Not anyone's own: every organizer exports the team's units.
  units: {
    columns: [
      ['id', 'u.id'], ['name', 'u.name'], ['kind', 'u.kind'], ['size', 'u.size'],
      ['people', '(SELECT count(*)::int FROM unit_members m WHERE m.unit_id = u.id)'], ['added', 'u.created_at'],
    ],
    from: 'units u',
    id: 'u.id',
    everyones: true,
  },
};

/** Rows handed over at a time: enough to keep the CSV writer busy, few enough to stay small in memory. */
const BATCH = 500;

/**
 * Read-only: everything `export` writes, a batch at a time, each batch the rows after the last id seen (so memory
 * does not grow with the database and no cursor holds a transaction open on the command's one client).
 */
export class PgExports implements ExportReadModel {
  private whose: Promise<string> | undefined;

  constructor(private readonly q: Query) {}

  async rows(table: ExportTable): Promise<ExportRows> {
    const sheet = SHEETS[table];
    const mine = sheet.everyones ? '' : await this.scope();
    await this.audited(table, mine);
    return { columns: sheet.columns.map(([header]) => header), batches: this.batches(sheet, mine) };
  }

  async count(table: ExportTable): Promise<number> {
    const { from, everyones } = SHEETS[table];
    return (await this.q.row<{ n: number }>(`SELECT count(*) AS n FROM ${from} WHERE true ${everyones ? '' : await this.scope()}`))!.n;
  }

  /** On a team server the whole team's record is a lead's or an admin's to export; anyone else exports the people they own. */
  private scope(): Promise<string> {
    return (this.whose ??= (async () => {
      if (!(await onTeam(this.q))) return '';
      const whole = await this.q.row<{ whole: boolean }>(
        `SELECT coalesce(team_role() IN ('lead', 'admin') OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) AS whole`,
      );
      return whole?.whole ? '' : 'AND p.owner_id = team_me()';
    })());
  }

  private async audited(table: ExportTable, mine: string): Promise<void> {
    if (await onTeam(this.q)) {
      await this.q.run(`SELECT team_record_export($1)`, [`${table}: ${mine ? 'their own people' : 'the whole team'}`]);
    }
  }

  private async *batches({ columns, from, id }: Sheet, mine: string): AsyncIterable<unknown[][]> {
    const sql = `SELECT ${columns.map(([header, value]) => `${value} AS "${header}"`).join(', ')}
      FROM ${from} WHERE ${id} > $1 ${mine} ORDER BY ${id} LIMIT ${BATCH}`;
    let after = 0;
    for (;;) {
      const rows = await this.q.rows<Record<string, unknown>>(sql, [after]);
      if (rows.length > 0) yield rows.map((row) => columns.map(([header]) => row[header]));
      if (rows.length < BATCH) return;
      after = rows[rows.length - 1]!.id as number;
    }
  }
}
