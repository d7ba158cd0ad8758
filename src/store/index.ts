/**
 * Where commands open the record. Only the engine named by the location is loaded: a local SQLite file
 * or a PostgreSQL server.
 */
import type { CheckedBackup, OpenOptions, Store, StoreSummary } from './contract.js';

export type * from './contract.js';
export { EXPORT_TABLES } from './contract.js';
export { BackupRefused, ServerUnreachable } from './errors.js';

/** postgres:// or postgresql:// names a server; anything else is a SQLite file (the PostgreSQL client is never loaded for one). */
export function isServer(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

export async function openStore(location: string, options: OpenOptions): Promise<Store> {
  if (isServer(location)) {
    return (await import('./postgres/engine.js')).openPostgresStore(location, options);
  }
  const { openSqliteStore } = await import('./sqlite/engine.js');
  return openSqliteStore(location, options);
}

/** What the database holds, without upgrading or creating it; undefined when there is none. */
export async function inspectStore(location: string): Promise<StoreSummary | undefined> {
  if (isServer(location)) return (await import('./postgres/engine.js')).inspectPostgres(location);
  const { inspectSqlite } = await import('./sqlite/engine.js');
  return inspectSqlite(location);
}

/** A consistent, private copy of the database into a new file, without upgrading it. */
export async function backupStore(location: string, target: string): Promise<StoreSummary> {
  if (isServer(location)) throw (await import('./postgres/engine.js')).serverBackup(location);
  const { backupSqlite } = await import('./sqlite/engine.js');
  return backupSqlite(location, target);
}

/** A backup file checked whole before anything is replaced with it; refuses with BackupRefused. */
export async function checkBackup(file: string): Promise<CheckedBackup> {
  if (isServer(file)) return (await import('./postgres/engine.js')).checkPostgresBackup(file);
  const { checkSqliteBackup } = await import('./sqlite/engine.js');
  return checkSqliteBackup(file);
}
