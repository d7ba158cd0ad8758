import { paint } from './color.js';
import { printData } from './output.js';

export type CheckStatus = 'ok' | 'problem' | 'skipped';

export interface Check {
  check: string;
  status: CheckStatus;
  says: string;
  fix?: string;
}

/** One line per check; the status word leads, so the meaning never rests on colour alone. */
export function renderChecks(checks: readonly Check[], color: boolean): void {
  const c = paint(color);
  const word: Record<CheckStatus, string> = { ok: c.green('ok     '), problem: c.red.bold('problem'), skipped: c.yellow('skipped') };
  printData(checks.map(({ status, says, fix }) => `${word[status]}  ${says}${fix ? `; ${fix}` : ''}`).join('\n'));
}
