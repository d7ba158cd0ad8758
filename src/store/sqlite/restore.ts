import { closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { restoreTempPath } from '../../support/copies.js';
import { cannotWrite, openDatabase, type Db } from './db.js';
import { checkPlace, makeFolders } from './location.js';
import { backupTo } from './privacy.js';

/** Keeps the current database as `keepAs` (when there is one), then swaps the backup in with one rename. */
export async function restoreOver(backupDb: Db, current: string, keepAs: string | undefined): Promise<void> {
  if (keepAs !== undefined && existsSync(current) && statSync(current).size > 0) {
    const currentDb = openDatabase(current, { readonly: true, create: false });
    try {
      await backupTo(currentDb, keepAs);
    } finally {
      currentDb.close();
    }
  }
  await swapIn(backupDb, current);
}

/** Write to a temp file in the same folder (0600), flush it, clear the old WAL, rename over: never half a database. */
async function swapIn(backupDb: Db, current: string): Promise<void> {
  makeFolders(checkPlace(current));
  const folder = dirname(current);
  const temp = restoreTempPath(current);
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
