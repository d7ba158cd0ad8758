import { UserError } from '../support/errors.js';

export async function runDone(..._args: unknown[]): Promise<void> {
  throw new UserError('oneonone done is not built yet', { hint: 'see the README for what works today' });
}

export async function runSnooze(..._args: unknown[]): Promise<void> {
  throw new UserError('oneonone snooze is not built yet', { hint: 'see the README for what works today' });
}
