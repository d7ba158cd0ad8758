import type { MapReadModel, PowerMap } from '../contract-power.js';
import type { Db } from './db.js';

/** The power map (a helper writes it). */
export class SqliteMap implements MapReadModel {
  constructor(private readonly db: Db) {}

  async around(_start: readonly number[], _depth: number, _most: number): Promise<PowerMap> {
    void this.db;
    throw new Error('not yet');
  }

  async membersOf(_unitId: number): Promise<number[]> {
    void this.db;
    throw new Error('not yet');
  }
}
