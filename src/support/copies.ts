import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** 2026-11-24T041032 in local time: sorts in order and is safe in every file system. */
export function fileStamp(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}T${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
}

/** A copy kept beside the database, e.g. oneonone.db.before-restore-2026-11-24T041032; never an existing name. */
export function copyPath(database: string, label: string, now: Date = new Date()): string {
  const base = `${database}.${label}-${fileStamp(now)}`;
  let path = base;
  for (let n = 2; existsSync(path); n++) path = `${base}-${n}`;
  return path;
}

/** Where a restore writes the backup before renaming it over the database; left behind only if it was stopped. */
export function restoreTempPath(database: string, pid: number = process.pid): string {
  return join(dirname(database), `.${basename(database)}.restoring-${pid}`);
}

/**
 * Every file beside the database that oneonone made and that may hold what it held: the copies kept before an upgrade
 * or a restore (copyPath), a restore's temp file (restoreTempPath), and the WAL or journal of any of them, which can
 * hold pages of it (a -shm holds only an index).
 */
export function keptCopies(database: string): string[] {
  const folder = dirname(database);
  const name = basename(database);
  const isCopy = (entry: string) => !entry.endsWith('-shm') && (entry.startsWith(`${name}.before-`) || entry.startsWith(`.${name}.restoring-`));
  try {
    return readdirSync(folder).filter(isCopy).sort().map((entry) => join(folder, entry));
  } catch {
    return [];
  }
}
