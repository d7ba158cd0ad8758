/** The words of `leaders` and `ladder` (src/ui/leaders.ts draws them), in English. Another language is another module of this shape. */
import { counted } from '../support/format.js';
import { spokenCatalogues } from './spoken.js';

export interface LeadersWords {
  head: readonly [string, string, string, string, string, string, string, string, string, string];
  /** The asks column: "3 / 2 / 1", with " (1 broken)" after it when some were. */
  asks(made: number, yes: number, kept: number, broken: number): string;
  /** A score with one decimal: "12.5". */
  score(score: number): string;
  seeAll: string;
  filters: { atOrAbove(rung: string): string; potential(min: number): string; assessed(levels: number[]): string; stale(days: number): string };
  nobodyMatches(filters: string[]): string;
  nobodyYet: string;
  ranked(shown: number, total: number, more: number | undefined): string;
  ladder: LadderChartWords;
}

export interface LadderChartWords {
  head: readonly [string, string, string];
  onTheLadder(total: number): string;
  movesHeading(days: number): string;
  nobodyMoved: string;
  movesHead: readonly [string, string, string, string, string];
  up: string;
  down: string;
}

const LEADERS_EN: LeadersWords = {
  head: ['rank', 'id', 'name', 'rung', 'potential', 'meetings', 'last met', 'asks made / yes / kept', 'brought in', 'score'],
  asks: (made, yes, kept, broken) => `${made} / ${yes} / ${kept}${broken ? ` (${broken} broken)` : ''}`,
  score: (score) => score.toFixed(1),
  seeAll: 'see them all with --json',
  filters: {
    atOrAbove: (rung) => `at or above ${rung}`,
    potential: (min) => `potential ${min} or more`,
    assessed: (levels) => `assessed ${levels.join(' or ')}`,
    stale: (days) => `not met in ${days} days`,
  },
  nobodyMatches: (filters) => `Nobody matches (${filters.join(', ')}).`,
  nobodyYet: 'Nobody here yet. Add someone with: oneonone log "Ana Ruiz"',
  ranked: (shown, total, more) =>
    `Ranked by potential, rung, commitments kept, people brought in, and time since you met.${more === undefined ? '' : ` Showing the top ${shown} of ${total}; see more with --limit ${more}.`}`,
  ladder: {
    head: ['rung', 'people', ''],
    onTheLadder: (total) => `${counted(total, 'person', 'people')} on the ladder.`,
    movesHeading: (days) => `Moves in the last ${counted(days, 'day')}:`,
    nobodyMoved: 'nobody moved.',
    movesHead: ['when', 'who', 'move', 'from → to', 'why'],
    up: 'up',
    down: 'down',
  },
};

export const leadersWords = (): LeadersWords => spokenCatalogues()?.leaders ?? LEADERS_EN;
