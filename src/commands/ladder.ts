import { subDays } from 'date-fns';
import { ladderView, renderLadder } from '../ui/leaders.js';
import { printData, printJson } from '../ui/output.js';
import { useColor, withStore, type GlobalOptions } from './context.js';

export interface LadderOptions {
  days?: number;
  json?: boolean;
}

export const DEFAULT_DAYS = 30;

export async function run(options: LadderOptions, globals: GlobalOptions): Promise<void> {
  const days = options.days ?? DEFAULT_DAYS;
  const now = new Date();
  const view = await withStore(globals, 'read', async (store) =>
    ladderView(await store.ladder.rungCounts(), await store.ladder.moves(subDays(now, days).toISOString()), days),
  );
  if (options.json) printJson(view);
  else printData(renderLadder(view, now, useColor(globals)));
}
