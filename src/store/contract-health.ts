/**
 * What `doctor` reads of the record (src/commands/doctor.ts): opened as it is, read only, never upgraded or created.
 * The engines are loaded here, lazily, as src/store/index.ts loads them for every other command.
 */
import type { Store } from './contract.js';

export interface SchemaFound {
  /** SQLite's user_version, or the number of steps applied on a server; null when there is no schema yet. */
  found: number | null;
  /** The version this build of oneonone upgrades to. */
  expected: number;
  /** The record was upgraded by a newer oneonone (a version or steps this build does not know). */
  newer: boolean;
  /** Why it is not a oneonone record at all, when it is not. */
  foreign?: string;
}

export interface HealthReadModel {
  schema(): Promise<SchemaFound>;
  /** The engine's own integrity check: an empty list when all is well, else what it found, one item per problem. */
  integrity(): Promise<string[]>;
}

/** A record opened for looking only. */
export interface RecordAsIs {
  health: HealthReadModel;
  close(): Promise<void>;
}

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
