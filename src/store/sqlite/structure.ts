import type { StructureReadModel, UnitStructure } from '../contract-power.js';
import type { Db } from './db.js';

/** The structure test (a helper writes it). */
export class SqliteStructure implements StructureReadModel {
  constructor(private readonly db: Db) {}

  async structure(_unitId: number | undefined, _since: string): Promise<UnitStructure[]> {
    void this.db;
    throw new Error('not yet');
  }
}
