import type { Db } from './db.js';
import type { CompletionReadModel } from '../contract-completion.js';

// Being built (issue 17).
export class SqliteCompletion implements CompletionReadModel {
  constructor(private readonly db: Db) {}
  async names(_prefix: string, _limit: number): Promise<string[]> {
    return [];
  }
  async openIds(_limit: number): Promise<string[]> {
    return [];
  }
}
