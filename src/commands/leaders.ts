import { subDays } from 'date-fns';
import { parseRung, rungsFrom } from '../people/ladder.js';
import { parseAssessments } from '../people/assessment.js';
import { parsePotential } from '../people/text.js';
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
  const filters = [
    rung && `at or above ${rung}`,
    minPotential !== undefined && `potential ${minPotential} or more`,
    assessments !== undefined && `assessed ${assessments.join(' or ')}`,
    options.stale !== undefined && `not met in ${options.stale} days`,
  ].filter(Boolean);

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
    return printMessage(filters.length ? `Nobody matches (${filters.join(', ')}).` : 'Nobody here yet. Add someone with: oneonone log "Ana Ruiz"');
  }
  printData(renderLeaders(shown, now, useColor(globals)));
  const more = total > shown.length ? ` Showing the top ${shown.length} of ${total}; see more with --limit ${Math.min(total, limit * 2)}.` : '';
  printMessage(`Ranked by potential, rung, commitments kept, people brought in, and time since you met.${more}`);
}
