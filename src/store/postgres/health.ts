import type { Query } from './client.js';
import type { HealthReadModel } from '../contract-health.js';

// Being built (issue 17).
export class PgHealth implements HealthReadModel {
  constructor(private readonly q: Query) {}
  async schema(): Promise<{ found: number | string | null; expected: number | string }> {
    return { found: null, expected: 0 };
  }
  async integrity(): Promise<string[]> {
    return [];
  }
}
