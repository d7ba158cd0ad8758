import type { ForgetCounts, StoreSummary as BackupSummary } from '../store/contract.js';
import { printMessage, printWarning } from './output.js';

export function forgetWarning(name: string, id: number, counts: ForgetCounts): string {
  return `This erases ${name} (#${id}) and everything about them, beyond recovery: ${whatGoes(counts)}.`;
}

export function renderForgotten(name: string, counts: ForgetCounts, scrubbed: boolean, oldCopies: string[], color: boolean): void {
  printMessage(`Forgot ${name}: ${whatGoes(counts)} erased.`);
  sayReferralsStay(counts);
  if (scrubbed) printMessage('The database file was rebuilt, so nothing of them is left in it.');
  else printWarning('another oneonone is still open on this database; close it, then run any command to finish clearing old pages', color);
  if (oldCopies.length > 0) {
    printWarning(`copies oneonone kept beside the database may still hold them; delete the ones you do not need:\n  ${oldCopies.join('\n  ')}`, color);
  }
  printMessage('Any backups you made with oneonone backup, and files you exported, are not tracked: they still hold them wherever you saved them.');
}

/** On a server the rows are gone; what the server itself still holds is its administrator's to clear, said plainly. */
export function renderForgottenOnServer(name: string, counts: ForgetCounts, vacuumed: boolean, fromThisComputer: boolean, color: boolean): void {
  printMessage(`Forgot ${name}: ${whatGoes(counts)} erased from the server.`);
  sayReferralsStay(counts);
  if (fromThisComputer) printMessage('What this computer kept of them to send to the server is erased too.');
  printWarning(
    [
      `a server cannot promise what a file on this computer can: ${vacuumed ? 'the tables were vacuumed, but' : 'until the tables are vacuumed (VACUUM, by their owner),'} old copies of the rows may stay in the server's data files for a while;`,
      "its write-ahead log and archive, every replica, and every backup (pg_dump files, base backups) still hold them until they are recycled or deleted —",
      "and so does every organizer's outbox on their own computer while a meeting with them waits there to be sent —",
      'ask the administrator to clear them, and tell every organizer who exported or backed up the record.',
    ].join('\n  '),
    color,
  );
}

function sayReferralsStay(counts: ForgetCounts): void {
  if (counts.referralsUnlinked === 0) return;
  printMessage(`${plural(counts.referralsUnlinked, 'person', 'people')} they referred ${counts.referralsUnlinked === 1 ? 'stays' : 'stay'}, no longer linked to them.`);
}

export function renderBackup(path: string, bytes: number, summary: BackupSummary): void {
  printMessage(`Backed up ${plural(summary.people, 'person', 'people')} and ${plural(summary.meetings, 'meeting')} to ${path} (${formatSize(bytes)}, readable only by you).`);
  printMessage('It holds everything people told you: keep it somewhere private.');
}

export function restoreQuestion(current: string, currentSummary: BackupSummary | undefined, backup: string, summary: BackupSummary): string {
  const now = currentSummary ? `${plural(currentSummary.people, 'person', 'people')}, ${plural(currentSummary.meetings, 'meeting')}` : 'nothing yet';
  return `Replace ${current} (${now}) with ${backup} (${plural(summary.people, 'person', 'people')}, ${plural(summary.meetings, 'meeting')})?`;
}

export function renderRestored(current: string, backup: string, summary: BackupSummary, kept: string | undefined): void {
  printMessage(`Restored ${backup} into ${current}: ${plural(summary.people, 'person', 'people')}, ${plural(summary.meetings, 'meeting')}.`);
  if (kept) printMessage(`The database it replaced is kept at ${kept}`);
}

export function renderMigrationBackup(path: string, fromVersion: number, toVersion: number): void {
  printMessage(`oneonone: upgrading the database from schema ${fromVersion} to ${toVersion}; a copy as it was is kept at ${path}`);
}

function whatGoes(counts: ForgetCounts): string {
  return [
    plural(counts.meetings, 'meeting'),
    plural(counts.notes, 'note'),
    plural(counts.asks, 'ask'),
    plural(counts.followups, 'follow-up'),
    plural(counts.rungChanges, 'rung change'),
  ].join(', ');
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
