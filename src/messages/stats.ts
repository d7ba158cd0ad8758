/** The words of `stats`' charts (src/ui/charts.ts draws them), in English; the habits' are in habits.ts. Another language is another module of this shape. */
import { counted } from '../support/format.js';
import { spokenCatalogues } from './spoken.js';

export type TalkChange = 'up' | 'down' | 'same';

export interface StatsWords {
  meetingsPerWeek: {
    title: string;
    /** "W49" of "2026-W49". */
    week(week: string): string;
    summary(meetings: number, weeks: number, perWeek: number): string;
  };
  talkShares: {
    title(line: string): string;
    noTalk: string;
    /** After a bar over the line: the words a wide terminal has room for, and the narrow one's. */
    overTheLine: string;
    over: string;
    summary(meetings: number, drawn: number | undefined, overLine: number, average: string): string;
  };
  verdict: {
    /** "above the 20% line" or "within the 20% line". */
    against(above: boolean, line: string): string;
    noneEither: string;
    noneThisMonth(lastMonth: string, against: string): string;
    noneLastMonth(thisMonth: string, against: string): string;
    compared(thisMonth: string, lastMonth: string, change: TalkChange, against: string): string;
  };
  asks: {
    title: string;
    none: string;
    made: string;
    yes: string;
    kept: string;
    ofMade(rate: string): string;
    ofYeses(rate: string): string;
  };
  rungs: { title: string; inAll(people: number): string };
}

const STATS_EN: StatsWords = {
  meetingsPerWeek: {
    title: 'Meetings per week',
    week: (week) => week.slice(5),
    summary: (meetings, weeks, perWeek) => `${counted(meetings, 'meeting')} in ${counted(weeks, 'week')}, ${perWeek.toFixed(1)} a week on average.`,
  },
  talkShares: {
    title: (line) => `Your share of the talking, meeting by meeting (│ is the ${line} line: stay left of it)`,
    noTalk: 'No meeting in this period has talk time recorded. Run your next one-on-one with oneonone start to see it here.',
    overTheLine: 'over the line',
    over: 'over',
    summary: (meetings, drawn, overLine, average) =>
      `${counted(meetings, 'meeting')} with talk recorded${drawn === undefined ? '' : ` (the last ${drawn} drawn)`}; ${overLine} over the line; ${average} on average.`,
  },
  verdict: {
    against: (above, line) => (above ? `above the ${line} line` : `within the ${line} line`),
    noneEither: 'No talk time recorded this month or last yet: run a meeting with oneonone start and the talk clock measures it.',
    noneThisMonth: (lastMonth, against) => `No meeting this month has talk time recorded yet; last month you talked ${lastMonth} on average, ${against}.`,
    noneLastMonth: (thisMonth, against) => `This month you talked ${thisMonth} on average, ${against}; last month has no talk time recorded.`,
    compared: (thisMonth, lastMonth, change, against) => {
      if (change === 'same') return `This month you talked ${thisMonth} on average, the same as last month. That is ${against}.`;
      const listening = change === 'down' ? `down from ${lastMonth} last month: you are listening more` : `up from ${lastMonth} last month: you are talking more`;
      return `This month you talked ${thisMonth} on average, ${listening}. That is ${against}.`;
    },
  },
  asks: {
    title: 'Asks: made, said yes, kept',
    none: 'No asks in this period. Every one-on-one ends with a specific ask: record it with --ask.',
    made: 'made',
    yes: 'yes',
    kept: 'kept',
    ofMade: (rate) => `${rate} of asks made`,
    ofYeses: (rate) => `${rate} of the yeses (mark them with oneonone done A7 --kept)`,
  },
  rungs: { title: 'People per rung', inAll: (people) => `${counted(people, 'person', 'people')} in all.` },
};

export const statsWords = (): StatsWords => spokenCatalogues()?.stats ?? STATS_EN;
