import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';

/** Small named settings the organizer chose (e.g. the cadence days), kept in the database with everything else. */
export class SettingsStore {
  private readonly select: Statement<[string], { value: string }>;
  private readonly upsert: Statement<[string, string]>;

  constructor(db: Db) {
    this.select = db.prepare(`SELECT value FROM settings WHERE key = ?`);
    this.upsert = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  }

  get(key: string): string | undefined {
    return this.select.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.upsert.run(key, value);
  }
}
