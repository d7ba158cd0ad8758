import { UserError } from '../support/errors.js';
import type { GlobalOptions } from './context.js';

export async function runImportLocal(_file: string, _options: { dryRun?: boolean; json?: boolean }, _globals: GlobalOptions): Promise<void> {
  throw new UserError('team import-local is not built yet', { hint: 'see oneonone team import-local --help' });
}
