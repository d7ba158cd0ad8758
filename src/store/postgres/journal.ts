import type { ChangeLabel, ChangeRecord, JournalRepository } from '../contract.js';
import { UserError } from '../../support/errors.js';
import type { Query } from './client.js';
import { onTeam } from './on-team.js';
import { JOURNALED_KEYS } from './migrations.js';

/** The team's tables the journal keeps too (made by `team init`, not by a migration). */
export const TEAM_JOURNALED_KEYS: Readonly<Record<string, readonly string[]>> = { handoffs: ['id'] };

/** How many changes `undo` can reach back (as on SQLite). */
export const KEPT_CHANGES = 200;

const CHANGE_COLUMNS = `id, kind, person_id AS "personId", meeting_id AS "meetingId", detail, made_at AS "madeAt"`;

/**
 * The undo journal: a labelled write sets oneonone.change for its transaction and the journal_row trigger
 * (migrations.ts) records every row it touches; `undo` puts them back newest first. Ids are identities, never reused,
 * so a row put back always gets its own id.
 */
export class PgJournal implements JournalRepository {
  constructor(private readonly q: Query) {}

  async open(label: ChangeLabel, now: string): Promise<number> {
    const continued = label.meetingId == null ? undefined : await this.q.row<{ id: number }>(
      `SELECT id FROM changes WHERE meeting_id = $1 AND kind = $2 AND undone_at IS NULL ORDER BY id DESC LIMIT 1 FOR UPDATE`,
      [label.meetingId, label.kind],
    );
    const seq = `(SELECT coalesce(max(seq), 0) + 1 FROM changes)`;
    const id = continued
      ? (await this.q.run(`UPDATE changes SET seq = ${seq}, made_at = $2 WHERE id = $1`, [continued.id, now]), continued.id)
      : (await this.q.row<{ id: number }>(
          `INSERT INTO changes (seq, kind, person_id, meeting_id, detail, made_at) VALUES (${seq}, $1, $2, $3, $4, $5) RETURNING id`,
          [label.kind, label.personId ?? null, label.meetingId ?? null, label.detail ? JSON.stringify(label.detail) : null, now],
        ))!.id;
    await this.q.run(`SELECT set_config('oneonone.change', $1, true)`, [String(id)]);
    return id;
  }

  /** False when the change touched no row: the engine then rolls back, leaving nothing behind. */
  async close(id: number): Promise<boolean> {
    await this.q.run(`SELECT set_config('oneonone.change', '', true)`);
    if (!(await this.q.row(`SELECT 1 FROM change_rows WHERE change_id = $1 LIMIT 1`, [id]))) return false;
    await this.q.run(`
      UPDATE changes SET meeting_id = coalesce(meeting_id,
        (SELECT (row_key ->> 'id')::bigint FROM change_rows WHERE change_id = $1 AND tbl = 'meetings' AND op = 'insert' ORDER BY id LIMIT 1))
      WHERE id = $1`, [id]);
    await this.q.run(`
      UPDATE changes SET person_id = coalesce(person_id, (SELECT person_id FROM meetings WHERE id = changes.meeting_id),
        (SELECT (row_key ->> 'id')::bigint FROM change_rows WHERE change_id = $1 AND tbl = 'people' AND op = 'insert' ORDER BY id LIMIT 1))
      WHERE id = $1`, [id]);
    await this.q.run(`DELETE FROM changes WHERE seq <= (SELECT seq FROM changes ORDER BY seq DESC OFFSET $1 LIMIT 1)`, [KEPT_CHANGES]);
    return true;
  }

  async latest(): Promise<ChangeRecord | undefined> {
    const row = await this.q.row<Omit<ChangeRecord, 'detail'> & { detail: string | null }>(
      `SELECT ${CHANGE_COLUMNS} FROM changes WHERE undone_at IS NULL ORDER BY seq DESC LIMIT 1`,
    );
    return row && { ...row, detail: row.detail ? (JSON.parse(row.detail) as ChangeRecord['detail']) : null };
  }

  async undo(id: number, now: string): Promise<void> {
    const rows = await this.q.rows<{ tbl: string; op: 'insert' | 'update' | 'delete'; key: Record<string, unknown>; old: Record<string, unknown> | null }>(
      `SELECT tbl, op, row_key AS key, old FROM change_rows WHERE change_id = $1 ORDER BY id DESC`, [id],
    );
    try {
      for (const row of rows) await this.reverse(row.tbl, row.op, row.key, row.old);
    } catch (error) {
      if (!/^23/.test((error as { code?: string }).code ?? '')) throw error;
      throw new UserError('this change cannot be undone: what it changed has been changed again since', {
        hint: 'correct it by hand with oneonone edit or delete (see the ids with: oneonone show NAME)',
      });
    }
    await this.q.run(`DELETE FROM change_rows WHERE change_id = $1`, [id]);
    await this.q.run(`UPDATE changes SET undone_at = $2 WHERE id = $1`, [id, now]);
  }

  async forgetHistory(now: string): Promise<void> {
    if (await onTeam(this.q)) {
      await this.q.run(`SELECT team_erase_history($1)`, [now]);
      return;
    }
    await this.q.run(`DELETE FROM change_rows`);
    await this.q.run(`DELETE FROM changes`);
    await this.q.run(`INSERT INTO changes (seq, kind, made_at) VALUES (1, 'forget', $1)`, [now]);
  }

  /** A row put back from its JSON image: jsonb_populate_record gives it the table's own column types. */
  private async reverse(table: string, op: 'insert' | 'update' | 'delete', key: Record<string, unknown>, old: Record<string, unknown> | null): Promise<void> {
    const keys = JOURNALED_KEYS[table] ?? TEAM_JOURNALED_KEYS[table];
    if (!keys) throw new Error(`no journal for ${table}`);
    const where = keys.map((k, i) => `${k} = (($${i + 1})::jsonb ->> '${k}')::${k === 'key' ? 'text' : 'bigint'}`).join(' AND ');
    const keyParams = keys.map(() => JSON.stringify(key));
    if (op === 'insert') {
      await this.q.run(`DELETE FROM ${table} WHERE ${where}`, keyParams);
      return;
    }
    const image = `jsonb_populate_record(NULL::${table}, $${keys.length + 1}::jsonb)`;
    if (op === 'update') {
      const columns = Object.keys(old ?? {});
      await this.q.run(
        `UPDATE ${table} SET (${columns.join(', ')}) = (SELECT ${columns.map((c) => `r.${c}`).join(', ')} FROM ${image} AS r) WHERE ${where}`,
        [...keyParams, JSON.stringify(old)],
      );
      return;
    }
    await this.q.run(`INSERT INTO ${table} OVERRIDING SYSTEM VALUE SELECT * FROM jsonb_populate_record(NULL::${table}, $1::jsonb)`, [JSON.stringify(old)]);
  }
}
