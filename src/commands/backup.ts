import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { copyPath } from '../support/copies.js';
import { UserError } from '../support/errors.js';
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
  if (file.trim() === '') throw new UserError('the backup needs a file name', { hint: 'e.g. oneonone backup ~/Backups/oneonone-2026-11-24.db' });
  const target = resolve(file);
  if (target === source) throw new UserError('the backup cannot be the database itself', { hint: 'give a path to a new file' });
  if (existsSync(target)) {
    throw new UserError(`${target} already exists; a backup never replaces a file`, {
      hint: 'give a new file name, e.g. one with today\'s date, or delete the old file first',
    });
  }
  if (!existsSync(dirname(target))) {
    throw new UserError(`the folder ${dirname(target)} does not exist`, { hint: 'create it first, or choose another folder' });
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
  if (!existsSync(backup)) throw new UserError(`there is no file ${backup}`, { hint: 'give the path of a file made by oneonone backup' });
  if (!statSync(backup).isFile() || statSync(backup).size === 0) throw notABackup(backup, 'it is empty or not a file');
  if (backup === current) throw new UserError(`${backup} is the database in use`, { hint: 'give the path of a backup file' });

  const checked = await checkedBackup(backup);
  try {
    const currentSummary = await inspectStore(current);
    if (!options.yes) {
      if (!canAsk()) {
        throw new UserError('not replacing the database without a confirmation', {
          hint: `there is no terminal to ask in; add --yes: oneonone restore "${file}" --yes`,
        });
      }
      if (!(await askYesNo(restoreQuestion(current, currentSummary, backup, checked.summary)))) {
        throw new UserError('nothing was restored', { hint: 'the database was left as it was' });
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
      throw new UserError(`${target} already exists; a backup never replaces a file`, { hint: 'give a new file name' });
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
  throw new UserError(`the meeting with ${live.personName} (#${live.id}) is running in another terminal (process ${holderPid(live.claimedBy)}); a restore now would lose it`, {
    hint: 'finish it there, or stop it with Ctrl-C (it stays a draft), then restore',
  });
}
