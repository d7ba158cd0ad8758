import type { Query } from './client.js';

/** Not yet ported from the SQLite engine: every method is missing. */
export class PgLeaders {
  constructor(readonly q: Query) {}
}

export class PgLadder {
  constructor(readonly q: Query) {}
}
