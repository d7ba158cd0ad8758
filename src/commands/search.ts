import type { GlobalOptions } from './context.js';

export interface SearchOptions {
  tag?: string;
  limit?: number;
  json?: boolean;
}

export async function run(_words: string[], _options: SearchOptions, _globals: GlobalOptions): Promise<void> {
  throw new Error('search: not built yet');
}
