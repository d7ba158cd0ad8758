/** The words of a progress line (src/ui/progress.ts draws it). */
import { wholeCount } from '../support/format.js';

const count = wholeCount;

export const progressWords = {
  started: (label: string) => `${label}…`,
  counted: (label: string, done: number, total: number, share: number) => `${label}: ${count(done)} of ${count(total)} (${share}%)`,
  left: (line: string, seconds: number) => `${line}, about ${seconds < 90 ? `${Math.max(1, seconds)} s` : `${Math.round(seconds / 60)} min`} left`,
  exporting: (table: string) => `Exporting ${table}`,
  checking: 'Checking rows',
  importing: 'Importing people',
  matching: 'Matching people',
  landing: 'Bringing in people',
  merging: (records: number) => `Merging ${count(records)} records`,
};
