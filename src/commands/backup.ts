import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { copyPath } from '../support/copies.js';
import { DomainError, UserError } from '../support/errors.js';
import { databasePath } from '../support/paths.js';
import { backupStore, BackupRefused, checkBackup, inspectStore, type CheckedBackup } from '../store/index.js';
import { askYesNo, canAsk } from '../ui/confirm.js';
import { renderBackup, renderRestored, restoreQuestion } from '../ui/privacy.js';
import { claimIsStale, holderPid } from '../support/claims.js';
import { withStore, type GlobalOptions } from './context.js';

export interface RestoreOptions {
  yes?: boolean;
}

/** A consistent copy, safe while another oneonone is writing, created private (0600) before any byte lands. */
export async function runBackup(file: string, _options: unknown, globals: GlobalOptions): Promise<void> {
  const source = databasePath(globals.db);
  if (file.trim() === '') throw new DomainError('backup.no-file-name', {});
  const target = resolve(file);
  if (target === source) throw new DomainError('backup.is-database', {});
  if (existsSync(target)) {
    throw new DomainError('backup.exists', { target, raced: false });
  }
  if (!existsSync(dirname(target))) {
    throw new DomainError('backup.no-folder', { folder: dirname(target) });
  }
  const summary = await withNoOverwrite(target, () => backupStore(source, target));
  renderBackup(target, statSync(target).size, summary);
}

/**
 * Checks the backup first (a oneonone database this build can read, not damaged), asks, keeps the current
 * database as a dated copy beside it, then swaps the backup in with one rename.
 */
export async function runRestore(file: string, options: RestoreOptions, globals: GlobalOptions): Promise<void> {
  const current = databasePath(globals.db);
  const backup = resolve(file);
  if (!existsSync(backup)) throw new DomainError('restore.no-file', { path: backup });
  if (!statSync(backup).isFile() || statSync(backup).size === 0) throw notABackup(backup, 'it is empty or not a file');
  if (backup === current) throw new DomainError('restore.in-use', { path: backup });

  const checked = await checkedBackup(backup);
  try {
    const currentSummary = await inspectStore(current);
    if (!options.yes) {
      if (!canAsk()) {
        throw new DomainError('restore.not-confirmed', { file });
      }
      if (!(await askYesNo(restoreQuestion(current, currentSummary, backup, checked.summary)))) {
        throw new DomainError('restore.declined', {});
      }
    }
    if (currentSummary) await refuseDuringMeeting(globals);
    const kept = currentSummary ? copyPath(current, 'before-restore') : undefined;
    await checked.restoreOver(current, kept);
    renderRestored(current, backup, checked.summary, kept);
  } finally {
    await checked.close();
  }
}

async function checkedBackup(path: string): Promise<CheckedBackup> {
  try {
    return await checkBackup(path);
  } catch (error) {
    if (error instanceof BackupRefused) throw notABackup(path, error.why);
    throw error;
  }
}

async function withNoOverwrite<T>(target: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new DomainError('backup.exists', { target, raced: true });
    }
    throw error;
  }
}

function notABackup(path: string, why: string): UserError {
  return new UserError(`${path} is not a oneonone backup: ${why}`, {
    hint: 'give a file made by oneonone backup; nothing was changed',
  });
}

/** A meeting running in another terminal would keep saving into the file a restore replaces, and be lost. */
async function refuseDuringMeeting(globals: GlobalOptions): Promise<void> {
  const claims = await withStore(globals, 'read', (store) => store.meetings.claimed());
  const live = claims.find((draft) => !claimIsStale(draft.claimedBy));
  if (!live) return;
  throw new DomainError('restore.meeting-running', { name: live.personName, id: live.id, pid: holderPid(live.claimedBy) });
}
