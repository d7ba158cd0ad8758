/** The words of `stats`' listening habits (src/ui/charts.ts draws them). */
import type { ListeningHabits } from '../meeting/stats.js';
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
