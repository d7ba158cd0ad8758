import type { Command } from 'commander';
import { UserError } from '../support/errors.js';
import type { GlobalOptions } from './context.js';

// Being built (issue 17).
export async function run(_shell: string, _program: Command, _globals: GlobalOptions): Promise<void> {
  throw new UserError('completion is not built yet');
}
export async function runComplete(_words: string[], _program: Command, _globals: GlobalOptions): Promise<void> {
  throw new UserError('completion is not built yet');
}
