import type { Query } from './client.js';
import type { CompletionReadModel } from '../contract-completion.js';

// Being built (issue 17).
export class PgCompletion implements CompletionReadModel {
  constructor(private readonly q: Query) {}
  async names(_prefix: string, _limit: number): Promise<string[]> {
    return [];
  }
  async openIds(_limit: number): Promise<string[]> {
    return [];
  }
}
