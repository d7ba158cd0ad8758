import { UserError } from '../support/errors.js';
import type { GlobalOptions } from './context.js';

/** Placeholder until the coach's notes land (another engineer's file). */
export async function run(_meeting: string, _options: { note: string; json?: boolean }, _globals: GlobalOptions): Promise<void> {
  throw new UserError('coaching notes need a team server', { hint: 'see docs/team.md' });
}
