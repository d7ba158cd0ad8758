import { UserError } from '../support/errors.js';
import type { GlobalOptions } from './context.js';

// Being built (issue 17).
export async function run(_options: { json?: boolean }, _globals: GlobalOptions): Promise<void> {
  throw new UserError('doctor is not built yet');
}
