import type { Statement } from 'better-sqlite3';
import type { SettingsRepository } from '../contract.js';
import { statementCache, type Db } from './db.js';

/** Small named settings the organizer chose (e.g. the cadence days), kept in the database with everything else. */
export class SqliteSettings implements SettingsRepository {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statementCache(db);
  }

  async get(key: string): Promise<string | undefined> {
    return (this.sql(`SELECT value FROM settings WHERE key = ?`).get(key) as { value: string } | undefined)?.value;
  }

  async set(key: string, value: string): Promise<void> {
    this.sql(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, value);
  }
}
