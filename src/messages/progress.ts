/** The words of a progress line (src/ui/progress.ts draws it). Another language is another object of this shape. */
import { wholeCount } from '../support/format.js';
import { spokenOr } from './spoken.js';

const count = wholeCount;

export interface ProgressWords {
  started(label: string): string;
  counted(label: string, done: number, total: number, share: number): string;
  left(line: string, seconds: number): string;
  exporting(table: string): string;
  checking: string;
  importing: string;
  matching: string;
  landing: string;
  merging(records: number): string;
}

const PROGRESS_EN: ProgressWords = {
  started: (label) => `${label}…`,
  counted: (label, done, total, share) => `${label}: ${count(done)} of ${count(total)} (${share}%)`,
  left: (line, seconds) => `${line}, about ${seconds < 90 ? `${Math.max(1, seconds)} s` : `${Math.round(seconds / 60)} min`} left`,
  exporting: (table) => `Exporting ${table}`,
  checking: 'Checking rows',
  importing: 'Importing people',
  matching: 'Matching people',
  landing: 'Bringing in people',
  merging: (records) => `Merging ${count(records)} records`,
};

/** Read member by member, so a line drawn after the language is chosen speaks it. */
export const progressWords: ProgressWords = spokenOr(PROGRESS_EN, (catalogues) => catalogues.progress);
