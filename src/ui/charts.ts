import type { ScoreItem } from '../meeting/scorecard.js';
import type { StatsFigures } from '../meeting/stats.js';
import { assessmentLabel, assessmentStatsWords } from '../messages/assessment.js';
import { formats } from '../messages/format.js';
import { habitWords } from '../messages/habits.js';
import { rungLabel } from '../messages/ladder.js';
import { skippedHabit } from '../messages/scorecard.js';
import { statsWords } from '../messages/stats.js';
import { webWords } from '../messages/web.js';
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

export function renderMeetingsPerWeek(figures: StatsFigures, color: boolean, columns = terminalColumns()): string {
  const c = paint(color);
  const words = statsWords().meetingsPerWeek;
  const weeks = figures.meetingsPerWeek;
  const most = Math.max(0, ...weeks.map((week) => week.meetings));
  const total = weeks.reduce((sum, week) => sum + week.meetings, 0);
  const width = String(most).length;
  const full = barWidth(columns, 2 + 3 + 2 + 16 + 1 + width + 1);
  const lines = weeks.map((week) => `  ${words.week(week.week)}  ${formats().date(`${week.start}T00:00:00`).padEnd(16)} ${String(week.meetings).padStart(width)} ${bar(week.meetings, most, full)}`);
  const perWeek = weeks.length === 0 ? 0 : total / weeks.length;
  return [
    c.bold(words.title),
    ...lines,
    `  ${words.summary(total, weeks.length, perWeek)}`,
    ...(figures.otherContacts.total ? [`  ${webWords.otherContacts(figures.otherContacts.total, figures.otherContacts.by)}`] : []),
  ].join('\n');
}

/** Each meeting a bar from 0 to 100% of the talking, with the 20% line drawn through every row. */
export function renderTalkShares(figures: StatsFigures, color: boolean, columns = terminalColumns()): string {
  const c = paint(color);
  const words = statsWords().talkShares;
  const { date, share } = formats();
  const talk = figures.talkShare;
  const title = c.bold(words.title(share(talk.line)));
  if (talk.meetings.length === 0) return `${title}\n  ${words.noTalk}`;
  const shown = talk.meetings.slice(-MOST_MEETINGS_DRAWN);
  // A narrow terminal says "over" where a wide one says "over the line"; the title says which line.
  const overTheLine = `  ${words.overTheLine}`;
  const overWords = barWidth(columns, 2 + 16 + 1 + 1 + 1 + 4 + overTheLine.length) > NARROWEST_BAR || columns === undefined ? overTheLine : `  ${words.over}`;
  const full = barWidth(columns, 2 + 16 + 1 + 1 + 1 + 4 + overWords.length);
  const lineAt = Math.round(talk.line * full);
  const rows = shown.map((meeting) => {
    const length = Math.round(meeting.share * full);
    const left = FULL.repeat(Math.min(length, lineAt)).padEnd(lineAt);
    const right = FULL.repeat(Math.max(0, length - lineAt)).padEnd(full - lineAt);
    const over = meeting.share > talk.line;
    const painted = over ? c.yellow(`${left}│${right}`) : `${left}│${right}`;
    return `  ${date(meeting.heldAt).padEnd(16)} ${painted} ${share(meeting.share).padStart(4)}${over ? overWords : ''}`;
  });
  const summary = `  ${words.summary(talk.meetings.length, shown.length < talk.meetings.length ? shown.length : undefined, talk.overLine, share(talk.average))}`;
  return [title, ...rows, summary].join('\n');
}

/** The verdict in words: this month against last. */
export function talkVerdict(figures: StatsFigures): string {
  const { thisMonth, lastMonth, line, change } = figures.talkShare;
  const words = statsWords().verdict;
  const { share } = formats();
  const against = (average: number): string => words.against(average > line, share(line));
  if (thisMonth.average === null && lastMonth.average === null) return words.noneEither;
  if (thisMonth.average === null) return words.noneThisMonth(share(lastMonth.average), against(lastMonth.average!));
  if (lastMonth.average === null) return words.noneLastMonth(share(thisMonth.average), against(thisMonth.average));
  return words.compared(share(thisMonth.average), share(lastMonth.average), change ?? 'same', against(thisMonth.average));
}

/** Asks made, said yes, kept: a funnel narrowing to the middle. */
export function renderAskFunnel(figures: StatsFigures, color: boolean, columns = terminalColumns()): string {
  const c = paint(color);
  const words = statsWords().asks;
  const { made, yes, kept } = figures.asks;
  const title = c.bold(words.title);
  if (made === 0) return `${title}\n  ${words.none}`;
  // The labels' column: five wide in English ("made "), wider where a language's labels are longer.
  const labelWidth = Math.max(5, ...[words.made, words.yes, words.kept].map((label) => label.length + 1));
  const full = barWidth(columns, 2 + labelWidth + 1 + 1 + String(made).length);
  const step = (label: string, value: number, note: string): string => {
    const drawn = value === 0 ? '·' : FULL.repeat(Math.max(1, Math.round((value / made) * full)));
    const padding = Math.floor((full - drawn.length) / 2);
    const row = `  ${label.padEnd(labelWidth)} ${' '.repeat(padding)}${drawn}${' '.repeat(full - drawn.length - padding)} ${String(value).padStart(String(made).length)}`;
    // Where the words would push the row past the terminal's edge, they go on a line of their own under it.
    if (note === '' || columns === undefined || row.length + note.length < columns) return `${row}${note}`;
    return `${row}\n${' '.repeat(2 + labelWidth + 1)}${note.trim()}`;
  };
  const rate = (part: number, whole: number): string => (whole === 0 ? '–' : formats().share(part / whole));
  return [
    title,
    step(words.made, made, ''),
    step(words.yes, yes, `  ${words.ofMade(rate(yes, made))}`),
    step(words.kept, kept, `  ${words.ofYeses(rate(kept, yes))}`),
  ].join('\n');
}

/** The ladder drawn top rung first, as people picture it. */
export function renderPeoplePerRung(figures: StatsFigures, color: boolean, columns = terminalColumns()): string {
  const c = paint(color);
  const words = statsWords().rungs;
  const rungs = [...figures.peoplePerRung].reverse().map((rung) => ({ ...rung, label: rungLabel(rung.rung) }));
  const most = Math.max(0, ...rungs.map((rung) => rung.people));
  const width = Math.max(...rungs.map((rung) => rung.label.length));
  const total = rungs.reduce((sum, rung) => sum + rung.people, 0);
  const full = barWidth(columns, 2 + width + 1 + String(most).length + 1);
  return [
    c.bold(words.title),
    ...rungs.map((rung) => `  ${rung.label.padEnd(width)} ${String(rung.people).padStart(String(most).length)} ${bar(rung.people, most, full)}`),
    `  ${words.inAll(total)}`,
  ].join('\n');
}

/** The longest monologue and reflections to questions, in words: no chart, as there are few of each. */
export function renderHabits(figures: StatsFigures, color: boolean): string {
  const c = paint(color);
  const words = habitWords();
  const { longestMonologue, reflecting } = figures.habits;
  return [c.bold(words.title), `  ${words.monologue(longestMonologue)}`, ...(reflecting ? [`  ${words.reflecting(reflecting)}`] : [])].join('\n');
}

/** Each habit that applied, a bar from none to every meeting it applied in; the most skipped named in words under it. */
export function renderScorecardHabits(figures: StatsFigures, color: boolean, columns = terminalColumns()): string {
  const c = paint(color);
  const words = habitWords();
  const { share } = formats();
  const habitLabel = (item: ScoreItem): string => words.labels[item];
  const habitFigures = words.figures;
  const habits = figures.scorecardHabits;
  const title = c.bold(words.scorecardTitle(habits.meetings));
  if (habits.meetings === 0) return `${title}\n  ${words.noScorecards}`;
  const applied = habits.items.filter((habit) => habit.applied > 0);
  const skipped = new Set(habits.mostSkipped.map((habit) => habit.item));
  const width = Math.max(...applied.map((habit) => habitLabel(habit.item).length));
  const figuresWidth = Math.max(...applied.map((habit) => habitFigures(habit.met, habit.applied).length));
  const full = barWidth(columns, 2 + width + 1 + 4 + 1 + 1 + figuresWidth);
  const rows = applied.map((habit) => {
    const drawn = bar(habit.met, habit.applied, full).padEnd(full);
    return `  ${habitLabel(habit.item).padEnd(width)} ${share(habit.rate).padStart(4)} ${skipped.has(habit.item) ? c.yellow(drawn) : drawn} ${habitFigures(habit.met, habit.applied).padStart(figuresWidth)}`;
  });
  const unscored = habits.items.filter((habit) => habit.applied === 0).map((habit) => habitLabel(habit.item));
  const named = habits.mostSkipped.map((habit) => `    ${skippedHabit(habit.item, habit.met, habit.applied)}`);
  return [
    title,
    ...rows,
    ...(unscored.length > 0 ? [`  ${words.notArisen(unscored)}`] : []),
    ...(named.length > 0 ? [`  ${words.mostSkipped}`, ...named] : [`  ${words.noneSkipped}`]),
  ].join('\n');
}

/** Supporters first, as a campaign counts them; the unassessed in words, so they never look like a level. */
export function renderAssessments(figures: StatsFigures, color: boolean, columns = terminalColumns()): string {
  const c = paint(color);
  const words = assessmentStatsWords();
  const { perLevel, notAssessed, moves } = figures.assessments;
  const assessed = perLevel.reduce((sum, row) => sum + row.people, 0);
  const people = assessed + notAssessed;
  if (assessed === 0) return [c.bold(words.title), `  ${words.noneAssessed(people)}`].join('\n');
  const labels = perLevel.map((row) => `${row.level} ${assessmentLabel(row.level)}`);
  const width = Math.max(...labels.map((label) => label.length));
  const most = Math.max(...perLevel.map((row) => row.people));
  const full = barWidth(columns, 2 + width + 1 + String(most).length + 1);
  return [
    c.bold(words.title),
    ...perLevel.map((row, i) => `  ${labels[i]!.padEnd(width)} ${String(row.people).padStart(String(most).length)} ${bar(row.people, most, full)}`),
    `  ${words.notAssessed(notAssessed, people)}`,
    `  ${words.moves(formats().date(figures.since), moves)}`,
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
