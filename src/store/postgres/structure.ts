import type { StructureReadModel, UnitStructure } from '../contract-power.js';
import type { Query } from './client.js';

/** The structure test (a helper writes it). */
export class PgStructure implements StructureReadModel {
  constructor(private readonly q: Query) {}

  async structure(_unitId: number | undefined, _since: string): Promise<UnitStructure[]> {
    void this.q;
    throw new Error('not yet');
  }
}
