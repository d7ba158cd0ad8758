/** The words of `stats`' listening habits (src/ui/charts.ts draws them). */
import type { ListeningHabits } from '../meeting/stats.js';
import type { ScoreItem } from '../meeting/scorecard.js';
import { counted, formatElapsed } from '../support/format.js';

const meetings = (n: number) => counted(n, 'meeting');

export const HABITS_TITLE = 'How you listen';

export function monologueHabit(longest: ListeningHabits['longestMonologue']): string {
  if (longest === null) return 'Longest stretch you talked: not measured yet (the talk clock of oneonone start keeps it).';
  return `Longest stretch you talked without handing the conversation back: ${formatElapsed(longest.medianSeconds * 1000)} in a typical meeting (the median of ${meetings(longest.meetings)}), ${formatElapsed(longest.mostSeconds * 1000)} at most.`;
}

const VERDICT = { good: 'good', fair: 'fair', below: 'below fair', none: 'none marked' } as const;

export function reflectingHabit(reflecting: ListeningHabits['reflecting']): string | undefined {
  if (reflecting === null) return undefined;
  const { questions, reflections, verdict } = reflecting;
  const ratio = questions === 0 ? '' : ` (${(reflections / questions).toFixed(1)} to 1)`;
  return `Reflections to open questions: ${reflections} to ${questions}${ratio} over ${meetings(reflecting.meetings)}, ${VERDICT[verdict]}. Motivational interviewing counts 1 to 1 as fair, 2 to 1 as good.`;
}

// ── the scorecard's habits over the last meetings ──────────────────────────

/** Short names for the chart's rows; the sentences come from the scorecard's own words (messages/scorecard.ts). */
const HABIT_LABELS: Record<ScoreItem, string> = {
  purpose: 'stated your purpose',
  interest: 'heard a self-interest',
  value: 'heard a value',
  'their-story': 'heard their story',
  'your-story': 'shared your story',
  agitation: 'agitated',
  'specific-ask': 'ask with a day and time',
  barriers: 'asked about barriers',
  pivot: 'smaller ask after a no',
  referral: 'asked who else',
  'follow-up': 'set a follow-up',
  'talk-share': 'talk within limits',
  monologue: 'short stretches of talk',
};

export function habitLabel(item: ScoreItem): string {
  return HABIT_LABELS[item];
}

export function scorecardHabitsTitle(meetings: number): string {
  if (meetings === 0) return 'Your habits, from the scorecards';
  return meetings === 1 ? 'Your habits in your last meeting with a scorecard' : `Your habits over your last ${meetings} meetings with a scorecard`;
}

export const NO_SCORECARDS =
  'No meeting has a scorecard yet: run your next one-on-one with oneonone start, or record one with oneonone log --did purpose,their-story,referral.';

export function habitFigures(met: number, applied: number): string {
  return `${met} of ${applied}`;
}

export function notArisen(labels: string[]): string {
  return `Did not arise in these meetings, so not scored: ${labels.join(', ')}.`;
}

export const MOST_SKIPPED_HEADING = 'Most often skipped:';
export const NONE_SKIPPED = 'You kept every habit that applied in these meetings.';
