/** The words of `stats`' listening habits (src/ui/charts.ts draws them), in English. Another language is another module of this shape. */
import type { ListeningHabits } from '../meeting/stats.js';
import type { ScoreItem } from '../meeting/scorecard.js';
import type { ReflectingVerdict } from '../meeting/talk.js';
import { counted, formatElapsed } from '../support/format.js';
import { spokenCatalogues } from './spoken.js';

export interface HabitWords {
  title: string;
  monologue(longest: ListeningHabits['longestMonologue']): string;
  reflecting(reflecting: NonNullable<ListeningHabits['reflecting']>): string;
  /** Short names for the chart's rows; the sentences come from the scorecard's own words (messages/scorecard.ts). */
  labels: Readonly<Record<ScoreItem, string>>;
  scorecardTitle(meetings: number): string;
  noScorecards: string;
  /** "3 of 5". */
  figures(met: number, applied: number): string;
  notArisen(labels: string[]): string;
  mostSkipped: string;
  noneSkipped: string;
}

const meetings = (n: number) => counted(n, 'meeting');

const VERDICT: Record<ReflectingVerdict, string> = { good: 'good', fair: 'fair', below: 'below fair', none: 'none marked' };

const HABITS_EN: HabitWords = {
  title: 'How you listen',
  monologue: (longest) => {
    if (longest === null) return 'Longest stretch you talked: not measured yet (the talk clock of oneonone start keeps it).';
    return `Longest stretch you talked without handing the conversation back: ${formatElapsed(longest.medianSeconds * 1000)} in a typical meeting (the median of ${meetings(longest.meetings)}), ${formatElapsed(longest.mostSeconds * 1000)} at most.`;
  },
  reflecting: ({ questions, reflections, verdict, meetings: over }) => {
    const ratio = questions === 0 ? '' : ` (${(reflections / questions).toFixed(1)} to 1)`;
    return `Reflections to open questions: ${reflections} to ${questions}${ratio} over ${meetings(over)}, ${VERDICT[verdict]}. Motivational interviewing counts 1 to 1 as fair, 2 to 1 as good.`;
  },
  labels: {
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
  },
  scorecardTitle: (n) => {
    if (n === 0) return 'Your habits, from the scorecards';
    return n === 1 ? 'Your habits in your last meeting with a scorecard' : `Your habits over your last ${n} meetings with a scorecard`;
  },
  noScorecards:
    'No meeting has a scorecard yet: run your next one-on-one with oneonone start, or record one with oneonone log --did purpose,their-story,referral.',
  figures: (met, applied) => `${met} of ${applied}`,
  notArisen: (labels) => `Did not arise in these meetings, so not scored: ${labels.join(', ')}.`,
  mostSkipped: 'Most often skipped:',
  noneSkipped: 'You kept every habit that applied in these meetings.',
};

export const habitWords = (): HabitWords => spokenCatalogues()?.habits ?? HABITS_EN;
