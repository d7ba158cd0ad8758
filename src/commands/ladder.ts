import { subDays } from 'date-fns';
import { inEnglish } from '../messages/spoken.js';
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
  const [counts, moves] = await withStore(globals, 'read', async (store) =>
    [await store.ladder.rungCounts(), await store.ladder.moves(subDays(now, days).toISOString())] as const,
  );
  const view = () => ladderView(counts, moves, days);
  // A move's reason is worded; JSON words it in English whatever the run speaks.
  if (options.json) printJson(inEnglish(view));
  else printData(renderLadder(view(), now, useColor(globals)));
}
