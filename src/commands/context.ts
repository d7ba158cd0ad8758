import { databasePath } from '../support/paths.js';
import { isServer, openStore, type OpenMode, type Store } from '../store/index.js';
import { renderMigrationBackup } from '../ui/privacy.js';
import { colorWanted } from '../ui/color.js';
import { ASSESSMENT_SCALE_SETTING, readScale } from '../people/assessment.js';
import { useScale } from '../messages/assessment.js';

export interface GlobalOptions {
  db?: string;
  color: boolean;
}

/** One `--ask` group from the command line, in the order it was typed. */
export interface AskDraft {
  text: string;
  due?: string;
  outcome?: string;
  barriers?: string;
  support?: string;
}

/**
 * The record for this command: a reading one never creates it, a writing one does. On a server, what waits in this
 * computer's outbox is sent first, so every command that reaches the server sends it.
 */
export async function storeFor(globals: GlobalOptions, mode: OpenMode, options: { send?: boolean } = {}): Promise<Store> {
  const location = databasePath(globals.db);
  if (!isServer(location)) return withScale(await openStore(location, { mode, onUpgradeCopy: renderMigrationBackup }));
  // The outbox's code is loaded only when this computer has one for this server.
  const kept = (await import('../support/outbox-path.js')).hasOutbox(location);
  let store: Store;
  try {
    store = await openStore(location, { mode });
  } catch (error) {
    throw kept ? await (await import('./push.js')).sayWhatWaits(error, location) : error;
  }
  if (kept && options.send !== false) await (await import('./push.js')).sendKept(store, location, globals);
  return withScale(store);
}

async function withScale(store: Store): Promise<Store> {
  await scaleOf(store);
  return store;
}

/** The assessment levels in the words this record's team chose (`oneonone scale`), used by whatever the command shows. */
export async function scaleOf(store: Store): Promise<Record<number, string>> {
  const scale = readScale(await store.settings.get(ASSESSMENT_SCALE_SETTING));
  useScale(scale);
  return scale;
}

/** Opens the store, runs `work`, and closes it however `work` ends. */
export async function withStore<T>(globals: GlobalOptions, mode: OpenMode, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await storeFor(globals, mode);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export function useColor(globals: GlobalOptions, stream: NodeJS.WriteStream = process.stdout): boolean {
  return colorWanted(globals.color, stream);
}
