import type { Statement } from 'better-sqlite3';
import type { KnownContact } from '../../people/import.js';
import type { ImportLookup } from '../contract.js';
import { statementCache, type Db } from './db.js';

const COLUMNS = `id, name, email, phone, neighborhood, organization, notes, rung`;

/** Finding the people a spreadsheet row may mean. */
export class SqliteImportLookup implements ImportLookup {
  private readonly sql: (sql: string) => Statement;
  private phoneIndex?: { changes: number; ids: Map<string, number> };

  constructor(db: Db) {
    this.sql = statementCache(db);
  }

  async byEmail(email: string): Promise<KnownContact | undefined> {
    return this.sql(`SELECT ${COLUMNS} FROM people WHERE lower(email) = lower(?) ORDER BY id LIMIT 1`).get(email) as KnownContact | undefined;
  }

  /**
   * Phones are stored as typed ("(555) 010-0100", "+1 555 0100"), so they are compared by their digits: read once,
   * and again only after something was written (an import plans every row before it writes any).
   */
  async byPhoneDigits(digits: string, digitsOf: (phone: string) => string | undefined): Promise<KnownContact | undefined> {
    const changes = this.sql(`SELECT total_changes() AS n`).pluck().get() as number;
    if (this.phoneIndex?.changes !== changes) {
      const ids = new Map<string, number>();
      for (const { id, phone } of this.sql(`SELECT id, phone FROM people WHERE phone IS NOT NULL ORDER BY id`).iterate() as IterableIterator<{ id: number; phone: string }>) {
        const key = digitsOf(phone);
        if (key !== undefined && !ids.has(key)) ids.set(key, id);
      }
      this.phoneIndex = { changes, ids };
    }
    const id = this.phoneIndex.ids.get(digits);
    return id === undefined ? undefined : (this.sql(`SELECT ${COLUMNS} FROM people WHERE id = ?`).get(id) as KnownContact | undefined);
  }

  async byNameKey(key: string): Promise<KnownContact[]> {
    return this.sql(`SELECT ${COLUMNS} FROM people WHERE name_key = ? ORDER BY id`).all(key) as KnownContact[];
  }
}
