import { subDays } from 'date-fns';
import { parseRung, rungsFrom } from '../people/ladder.js';
import { parseAssessments } from '../people/assessment.js';
import { parsePotential } from '../people/text.js';
import { leadersWords } from '../messages/leaders.js';
import { rungLabel } from '../messages/ladder.js';
import { DomainError } from '../support/errors.js';
import { leadersJson, renderLeaders } from '../ui/leaders.js';
import { printData, printJson, printMessage } from '../ui/output.js';
import { useColor, withStore, type GlobalOptions } from './context.js';
import { organizersInView } from './scope.js';

export interface LeadersOptions {
  rung?: string;
  minPotential?: number;
  assess?: string;
  stale?: number;
  limit?: number;
  json?: boolean;
  team?: boolean;
  organizer?: string;
}

export const DEFAULT_LIMIT = 20;

export async function run(options: LeadersOptions, globals: GlobalOptions): Promise<void> {
  const rung = options.rung === undefined ? undefined : parseRung(options.rung);
  const minPotential = options.minPotential === undefined ? undefined : parsePotential(options.minPotential);
  const assessments = options.assess === undefined ? undefined : parseAssessments(options.assess);
  if (options.limit === 0) throw new DomainError('limit.zero', {});
  const limit = options.limit ?? DEFAULT_LIMIT;
  const now = new Date();
  const words = leadersWords();
  const filters = [
    rung && words.filters.atOrAbove(rungLabel(rung)),
    minPotential !== undefined && words.filters.potential(minPotential),
    assessments !== undefined && words.filters.assessed(assessments),
    options.stale !== undefined && words.filters.stale(options.stale),
  ].filter((filter): filter is string => Boolean(filter));

  const { leaders: shown, total } = await withStore(globals, 'read', async (store) =>
    store.leaders.top(
      {
        rungs: rung === undefined ? undefined : rungsFrom(rung),
        minPotential,
        assessments,
        metBefore: options.stale === undefined ? undefined : subDays(now, options.stale).toISOString(),
        organizerIds: await organizersInView(store, options),
      },
      now,
      limit,
    ),
  );
  if (options.json) return printJson(leadersJson(shown));
  if (shown.length === 0) {
    return printMessage(filters.length ? words.nobodyMatches(filters) : words.nobodyYet);
  }
  printData(renderLeaders(shown, now, useColor(globals)));
  printMessage(words.ranked(shown.length, total, total > shown.length ? Math.min(total, limit * 2) : undefined));
}
