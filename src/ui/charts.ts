import type { StatsFigures } from '../meeting/stats.js';
import { formatDate, formatShare } from '../support/format.js';
import { paint } from './color.js';

const BAR_WIDTH = 40;
const FULL = '█';
/** Shown most recent last; older meetings are counted but not drawn, so the picture fits a screen. */
const MOST_MEETINGS_DRAWN = 20;

function bar(value: number, most: number, width = BAR_WIDTH): string {
  if (value <= 0 || most <= 0) return '·';
  return FULL.repeat(Math.max(1, Math.round((value / most) * width)));
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function renderMeetingsPerWeek(figures: StatsFigures, color: boolean): string {
  const c = paint(color);
  const weeks = figures.meetingsPerWeek;
  const most = Math.max(0, ...weeks.map((week) => week.meetings));
  const total = weeks.reduce((sum, week) => sum + week.meetings, 0);
  const width = String(most).length;
  const lines = weeks.map((week) => `  ${week.week.slice(5)}  ${formatDate(`${week.start}T00:00:00`).padEnd(16)} ${String(week.meetings).padStart(width)} ${bar(week.meetings, most)}`);
  const perWeek = weeks.length === 0 ? 0 : total / weeks.length;
  return [
    c.bold('Meetings per week'),
    ...lines,
    `  ${plural(total, 'meeting')} in ${plural(weeks.length, 'week')}, ${perWeek.toFixed(1)} a week on average.`,
  ].join('\n');
}

/** Each meeting a bar from 0 to 100% of the talking, with the 20% line drawn through every row. */
export function renderTalkShares(figures: StatsFigures, color: boolean): string {
  const c = paint(color);
  const talk = figures.talkShare;
  const title = c.bold(`Your share of the talking, meeting by meeting (│ is the ${formatShare(talk.line)} line: stay left of it)`);
  if (talk.meetings.length === 0) {
    return `${title}\n  No meeting in this period has talk time recorded. Run your next one-on-one with oneonone start to see it here.`;
  }
  const shown = talk.meetings.slice(-MOST_MEETINGS_DRAWN);
  const lineAt = Math.round(talk.line * BAR_WIDTH);
  const rows = shown.map((meeting) => {
    const length = Math.round(meeting.share * BAR_WIDTH);
    const left = FULL.repeat(Math.min(length, lineAt)).padEnd(lineAt);
    const right = FULL.repeat(Math.max(0, length - lineAt)).padEnd(BAR_WIDTH - lineAt);
    const over = meeting.share > talk.line;
    const painted = over ? c.yellow(`${left}│${right}`) : `${left}│${right}`;
    return `  ${formatDate(meeting.heldAt).padEnd(16)} ${painted} ${formatShare(meeting.share).padStart(4)}${over ? '  over the line' : ''}`;
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
export function renderAskFunnel(figures: StatsFigures, color: boolean): string {
  const c = paint(color);
  const { made, yes, kept } = figures.asks;
  const title = c.bold('Asks: made, said yes, kept');
  if (made === 0) return `${title}\n  No asks in this period. Every one-on-one ends with a specific ask: record it with --ask.`;
  const step = (label: string, value: number, note: string): string => {
    const drawn = value === 0 ? '·' : FULL.repeat(Math.max(1, Math.round((value / made) * BAR_WIDTH)));
    const padding = Math.floor((BAR_WIDTH - drawn.length) / 2);
    return `  ${label.padEnd(5)} ${' '.repeat(padding)}${drawn}${' '.repeat(BAR_WIDTH - drawn.length - padding)} ${String(value).padStart(String(made).length)}${note}`;
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
export function renderPeoplePerRung(figures: StatsFigures, color: boolean): string {
  const c = paint(color);
  const rungs = [...figures.peoplePerRung].reverse();
  const most = Math.max(0, ...rungs.map((rung) => rung.people));
  const width = Math.max(...rungs.map((rung) => rung.rung.length));
  const total = rungs.reduce((sum, rung) => sum + rung.people, 0);
  return [
    c.bold('People per rung'),
    ...rungs.map((rung) => `  ${rung.rung.padEnd(width)} ${String(rung.people).padStart(String(most).length)} ${bar(rung.people, most)}`),
    `  ${plural(total, 'person', 'people')} in all.`,
  ].join('\n');
}

export function renderStats(figures: StatsFigures, color: boolean): string {
  return [
    renderMeetingsPerWeek(figures, color),
    renderTalkShares(figures, color),
    talkVerdict(figures),
    renderAskFunnel(figures, color),
    renderPeoplePerRung(figures, color),
  ].join('\n\n');
}
