/**
 * The weekly review drawn: one week, a table of organizers; several weeks, a table of weeks for each organizer (the
 * trend is what several weeks are for). renderTable narrows or turns a table that does not fit the terminal.
 */
import type { OrganizerWeek } from '../commands/team-week.js';
import { TALK_LINE } from '../meeting/stats.js';
import { formats } from '../messages/format.js';
import { nobodyWords, organizerTitle, spokenVerdictWords, talkFootnote, WEEK_HEAD, weekTitle } from '../messages/team-week.js';
import { paint } from './color.js';
import { printData, printMessage } from './output.js';
import { renderTable } from './table.js';

type Cell = string | number;

const figureHead = () => [WEEK_HEAD.oneOnOnes, WEEK_HEAD.talk, WEEK_HEAD.asks, WEEK_HEAD.broughtIn, WEEK_HEAD.ladder, WEEK_HEAD.overdue, WEEK_HEAD.verdict];

/** The verdict in the run's language (the figures keep it in English, for --json). */
function verdictOf(week: OrganizerWeek): string {
  const median = week.talkShare.median;
  const talkOver = median !== null && median > TALK_LINE ? { share: median, line: TALK_LINE } : undefined;
  return spokenVerdictWords({ standing: week.standing, current: week.current, talkOver });
}

function figureCells(week: OrganizerWeek): Cell[] {
  return [
    week.goal === null ? String(week.oneOnOnes) : `${week.oneOnOnes} / ${week.goal}`,
    formats().share(week.talkShare.median),
    `${week.asks.made} / ${week.asks.yes} / ${week.asks.kept}`,
    week.broughtIn,
    `${week.ladder.up} / ${week.ladder.down}`,
    week.overdueFollowUps,
    verdictOf(week),
  ];
}

function titleOfWeek(week: OrganizerWeek): string {
  return weekTitle(week.week.slice(5), formats().date(`${week.start}T00:00:00`), formats().date(`${week.end}T00:00:00`), week.current);
}

export function renderTeamWeeksText(figures: readonly OrganizerWeek[], weeks: number, color: boolean, columns?: number): string {
  const c = paint(color);
  const sections: string[] = [];
  if (weeks === 1) {
    sections.push(`${c.bold(titleOfWeek(figures[0]!))}\n${renderTable([WEEK_HEAD.organizer, ...figureHead()], figures.map((w) => [w.organizer, ...figureCells(w)]), color, columns)}`);
  } else {
    for (const login of new Set(figures.map((w) => w.login))) {
      const own = figures.filter((w) => w.login === login);
      const rows = own.map((w) => [`${w.week.slice(5)} ${formats().date(`${w.start}T00:00:00`)}`, ...figureCells(w)]);
      sections.push(`${c.bold(organizerTitle(own[0]!.organizer, own[0]!.role, weeks))}\n${renderTable([WEEK_HEAD.week, ...figureHead()], rows, color, columns)}`);
    }
  }
  const untimed = figures.some((w) => w.oneOnOnes > 0 && w.talkShare.median === null);
  return [...sections, ...(untimed ? [talkFootnote()] : [])].join('\n\n');
}

export function renderTeamWeeks(figures: readonly OrganizerWeek[], weeks: number, color: boolean): void {
  if (figures.length === 0) return printMessage(nobodyWords(true));
  printData(renderTeamWeeksText(figures, weeks, color));
}
