import { computeStats, defaultSince, talkFrom } from '../meeting/stats.js';
import { parseWhen } from '../support/dates.js';
import { UserError } from '../support/errors.js';
import { renderStats } from '../ui/charts.js';
import { printData, printJson } from '../ui/output.js';
import { useColor, withStore, type GlobalOptions } from './context.js';

export interface StatsOptions {
  since?: string;
  json?: boolean;
}

export async function run(options: StatsOptions, globals: GlobalOptions): Promise<void> {
  const now = new Date();
  const since = options.since === undefined ? defaultSince(now) : parseWhen(options.since, { now, field: 'start date' });
  if (since > now) throw new UserError(`the start date "${options.since}" is in the future`, { hint: 'e.g. --since "3 months ago" or --since 2026-09-01' });
  const [from, until] = [since.toISOString(), now.toISOString()];
  const figures = await withStore(globals, 'read', async ({ stats }) =>
    computeStats(
      {
        meetingDates: await stats.meetingDatesBetween(from, until),
        talk: await stats.talkBetween(talkFrom(since, now).toISOString(), until),
        asks: await stats.askCountsBetween(from, until),
        rungs: await stats.peoplePerRung(),
      },
      since,
      now,
    ),
  );
  if (options.json) printJson(figures);
  else printData(renderStats(figures, useColor(globals)));
}
