import { UserError } from '../support/errors.js';
import type { GlobalOptions } from './context.js';

const NOT_YET = () => new UserError("the team's sensitive words are not built yet", { hint: 'see oneonone team --help' });

export async function runWordsList(_options: { json?: boolean }, _globals: GlobalOptions): Promise<void> {
  throw NOT_YET();
}

export async function runWordsAdd(_term: string, _globals: GlobalOptions): Promise<void> {
  throw NOT_YET();
}

export async function runWordsRemove(_term: string, _globals: GlobalOptions): Promise<void> {
  throw NOT_YET();
}
