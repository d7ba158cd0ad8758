import { UserError } from '../support/errors.js';
import type { GlobalOptions } from './context.js';

export interface WeekOptions {
  organizer?: string;
  weeks?: number;
  json?: boolean;
}

/** `oneonone team week`. */
export async function runWeek(_options: WeekOptions, _globals: GlobalOptions): Promise<void> {
  throw new UserError('the weekly review is not built yet', { hint: 'see oneonone team --help' });
}

/** `oneonone team goal --weekly N [--organizer NAME]`. */
export async function runGoal(_options: { weekly: number; organizer?: string }, _globals: GlobalOptions): Promise<void> {
  throw new UserError('weekly goals are not built yet', { hint: 'see oneonone team --help' });
}
