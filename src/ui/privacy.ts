import { privacyWords } from '../messages/privacy.js';
import type { ForgetCounts, StoreSummary as BackupSummary } from '../store/contract.js';
import { printMessage, printWarning } from './output.js';

export function forgetWarning(name: string, id: number, counts: ForgetCounts): string {
  return privacyWords().forgetWarning(name, id, counts);
}

export function renderForgotten(name: string, counts: ForgetCounts, scrubbed: boolean, oldCopies: string[], color: boolean): void {
  const words = privacyWords();
  printMessage(words.forgotten(name, counts));
  sayReferralsStay(counts);
  if (scrubbed) printMessage(words.rebuilt);
  else printWarning(words.stillOpen, color);
  if (oldCopies.length > 0) printWarning(words.oldCopies(oldCopies), color);
  printMessage(words.untracked);
}

/** On a server the rows are gone; what the server itself still holds is its administrator's to clear, said plainly. */
export function renderForgottenOnServer(name: string, counts: ForgetCounts, vacuumed: boolean, fromThisComputer: boolean, color: boolean): void {
  const words = privacyWords();
  printMessage(words.forgottenOnServer(name, counts));
  sayReferralsStay(counts);
  if (fromThisComputer) printMessage(words.fromThisComputer);
  printWarning(words.serverCopies(vacuumed).join('\n  '), color);
}

function sayReferralsStay(counts: ForgetCounts): void {
  if (counts.referralsUnlinked > 0) printMessage(privacyWords().referralsStay(counts.referralsUnlinked));
}

export function renderBackup(path: string, bytes: number, summary: BackupSummary): void {
  const words = privacyWords();
  printMessage(words.backedUp(path, words.size(bytes), summary));
  printMessage(words.keepPrivate);
}

export function restoreQuestion(current: string, currentSummary: BackupSummary | undefined, backup: string, summary: BackupSummary): string {
  return privacyWords().restoreQuestion(current, currentSummary, backup, summary);
}

export function renderRestored(current: string, backup: string, summary: BackupSummary, kept: string | undefined): void {
  printMessage(privacyWords().restored(current, backup, summary));
  if (kept) printMessage(privacyWords().replacedKept(kept));
}

export function renderMigrationBackup(path: string, fromVersion: number, toVersion: number): void {
  printMessage(privacyWords().upgrading(path, fromVersion, toVersion));
}
