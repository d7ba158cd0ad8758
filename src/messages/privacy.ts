/** What backup, restore and forget say, in English. Another language is another object of this shape. */
import type { ForgetCounts, StoreSummary } from '../store/contract.js';
import { spokenCatalogues } from './spoken.js';

export interface PrivacyWords {
  forgetWarning(name: string, id: number, counts: ForgetCounts): string;
  typeToConfirm(name: string): string;
  forgotten(name: string, counts: ForgetCounts): string;
  rebuilt: string;
  stillOpen: string;
  oldCopies(copies: string[]): string;
  untracked: string;
  forgottenOnServer(name: string, counts: ForgetCounts): string;
  fromThisComputer: string;
  serverCopies(vacuumed: boolean): string[];
  referralsStay(count: number): string;
  backedUp(path: string, size: string, summary: StoreSummary): string;
  keepPrivate: string;
  restoreQuestion(current: string, now: StoreSummary | undefined, backup: string, summary: StoreSummary): string;
  restored(current: string, backup: string, summary: StoreSummary): string;
  replacedKept(kept: string): string;
  upgrading(path: string, from: number, to: number): string;
  size(bytes: number): string;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const people = (summary: StoreSummary) => `${plural(summary.people, 'person', 'people')}, ${plural(summary.meetings, 'meeting')}`;
const whatGoes = (counts: ForgetCounts) =>
  [plural(counts.meetings, 'meeting'), plural(counts.notes, 'note'), plural(counts.asks, 'ask'), plural(counts.followups, 'follow-up'), plural(counts.rungChanges, 'rung change')].join(', ');

const PRIVACY_EN: PrivacyWords = {
  forgetWarning: (name, id, counts) => `This erases ${name} (#${id}) and everything about them, beyond recovery: ${whatGoes(counts)}.`,
  typeToConfirm: (name) => `Type ${name} to confirm (anything else keeps them):`,
  forgotten: (name, counts) => `Forgot ${name}: ${whatGoes(counts)} erased.`,
  rebuilt: 'The database file was rebuilt, so nothing of them is left in it.',
  stillOpen: 'another oneonone is still open on this database; close it, then run any command to finish clearing old pages',
  oldCopies: (copies) => `copies oneonone kept beside the database may still hold them; delete the ones you do not need:\n  ${copies.join('\n  ')}`,
  untracked: 'Any backups you made with oneonone backup, and files you exported, are not tracked: they still hold them wherever you saved them.',
  forgottenOnServer: (name, counts) => `Forgot ${name}: ${whatGoes(counts)} erased from the server.`,
  fromThisComputer: 'What this computer kept of them to send to the server is erased too.',
  serverCopies: (vacuumed) => [
    `a server cannot promise what a file on this computer can: ${vacuumed ? 'the tables were vacuumed, but' : 'until the tables are vacuumed (VACUUM, by their owner),'} old copies of the rows may stay in the server's data files for a while;`,
    "its write-ahead log and archive, every replica, and every backup (pg_dump files, base backups) still hold them until they are recycled or deleted —",
    "and so does every organizer's outbox on their own computer while a meeting with them waits there to be sent —",
    'ask the administrator to clear them, and tell every organizer who exported or backed up the record.',
  ],
  referralsStay: (count) => `${plural(count, 'person', 'people')} they referred ${count === 1 ? 'stays' : 'stay'}, no longer linked to them.`,
  backedUp: (path, size, summary) =>
    `Backed up ${plural(summary.people, 'person', 'people')} and ${plural(summary.meetings, 'meeting')} to ${path} (${size}, readable only by you).`,
  keepPrivate: 'It holds everything people told you: keep it somewhere private.',
  restoreQuestion: (current, now, backup, summary) => `Replace ${current} (${now ? people(now) : 'nothing yet'}) with ${backup} (${people(summary)})?`,
  restored: (current, backup, summary) => `Restored ${backup} into ${current}: ${people(summary)}.`,
  replacedKept: (kept) => `The database it replaced is kept at ${kept}`,
  upgrading: (path, from, to) => `oneonone: upgrading the database from schema ${from} to ${to}; a copy as it was is kept at ${path}`,
  size: (bytes) => (bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`),
};

export const privacyWords = (): PrivacyWords => spokenCatalogues()?.privacy ?? PRIVACY_EN;
