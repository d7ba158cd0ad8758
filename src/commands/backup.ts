import { UserError } from '../support/errors.js';

export async function runBackup(..._args: unknown[]): Promise<void> {
  throw new UserError('oneonone backup is not built yet', { hint: 'see the README for what works today' });
}

export async function runRestore(..._args: unknown[]): Promise<void> {
  throw new UserError('oneonone restore is not built yet', { hint: 'see the README for what works today' });
}
