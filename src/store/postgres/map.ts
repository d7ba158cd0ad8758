import type { MapReadModel, PowerMap } from '../contract-power.js';
import type { Query } from './client.js';

/** The power map (a helper writes it). */
export class PgMap implements MapReadModel {
  constructor(private readonly q: Query) {}

  async around(_start: readonly number[], _depth: number, _most: number): Promise<PowerMap> {
    void this.q;
    throw new Error('not yet');
  }

  async membersOf(_unitId: number): Promise<number[]> {
    void this.q;
    throw new Error('not yet');
  }
}
