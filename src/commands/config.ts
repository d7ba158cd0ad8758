import { UserError } from '../support/errors.js';
import type { GlobalOptions } from './context.js';

// Being built (issue 17): the config file and its command.
const notYet = (): never => {
  throw new UserError('config is not built yet');
};
export async function runList(_options: { json?: boolean }, _globals: GlobalOptions): Promise<void> {
  notYet();
}
export async function runGet(_key: string, _globals: GlobalOptions): Promise<void> {
  notYet();
}
export async function runSet(_key: string, _value: string, _globals: GlobalOptions): Promise<void> {
  notYet();
}
export async function runUnset(_key: string, _globals: GlobalOptions): Promise<void> {
  notYet();
}
