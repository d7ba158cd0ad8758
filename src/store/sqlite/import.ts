import type { Statement } from 'better-sqlite3';
import type { KnownPerson } from '../../people/import.js';
import type { ImportLookup } from '../contract.js';
import { statementCache, type Db } from './db.js';

const COLUMNS = `id, name, email, phone, neighborhood, organization, notes, rung`;

/** Finding the people a spreadsheet row may mean. */
export class SqliteImportLookup implements ImportLookup {
  private readonly sql: (sql: string) => Statement;
  private phoneIndex?: Map<string, number>;

  constructor(db: Db) {
    this.sql = statementCache(db);
  }

  async byEmail(email: string): Promise<KnownPerson | undefined> {
    return this.sql(`SELECT ${COLUMNS} FROM people WHERE lower(email) = lower(?) ORDER BY id LIMIT 1`).get(email) as KnownPerson | undefined;
  }

  /** Phones are stored as typed ("(555) 010-0100", "+1 555 0100"), so they are compared by their digits, read once. */
  async byPhoneDigits(digits: string, digitsOf: (phone: string) => string | undefined): Promise<KnownPerson | undefined> {
    if (!this.phoneIndex) {
      this.phoneIndex = new Map();
      for (const { id, phone } of this.sql(`SELECT id, phone FROM people WHERE phone IS NOT NULL ORDER BY id`).iterate() as IterableIterator<{ id: number; phone: string }>) {
        const key = digitsOf(phone);
        if (key !== undefined && !this.phoneIndex.has(key)) this.phoneIndex.set(key, id);
      }
    }
    const id = this.phoneIndex.get(digits);
    return id === undefined ? undefined : (this.sql(`SELECT ${COLUMNS} FROM people WHERE id = ?`).get(id) as KnownPerson | undefined);
  }

  async byNameKey(key: string): Promise<KnownPerson[]> {
    return this.sql(`SELECT ${COLUMNS} FROM people WHERE name_key = ? ORDER BY id`).all(key) as KnownPerson[];
  }
}
