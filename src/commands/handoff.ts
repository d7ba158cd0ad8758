import { UserError } from '../support/errors.js';
import type { GlobalOptions } from './context.js';

export async function runHandoff(_person: string, _options: { to: string; note: string; keepOpen?: boolean }, _globals: GlobalOptions): Promise<void> {
  throw new UserError('handoff is not built yet', { hint: 'see oneonone handoff --help' });
}
