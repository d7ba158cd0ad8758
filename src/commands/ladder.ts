import { subDays } from 'date-fns';
import { existsSync } from 'node:fs';
import { LeaderStore } from '../store/leaders.js';
import { databasePath } from '../support/paths.js';
import { ladderView, renderLadder } from '../ui/leaders.js';
import { printData, printJson } from '../ui/output.js';
import { storeFor, useColor, type GlobalOptions } from './context.js';

export interface LadderOptions {
  days?: number;
  json?: boolean;
}

export const DEFAULT_DAYS = 30;

export async function run(options: LadderOptions, globals: GlobalOptions): Promise<void> {
  const days = options.days ?? DEFAULT_DAYS;
  const now = new Date();
  if (!existsSync(databasePath(globals.db))) return show(ladderView([], [], days), options, globals, now);
  const store = storeFor(globals, { create: false });
  try {
    const leaders = new LeaderStore(store.db);
    show(ladderView(leaders.rungCounts(), leaders.moves(subDays(now, days).toISOString()), days), options, globals, now);
  } finally {
    store.close();
  }
}

function show(view: ReturnType<typeof ladderView>, options: LadderOptions, globals: GlobalOptions, now: Date): void {
  if (options.json) printJson(view);
  else printData(renderLadder(view, now, useColor(globals)));
}
