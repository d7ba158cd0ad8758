import { computeStats, defaultSince, talkFrom, type StatsFigures } from '../meeting/stats.js';
import { isServer } from '../store/index.js';
import { chosenSetting, type Chosen } from '../support/config.js';
import { parseWhen } from '../support/dates.js';
import { DomainError } from '../support/errors.js';
import { databasePath } from '../support/paths.js';
import { renderStats } from '../ui/charts.js';
import { goalJson, renderGoal } from '../ui/config.js';
import { printData, printJson } from '../ui/output.js';
import { useColor, withStore, type GlobalOptions } from './context.js';

export interface StatsOptions {
  since?: string;
  /** How many of the last meetings with a scorecard the habits are read over (1 to 1000, checked by the CLI). */
  habits?: number;
  json?: boolean;
}

const DEFAULT_HABIT_MEETINGS = 10;

export async function run(options: StatsOptions, globals: GlobalOptions): Promise<void> {
  const now = new Date();
  const since = options.since === undefined ? defaultSince(now) : parseWhen(options.since, { now, field: 'start date' });
  if (since > now) throw new DomainError('stats.since-future', { since: options.since! });
  const goal = weeklyGoal(globals);
  const [from, until] = [since.toISOString(), now.toISOString()];
  const figures = await withStore(globals, 'read', async ({ stats }) =>
    computeStats(
      {
        meetingDates: await stats.meetingDatesBetween(from, until),
        talk: await stats.talkBetween(talkFrom(since, now).toISOString(), until),
        asks: await stats.askCountsBetween(from, until),
        rungs: await stats.peoplePerRung(),
        assessments: await stats.peoplePerAssessment(),
        assessmentMoves: await stats.assessmentMovesBetween(from, until),
        touches: await stats.touchesBetween(from, until),
        scorecards: await stats.scorecards(options.habits ?? DEFAULT_HABIT_MEETINGS),
      },
      since,
      now,
    ),
  );
  const held = heldThisWeek(figures);
  if (options.json) printJson(goal.value === undefined ? figures : { ...figures, weeklyGoal: goalJson(goal as Chosen<number>, held) });
  else printData(`${renderStats(figures, useColor(globals))}${goal.value === undefined ? '' : `\n\n${renderGoal(held, goal.value)}`}`);
}

/** The config file's goal is the organizer's own, on their file; on a team server the goal is the one the team set. */
function weeklyGoal(globals: GlobalOptions): Chosen<number> {
  if (isServer(databasePath(globals.db))) return { value: undefined, source: 'default' };
  return chosenSetting('weekly-goal', undefined);
}

/** The last week counted is the one under way (the figures run up to now). */
function heldThisWeek(figures: StatsFigures): number {
  return figures.meetingsPerWeek.at(-1)?.meetings ?? 0;
}
