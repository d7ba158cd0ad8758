/**
 * Where commands open the record. Only the engine named by the location is loaded: a local SQLite file today,
 * and the place a second engine (a server) is chosen.
 */
import type { CheckedBackup, OpenOptions, Store, StoreSummary } from './contract.js';

export type * from './contract.js';
export { EXPORT_TABLES } from './contract.js';
export { BackupRefused } from './errors.js';

export async function openStore(location: string, options: OpenOptions): Promise<Store> {
  const { openSqliteStore } = await import('./sqlite/engine.js');
  return openSqliteStore(location, options);
}

/** What the database holds, without upgrading or creating it; undefined when there is none. */
export async function inspectStore(location: string): Promise<StoreSummary | undefined> {
  const { inspectSqlite } = await import('./sqlite/engine.js');
  return inspectSqlite(location);
}

/** A consistent, private copy of the database into a new file, without upgrading it. */
export async function backupStore(location: string, target: string): Promise<StoreSummary> {
  const { backupSqlite } = await import('./sqlite/engine.js');
  return backupSqlite(location, target);
}

/** A backup file checked whole before anything is replaced with it; refuses with BackupRefused. */
export async function checkBackup(file: string): Promise<CheckedBackup> {
  const { checkSqliteBackup } = await import('./sqlite/engine.js');
  return checkSqliteBackup(file);
}
