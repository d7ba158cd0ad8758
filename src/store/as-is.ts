/**
 * The record opened as it is, for `doctor` and for a Tab: read only, never created, upgraded or switched to WAL, and
 * without loading the whole engine where a file is enough. The engines are loaded lazily, as src/store/index.ts does
 * for every other command.
 */
import { existsSync } from 'node:fs';
import type { OpenedCompletion } from './contract-completion.js';
import type { RecordAsIs } from './contract-health.js';
import type { Store } from './contract.js';

const isServer = (location: string) => /^postgres(ql)?:\/\//i.test(location.trim());

/** Why the SQLite engine cannot be loaded on this Node (the loader's own error), or undefined when it can. */
export async function sqliteEngineProblem(): Promise<unknown> {
  try {
    return (await import('./sqlite/health.js')).engineProblem();
  } catch (error) {
    return error;
  }
}

/** The record as it is, read only; undefined when there is no database file (a server is always "there"). */
export async function openAsIs(location: string): Promise<RecordAsIs | undefined> {
  if (isServer(location)) return (await import('./postgres/health.js')).openServerAsIs(location);
  return (await import('./sqlite/health.js')).openFileAsIs(location);
}

/** How many people a copy kept beside the database holds, read without changing it; throws when it cannot be read. */
export async function peopleInCopy(path: string): Promise<number> {
  return (await import('./sqlite/health.js')).peopleInCopy(path);
}

/** Every other oneonone database in the database's folder (a backup saved there, a copy made by hand or by oneonone). */
export async function recordsBeside(database: string): Promise<string[]> {
  return (await import('./sqlite/health.js')).recordsBeside(database);
}

/** A local file (this computer's outbox) behind the store contract, read only, never upgraded. */
export async function openFileStoreAsIs(path: string): Promise<Store> {
  return (await import('./sqlite/health.js')).openFileStoreAsIs(path);
}

/**
 * The read model for one Tab at `location`, or undefined when there is nothing to read (no file: nothing is made).
 * A local file is opened read-only by the completion module alone, not through openStore: a Tab must not wait for
 * the whole engine to load, nor upgrade or create the file. A server goes through its engine as any command does.
 */
export async function openCompletion(location: string): Promise<OpenedCompletion | undefined> {
  const { openStore } = await import('./index.js');
  if (isServer(location)) {
    const store = await openStore(location, { mode: 'read' });
    return { names: (key, limit) => store.completion.names(key, limit), openIds: (typed, limit) => store.completion.openIds(typed, limit), close: () => store.close() };
  }
  if (!existsSync(location)) return undefined;
  return (await import('./sqlite/completion.js')).openSqliteCompletion(location);
}
