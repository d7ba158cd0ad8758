import type { SettingsRepository } from '../contract.js';
import type { Query } from './client.js';

export class PgSettings implements SettingsRepository {
  constructor(private readonly q: Query) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.q.row<{ value: string }>(`SELECT value FROM settings WHERE key = $1`, [key]))?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.q.run(`INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [key, value]);
  }
}
