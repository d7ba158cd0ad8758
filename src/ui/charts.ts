import type { StatsFigures } from '../meeting/stats.js';
import {
  HABITS_TITLE, MOST_SKIPPED_HEADING, NO_SCORECARDS, NONE_SKIPPED, habitFigures, habitLabel, monologueHabit, notArisen, reflectingHabit, scorecardHabitsTitle,
} from '../messages/habits.js';
import { assessmentLabel, assessmentWords } from '../messages/assessment.js';
import { skippedHabit } from '../messages/scorecard.js';
import { webWords } from '../messages/web.js';
import { formatDate, formatShare } from '../support/format.js';
import { paint } from './color.js';

const BAR_WIDTH = 40;
/** On a narrow terminal a bar shrinks to this at the least; the words beside it stay whole. */
const NARROWEST_BAR = 8;
const FULL = '█';
/** Shown most recent last; older meetings are counted but not drawn, so the picture fits a screen. */
const MOST_MEETINGS_DRAWN = 20;

/** The terminal's width when the pictures are shown in one; in a pipe or a file each bar keeps its 40 characters. */
function terminalColumns(): number | undefined {
  return process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined;
}

/** How long a full bar is, so that a row of `besides` characters and the bar fits the terminal. */
function barWidth(columns: number | undefined, besides: number): number {
  if (columns === undefined) return BAR_WIDTH;
  return Math.max(NARROWEST_BAR, Math.min(BAR_WIDTH, columns - 1 - besides));
}

function bar(value: number, most: number, width = BAR_WIDTH): string {
  if (value <= 0 || most <= 0) return '·';
  return FULL.repeat(Math.max(1, Math.round((value / most) * width)));
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function renderMeetingsPerWeek(figures: StatsFigures, color: boolean, columns = terminalColumns()): string {
  const c = paint(color);
  const weeks = figures.meetingsPerWeek;
  const most = Math.max(0, ...weeks.map((week) => week.meetings));
  const total = weeks.reduce((sum, week) => sum + week.meetings, 0);
  const width = String(most).length;
  const full = barWidth(columns, 2 + 3 + 2 + 16 + 1 + width + 1);
  const lines = weeks.map((week) => `  ${week.week.slice(5)}  ${formatDate(`${week.start}T00:00:00`).padEnd(16)} ${String(week.meetings).padStart(width)} ${bar(week.meetings, most, full)}`);
  const perWeek = weeks.length === 0 ? 0 : total / weeks.length;
  return [
    c.bold('Meetings per week'),
    ...lines,
    `  ${plural(total, 'meeting')} in ${plural(weeks.length, 'week')}, ${perWeek.toFixed(1)} a week on average.`,
    ...(figures.otherContacts.total ? [`  ${webWords.otherContacts(figures.otherContacts.total, figures.otherContacts.by)}`] : []),
  ].join('\n');
}

/** Each meeting a bar from 0 to 100% of the talking, with the 20% line drawn through every row. */
export function renderTalkShares(figures: StatsFigures, color: boolean, columns = terminalColumns()): string {
  const c = paint(color);
  const talk = figures.talkShare;
  const title = c.bold(`Your share of the talking, meeting by meeting (│ is the ${formatShare(talk.line)} line: stay left of it)`);
  if (talk.meetings.length === 0) {
    return `${title}\n  No meeting in this period has talk time recorded. Run your next one-on-one with oneonone start to see it here.`;
  }
  const shown = talk.meetings.slice(-MOST_MEETINGS_DRAWN);
  // A narrow terminal says "over" where a wide one says "over the line"; the title says which line.
  const overWords = barWidth(columns, 2 + 16 + 1 + 1 + 1 + 4 + 15) > NARROWEST_BAR || columns === undefined ? '  over the line' : '  over';
  const full = barWidth(columns, 2 + 16 + 1 + 1 + 1 + 4 + overWords.length);
  const lineAt = Math.round(talk.line * full);
  const rows = shown.map((meeting) => {
    const length = Math.round(meeting.share * full);
    const left = FULL.repeat(Math.min(length, lineAt)).padEnd(lineAt);
    const right = FULL.repeat(Math.max(0, length - lineAt)).padEnd(full - lineAt);
    const over = meeting.share > talk.line;
    const painted = over ? c.yellow(`${left}│${right}`) : `${left}│${right}`;
    return `  ${formatDate(meeting.heldAt).padEnd(16)} ${painted} ${formatShare(meeting.share).padStart(4)}${over ? overWords : ''}`;
  });
  const summary = `  ${plural(talk.meetings.length, 'meeting')} with talk recorded${shown.length < talk.meetings.length ? ` (the last ${shown.length} drawn)` : ''}; ` +
    `${talk.overLine} over the line; ${formatShare(talk.average)} on average.`;
  return [title, ...rows, summary].join('\n');
}

/** The verdict in words: this month against last. */
export function talkVerdict(figures: StatsFigures): string {
  const { thisMonth, lastMonth, line, change } = figures.talkShare;
  const against = (share: number): string => (share > line ? `above the ${formatShare(line)} line` : `within the ${formatShare(line)} line`);
  if (thisMonth.average === null && lastMonth.average === null) {
    return 'No talk time recorded this month or last yet: run a meeting with oneonone start and the talk clock measures it.';
  }
  if (thisMonth.average === null) {
    return `No meeting this month has talk time recorded yet; last month you talked ${formatShare(lastMonth.average)} on average, ${against(lastMonth.average!)}.`;
  }
  const now = formatShare(thisMonth.average);
  if (lastMonth.average === null) return `This month you talked ${now} on average, ${against(thisMonth.average)}; last month has no talk time recorded.`;
  const before = formatShare(lastMonth.average);
  const trend = change === 'down' ? `down from ${before}` : change === 'up' ? `up from ${before}` : `the same as`;
  const sentence = change === 'same' ? `This month you talked ${now} on average, the same as last month` : `This month you talked ${now} on average, ${trend} last month`;
  const listening = change === 'down' ? ': you are listening more' : change === 'up' ? ': you are talking more' : '';
  return `${sentence}${listening}. That is ${against(thisMonth.average)}.`;
}

/** Asks made, said yes, kept: a funnel narrowing to the middle. */
export function renderAskFunnel(figures: StatsFigures, color: boolean, columns = terminalColumns()): string {
  const c = paint(color);
  const { made, yes, kept } = figures.asks;
  const title = c.bold('Asks: made, said yes, kept');
  if (made === 0) return `${title}\n  No asks in this period. Every one-on-one ends with a specific ask: record it with --ask.`;
  const full = barWidth(columns, 2 + 5 + 1 + 1 + String(made).length);
  const step = (label: string, value: number, note: string): string => {
    const drawn = value === 0 ? '·' : FULL.repeat(Math.max(1, Math.round((value / made) * full)));
    const padding = Math.floor((full - drawn.length) / 2);
    const row = `  ${label.padEnd(5)} ${' '.repeat(padding)}${drawn}${' '.repeat(full - drawn.length - padding)} ${String(value).padStart(String(made).length)}`;
    // Where the words would push the row past the terminal's edge, they go on a line of their own under it.
    if (note === '' || columns === undefined || row.length + note.length < columns) return `${row}${note}`;
    return `${row}\n        ${note.trim()}`;
  };
  const rate = (part: number, whole: number): string => (whole === 0 ? '–' : formatShare(part / whole));
  return [
    title,
    step('made', made, ''),
    step('yes', yes, `  ${rate(yes, made)} of asks made`),
    step('kept', kept, `  ${rate(kept, yes)} of the yeses (mark them with oneonone done A7 --kept)`),
  ].join('\n');
}

/** The ladder drawn top rung first, as people picture it. */
export function renderPeoplePerRung(figures: StatsFigures, color: boolean, columns = terminalColumns()): string {
  const c = paint(color);
  const rungs = [...figures.peoplePerRung].reverse();
  const most = Math.max(0, ...rungs.map((rung) => rung.people));
  const width = Math.max(...rungs.map((rung) => rung.rung.length));
  const total = rungs.reduce((sum, rung) => sum + rung.people, 0);
  const full = barWidth(columns, 2 + width + 1 + String(most).length + 1);
  return [
    c.bold('People per rung'),
    ...rungs.map((rung) => `  ${rung.rung.padEnd(width)} ${String(rung.people).padStart(String(most).length)} ${bar(rung.people, most, full)}`),
    `  ${plural(total, 'person', 'people')} in all.`,
  ].join('\n');
}

/** The longest monologue and reflections to questions, in words: no chart, as there are few of each. */
export function renderHabits(figures: StatsFigures, color: boolean): string {
  const c = paint(color);
  const reflecting = reflectingHabit(figures.habits.reflecting);
  return [c.bold(HABITS_TITLE), `  ${monologueHabit(figures.habits.longestMonologue)}`, ...(reflecting ? [`  ${reflecting}`] : [])].join('\n');
}

/** Each habit that applied, a bar from none to every meeting it applied in; the most skipped named in words under it. */
export function renderScorecardHabits(figures: StatsFigures, color: boolean, columns = terminalColumns()): string {
  const c = paint(color);
  const habits = figures.scorecardHabits;
  const title = c.bold(scorecardHabitsTitle(habits.meetings));
  if (habits.meetings === 0) return `${title}\n  ${NO_SCORECARDS}`;
  const applied = habits.items.filter((habit) => habit.applied > 0);
  const skipped = new Set(habits.mostSkipped.map((habit) => habit.item));
  const width = Math.max(...applied.map((habit) => habitLabel(habit.item).length));
  const figuresWidth = Math.max(...applied.map((habit) => habitFigures(habit.met, habit.applied).length));
  const full = barWidth(columns, 2 + width + 1 + 4 + 1 + 1 + figuresWidth);
  const rows = applied.map((habit) => {
    const drawn = bar(habit.met, habit.applied, full).padEnd(full);
    return `  ${habitLabel(habit.item).padEnd(width)} ${formatShare(habit.rate).padStart(4)} ${skipped.has(habit.item) ? c.yellow(drawn) : drawn} ${habitFigures(habit.met, habit.applied).padStart(figuresWidth)}`;
  });
  const unscored = habits.items.filter((habit) => habit.applied === 0).map((habit) => habitLabel(habit.item));
  const named = habits.mostSkipped.map((habit) => `    ${skippedHabit(habit.item, habit.met, habit.applied)}`);
  return [
    title,
    ...rows,
    ...(unscored.length > 0 ? [`  ${notArisen(unscored)}`] : []),
    ...(named.length > 0 ? [`  ${MOST_SKIPPED_HEADING}`, ...named] : [`  ${NONE_SKIPPED}`]),
  ].join('\n');
}

/** Supporters first, as a campaign counts them; the unassessed in words, so they never look like a level. */
export function renderAssessments(figures: StatsFigures, color: boolean, columns = terminalColumns()): string {
  const c = paint(color);
  const { perLevel, notAssessed, moves } = figures.assessments;
  const assessed = perLevel.reduce((sum, row) => sum + row.people, 0);
  const people = assessed + notAssessed;
  if (assessed === 0) return [c.bold(assessmentWords.statsTitle), `  ${assessmentWords.noneAssessed(people)}`].join('\n');
  const labels = perLevel.map((row) => `${row.level} ${assessmentLabel(row.level)}`);
  const width = Math.max(...labels.map((label) => label.length));
  const most = Math.max(...perLevel.map((row) => row.people));
  const full = barWidth(columns, 2 + width + 1 + String(most).length + 1);
  return [
    c.bold(assessmentWords.statsTitle),
    ...perLevel.map((row, i) => `  ${labels[i]!.padEnd(width)} ${String(row.people).padStart(String(most).length)} ${bar(row.people, most, full)}`),
    `  ${assessmentWords.notAssessed(notAssessed, people)}`,
    `  ${assessmentWords.moves(formatDate(figures.since), moves)}`,
  ].join('\n');
}

export function renderStats(figures: StatsFigures, color: boolean, columns = terminalColumns()): string {
  return [
    renderMeetingsPerWeek(figures, color, columns),
    renderTalkShares(figures, color, columns),
    talkVerdict(figures),
    renderHabits(figures, color),
    renderScorecardHabits(figures, color, columns),
    renderAskFunnel(figures, color, columns),
    renderPeoplePerRung(figures, color, columns),
    renderAssessments(figures, color, columns),
  ].join('\n\n');
}
