import { databasePath } from '../support/paths.js';
import { openStore, type Store } from '../store/index.js';
import type { OpenOptions } from '../store/db.js';
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
  return openStore(databasePath(globals.db), options);
}

export function useColor(globals: GlobalOptions, stream: NodeJS.WriteStream = process.stdout): boolean {
  return colorWanted(globals.color, stream);
}
