import { databasePath } from '../support/paths.js';
import { openStore, type Store } from '../store/index.js';
import { SCHEMA_VERSION, type Db, type OpenOptions } from '../store/db.js';
import { vacuumInto } from '../store/privacy.js';
import { copyPath } from '../support/copies.js';
import { renderMigrationBackup } from '../ui/privacy.js';
import { colorWanted } from '../ui/color.js';

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

export function storeFor(globals: GlobalOptions, options: OpenOptions = {}): Store {
  const path = databasePath(globals.db);
  return openStore(path, { beforeMigrate: backUpBeforeMigrating(path), ...options });
}

/** Before a schema upgrade, a private copy of the database as it was, beside it; no copy, no upgrade. */
export function backUpBeforeMigrating(path: string): (db: Db, fromVersion: number) => void {
  return (db, fromVersion) => {
    const copy = copyPath(path, `before-v${SCHEMA_VERSION}`);
    vacuumInto(db, copy);
    renderMigrationBackup(copy, fromVersion, SCHEMA_VERSION);
  };
}

export function useColor(globals: GlobalOptions, stream: NodeJS.WriteStream = process.stdout): boolean {
  return colorWanted(globals.color, stream);
}
