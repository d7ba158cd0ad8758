import type { SearchHit, SearchQuery, SearchReadModel } from '../search.js';
import type { Db } from './db.js';

export class SqliteSearch implements SearchReadModel {
  constructor(private readonly db: Db) {}

  async find(_query: SearchQuery): Promise<SearchHit[]> {
    void this.db;
    return [];
  }
}
