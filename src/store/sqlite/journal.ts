import type { Statement } from 'better-sqlite3';
import type { ChangeLabel, ChangeRecord, JournalRepository } from '../contract.js';
import { UserError } from '../../support/errors.js';
import { sqliteCode, statementCache, type Db } from './db.js';
import { JOURNALED } from './migrations.js';

/** How many changes `undo` can reach back; older ones are dropped as new ones are made. */
export const KEPT_CHANGES = 200;

const CHANGE_COLUMNS = `id, kind, person_id AS personId, meeting_id AS meetingId, detail, made_at AS madeAt`;

/**
 * The undo journal. A labelled write opens a change; triggers (migration 006) then journal every row it touches,
 * as it was before; `undo` puts those rows back, newest first. Writes without a label (a live meeting's clock) are
 * not journaled: they belong to the meeting's own change, which `start` continues when the meeting ends.
 */
export class SqliteJournal implements JournalRepository {
  private readonly sql: (sql: string) => Statement;

  constructor(private readonly db: Db) {
    this.sql = statementCache(db);
  }

  open(label: ChangeLabel, now: string): number {
    const seq = (this.sql(`SELECT coalesce(max(seq), 0) + 1 AS seq FROM changes`).get() as { seq: number }).seq;
    const continued = label.meetingId == null ? undefined : (this.sql(`
      SELECT id FROM changes WHERE meeting_id = ? AND kind = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1`).get(label.meetingId, label.kind) as { id: number } | undefined);
    const id = continued
      ? (this.sql(`UPDATE changes SET seq = ?, made_at = ? WHERE id = ?`).run(seq, now, continued.id), continued.id)
      : Number(this.sql(`INSERT INTO changes (seq, kind, person_id, meeting_id, detail, made_at) VALUES (?, ?, ?, ?, ?, ?)`)
          .run(seq, label.kind, label.personId ?? null, label.meetingId ?? null, label.detail ? JSON.stringify(label.detail) : null, now).lastInsertRowid);
    this.sql(`INSERT INTO change_recording (change_id) VALUES (?)`).run(id);
    return id;
  }

  /**
   * Stops recording; the meeting and person it made are noted for its description. False when the change touched no
   * row: then it is no change, and the engine rolls the transaction back so the file is left byte for byte as it was.
   */
  close(id: number): boolean {
    this.sql(`DELETE FROM change_recording`).run();
    if (!this.sql(`SELECT 1 FROM change_rows WHERE change_id = ? LIMIT 1`).get(id)) return false;
    this.sql(`
      UPDATE changes SET meeting_id = coalesce(meeting_id,
        (SELECT row_id FROM change_rows WHERE change_id = @id AND tbl = 'meetings' AND op = 'insert' ORDER BY id LIMIT 1))
      WHERE id = @id`).run({ id });
    this.sql(`
      UPDATE changes SET person_id = coalesce(person_id, (SELECT person_id FROM meetings WHERE id = changes.meeting_id),
        (SELECT row_id FROM change_rows WHERE change_id = @id AND tbl = 'people' AND op = 'insert' ORDER BY id LIMIT 1))
      WHERE id = @id`).run({ id });
    this.sql(`DELETE FROM changes WHERE seq <= (SELECT seq FROM changes ORDER BY seq DESC LIMIT 1 OFFSET ?)`).run(KEPT_CHANGES);
    return true;
  }

  async latest(): Promise<ChangeRecord | undefined> {
    const row = this.sql(`SELECT ${CHANGE_COLUMNS} FROM changes WHERE undone_at IS NULL ORDER BY seq DESC LIMIT 1`).get() as
      | (Omit<ChangeRecord, 'detail'> & { detail: string | null })
      | undefined;
    return row && { ...row, detail: row.detail ? (JSON.parse(row.detail) as ChangeRecord['detail']) : null };
  }

  /** Every row the change touched, put back as it was, newest first; the figures' triggers follow each step. */
  async undo(id: number, now: string): Promise<void> {
    const rows = this.sql(`SELECT tbl, op, row_id AS rowId, old FROM change_rows WHERE change_id = ? ORDER BY id DESC`).all(id) as {
      tbl: string; op: 'insert' | 'update' | 'delete'; rowId: number; old: string | null;
    }[];
    this.db.pragma('defer_foreign_keys = ON');
    try {
      for (const row of rows) this.reverse(row.tbl, row.op, row.rowId, row.old);
    } catch (error) {
      if (!/^SQLITE_CONSTRAINT/.test(sqliteCode(error) ?? '')) throw error;
      throw new UserError('this change cannot be undone: what it changed has been changed again since', {
        hint: 'correct it by hand with oneonone edit or delete (see the ids with: oneonone show NAME)',
      });
    }
    this.sql(`DELETE FROM change_rows WHERE change_id = ?`).run(id);
    this.sql(`UPDATE changes SET undone_at = ? WHERE id = ?`).run(now, id);
  }

  /** After a forget nothing may remember the person, so the journal goes whole; a marker says why undo stops there. */
  async forgetHistory(now: string): Promise<void> {
    this.sql(`DELETE FROM change_rows`).run();
    this.sql(`DELETE FROM changes`).run();
    this.sql(`INSERT INTO changes (seq, kind, made_at) VALUES (1, 'forget', ?)`).run(now);
  }

  private reverse(table: string, op: 'insert' | 'update' | 'delete', rowId: number, old: string | null): void {
    const columns = JOURNALED[table];
    if (!columns) throw new Error(`no journal for ${table}`);
    if (op === 'insert') {
      this.sql(`DELETE FROM ${table} WHERE rowid = ?`).run(rowId);
      return;
    }
    const value = (column: string) => `json_extract(@old, '$."${column}"')`;
    if (op === 'update') {
      this.sql(`UPDATE ${table} SET ${columns.map((column) => `${column} = ${value(column)}`).join(', ')} WHERE rowid = @rowId`).run({ old, rowId });
      return;
    }
    // A table whose key is its rowid gets it back through that column; the others are given their rowid too.
    const withRowid = !columns.includes('id');
    const names = [...(withRowid ? ['rowid'] : []), ...columns];
    const values = [...(withRowid ? ['@rowId'] : []), ...columns.map(value)];
    this.sql(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${values.join(', ')})`).run({ old, rowId });
  }
}
