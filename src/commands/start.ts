import { UserError } from '../support/errors.js';

export async function run(..._args: unknown[]): Promise<void> {
  throw new UserError('oneonone start is not built yet', { hint: 'see the README for what works today' });
}
