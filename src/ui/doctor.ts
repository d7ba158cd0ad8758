import { say } from '../messages/doctor.js';
import { paint } from './color.js';
import { printData } from './output.js';

export type CheckStatus = keyof typeof say.STATUS_WORDS;

export interface Check {
  check: string;
  status: CheckStatus;
  says: string;
  fix?: string;
}

/** One line per check; the status word leads, so the meaning never rests on colour alone. */
export function renderChecks(checks: readonly Check[], color: boolean): void {
  const c = paint(color);
  const words = say.STATUS_WORDS;
  const width = Math.max(...Object.values(words).map((word) => word.length));
  const tone = { ok: c.green, problem: c.red.bold, skipped: c.yellow };
  const lead = (status: CheckStatus) => tone[status](words[status]) + ' '.repeat(width - words[status].length);
  printData(checks.map(({ status, says, fix }) => `${lead(status)}  ${says}${fix ? `; ${fix}` : ''}`).join('\n'));
}
