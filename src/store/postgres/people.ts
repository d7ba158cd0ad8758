import type { Query } from './client.js';

/** Not yet ported from the SQLite engine: every method is missing. */
export class PgPeople {
  constructor(readonly q: Query) {}
}
