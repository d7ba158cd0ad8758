import { UserError } from '../support/errors.js';

export async function run(..._args: unknown[]): Promise<void> {
  throw new UserError('oneonone forget is not built yet', { hint: 'see the README for what works today' });
}
