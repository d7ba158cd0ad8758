import type { Db } from './db.js';
import type { HealthReadModel } from '../contract-health.js';

// Being built (issue 17).
export class SqliteHealth implements HealthReadModel {
  constructor(private readonly db: Db) {}
  async schema(): Promise<{ found: number | string | null; expected: number | string }> {
    return { found: null, expected: 0 };
  }
  async integrity(): Promise<string[]> {
    return [];
  }
}
