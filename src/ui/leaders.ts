import { RUNGS, rungLevel } from '../people/ladder.js';
import type { RankedLeader } from '../people/ranking.js';
import { formats } from '../messages/format.js';
import { rungLabel } from '../messages/ladder.js';
import { leadersWords } from '../messages/leaders.js';
import { rungReason } from '../messages/people.js';
import type { RungMove } from '../store/contract.js';
import { paint } from './color.js';
import { renderCappedTable, renderTable } from './table.js';

export function leadersJson(leaders: RankedLeader[]): (RankedLeader & { rank: number })[] {
  return leaders.map((leader, index) => ({ rank: index + 1, ...leader }));
}

export function renderLeaders(leaders: RankedLeader[], now: Date, color: boolean): string {
  const words = leadersWords();
  const row = (leader: RankedLeader, index: number) => [
    index + 1,
    `#${leader.id}`,
    leader.name,
    rungLabel(leader.rung),
    leader.potential ?? '–',
    leader.meetings,
    formats().daysAgo(leader.lastMet, now),
    words.asks(leader.asksMade, leader.asksYes, leader.asksKept, leader.asksBroken),
    leader.referrals,
    words.score(leader.score),
  ];
  return renderCappedTable([...words.head], leaders, row, color, words.seeAll);
}

export interface LadderView {
  days: number;
  rungs: { rung: string; level: number | null; people: number }[];
  moves: (RungMove & { direction: 'up' | 'down' })[];
}

export function ladderView(counts: { rung: string; people: number }[], moves: RungMove[], days: number): LadderView {
  const known = RUNGS.map((rung) => ({ rung: rung as string, level: rungLevel(rung) as number | null, people: counts.find((count) => count.rung === rung)?.people ?? 0 }));
  const unknown = counts.filter((count) => !(RUNGS as readonly string[]).includes(count.rung)).map((count) => ({ ...count, level: null }));
  return {
    days,
    rungs: [...known, ...unknown],
    moves: moves.map((move) => ({ ...move, reason: rungReason(move), direction: rungLevel(move.toRung) > rungLevel(move.fromRung) ? 'up' : 'down' })),
  };
}

const BAR_WIDTH = 30;

/** The ladder top rung first, each with a bar of people; then the moves, newest first, with "up" or "down" in words. */
export function renderLadder(view: LadderView, now: Date, color: boolean): string {
  const c = paint(color);
  const words = leadersWords().ladder;
  const most = Math.max(1, ...view.rungs.map((rung) => rung.people));
  const ladder = renderTable(
    [...words.head],
    [...view.rungs].reverse().map((rung) => [
      `${rung.level ?? '?'} ${rungLabel(rung.rung)}`,
      rung.people,
      '█'.repeat(rung.people === 0 ? 0 : Math.max(1, Math.round((rung.people / most) * BAR_WIDTH))),
    ]),
    color,
  );
  const total = view.rungs.reduce((sum, rung) => sum + rung.people, 0);
  const heading = `${words.onTheLadder(total)}\n${words.movesHeading(view.days)}`;
  if (view.moves.length === 0) return `${ladder}\n${heading} ${words.nobodyMoved}`;
  const { date, daysAgo } = formats();
  const moves = renderTable(
    [...words.movesHead],
    view.moves.map((move) => [
      `${date(move.changedAt)} (${daysAgo(move.changedAt, now)})`,
      move.name,
      move.direction === 'up' ? c.green(words.up) : c.yellow(words.down),
      `${rungLabel(move.fromRung)} → ${rungLabel(move.toRung)}`,
      move.reason ?? '',
    ]),
    color,
  );
  return `${ladder}\n${heading}\n${moves}`;
}
