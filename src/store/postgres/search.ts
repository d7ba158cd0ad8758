import type { Query } from './client.js';

/** Not yet ported from the SQLite engine: every method is missing. */
export class PgSearch {
  constructor(readonly q: Query) {}
}
