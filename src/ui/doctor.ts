import { STATUS_WORDS } from '../messages/doctor.js';
import { paint } from './color.js';
import { printData } from './output.js';

export type CheckStatus = keyof typeof STATUS_WORDS;

export interface Check {
  check: string;
  status: CheckStatus;
  says: string;
  fix?: string;
}

/** One line per check; the status word leads, so the meaning never rests on colour alone. */
export function renderChecks(checks: readonly Check[], color: boolean): void {
  const c = paint(color);
  const width = Math.max(...Object.values(STATUS_WORDS).map((word) => word.length));
  const tone = { ok: c.green, problem: c.red.bold, skipped: c.yellow };
  const lead = (status: CheckStatus) => tone[status](STATUS_WORDS[status]) + ' '.repeat(width - STATUS_WORDS[status].length);
  printData(checks.map(({ status, says, fix }) => `${lead(status)}  ${says}${fix ? `; ${fix}` : ''}`).join('\n'));
}
