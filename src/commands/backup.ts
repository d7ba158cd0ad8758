import { existsSync, mkdirSync, renameSync, statSync, unlinkSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname, join, resolve, basename } from 'node:path';
import { copyPath } from '../support/copies.js';
import { UserError } from '../support/errors.js';
import { databasePath } from '../support/paths.js';
import { cannotWrite, openDatabase, type Db } from '../store/db.js';
import { backupTo, NotADatabase, openBackup, summarize, type BackupSummary } from '../store/privacy.js';
import { askYesNo, canAsk } from '../ui/confirm.js';
import { renderBackup, renderRestored, restoreQuestion } from '../ui/privacy.js';
import type { GlobalOptions } from './context.js';

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
  const db = openDatabase(source, { readonly: true, create: false });
  try {
    const summary = summarize(db);
    await withNoOverwrite(target, () => backupTo(db, target));
    renderBackup(target, statSync(target).size, summary);
  } finally {
    db.close();
  }
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

  const { db: backupDb, summary } = checkedBackup(backup);
  try {
    const currentDb = existsSync(current) && statSync(current).size > 0 ? openDatabase(current, { readonly: true, create: false }) : undefined;
    try {
      const currentSummary = currentDb ? summarize(currentDb) : undefined;
      if (!options.yes) {
        if (!canAsk()) {
          throw new UserError('not replacing the database without a confirmation', {
            hint: `there is no terminal to ask in; add --yes: oneonone restore "${file}" --yes`,
          });
        }
        if (!(await askYesNo(restoreQuestion(current, currentSummary, backup, summary)))) {
          throw new UserError('nothing was restored', { hint: 'the database was left as it was' });
        }
      }
      const kept = currentDb ? copyPath(current, 'before-restore') : undefined;
      if (currentDb && kept) await backupTo(currentDb, kept);
      currentDb?.close();
      await swapIn(backupDb, current);
      renderRestored(current, backup, summary, kept);
    } finally {
      if (currentDb?.open) currentDb.close();
    }
  } finally {
    backupDb.close();
  }
}

function checkedBackup(path: string): { db: Db; summary: BackupSummary } {
  try {
    return openBackup(path);
  } catch (error) {
    if (error instanceof NotADatabase) throw notABackup(path, error.why);
    if (error instanceof UserError && /no database at/.test(error.message)) throw notABackup(path, 'it is empty');
    const foreign = error instanceof UserError ? /is not a oneonone database: (.*)$/.exec(error.message) : null;
    if (foreign) throw notABackup(path, foreign[1]!);
    throw error;
  }
}

/** Write to a temp file in the same folder (0600), flush it, clear the old WAL, rename over: never half a database. */
async function swapIn(backupDb: Db, current: string): Promise<void> {
  const folder = dirname(current);
  if (!existsSync(folder)) {
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw cannotWrite(current, error);
    }
  }
  const temp = join(folder, `.${basename(current)}.restoring-${process.pid}`);
  await backupTo(backupDb, temp);
  try {
    // The old database's WAL and shared memory must not be replayed onto the restored file.
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(`${current}${suffix}`)) unlinkSync(`${current}${suffix}`);
    }
    renameSync(temp, current);
    syncFolder(folder);
  } catch (error) {
    if (existsSync(temp)) unlinkSync(temp);
    throw cannotWrite(current, error);
  }
}

function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function withNoOverwrite(target: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
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
