import { RUNGS, rungLevel } from '../people/ladder.js';
import type { RankedLeader } from '../people/ranking.js';
import { rungReason } from '../messages/people.js';
import type { RungMove } from '../store/contract.js';
import { daysAgo, formatDate } from '../support/format.js';
import { paint } from './color.js';
import { renderCappedTable, renderTable } from './table.js';

export function leadersJson(leaders: RankedLeader[]): (RankedLeader & { rank: number })[] {
  return leaders.map((leader, index) => ({ rank: index + 1, ...leader }));
}

export function renderLeaders(leaders: RankedLeader[], now: Date, color: boolean): string {
  const row = (leader: RankedLeader, index: number) => [
    index + 1,
    `#${leader.id}`,
    leader.name,
    leader.rung,
    leader.potential ?? '–',
    leader.meetings,
    daysAgo(leader.lastMet, now),
    `${leader.asksMade} / ${leader.asksYes} / ${leader.asksKept}${leader.asksBroken ? ` (${leader.asksBroken} broken)` : ''}`,
    leader.referrals,
    leader.score.toFixed(1),
  ];
  return renderCappedTable(['rank', 'id', 'name', 'rung', 'potential', 'meetings', 'last met', 'asks made / yes / kept', 'brought in', 'score'], leaders, row, color, 'see them all with --json');
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
  const most = Math.max(1, ...view.rungs.map((rung) => rung.people));
  const ladder = renderTable(
    ['rung', 'people', ''],
    [...view.rungs].reverse().map((rung) => [
      `${rung.level ?? '?'} ${rung.rung}`,
      rung.people,
      '█'.repeat(rung.people === 0 ? 0 : Math.max(1, Math.round((rung.people / most) * BAR_WIDTH))),
    ]),
    color,
  );
  const total = view.rungs.reduce((sum, rung) => sum + rung.people, 0);
  const heading = `\nMoves in the last ${view.days} day${view.days === 1 ? '' : 's'}:`;
  if (view.moves.length === 0) return `${ladder}\n${total} ${total === 1 ? 'person' : 'people'} on the ladder.${heading} nobody moved.`;
  const moves = renderTable(
    ['when', 'who', 'move', 'from → to', 'why'],
    view.moves.map((move) => [
      `${formatDate(move.changedAt)} (${daysAgo(move.changedAt, now)})`,
      move.name,
      move.direction === 'up' ? c.green('up') : c.yellow('down'),
      `${move.fromRung} → ${move.toRung}`,
      move.reason ?? '',
    ]),
    color,
  );
  return `${ladder}\n${total} ${total === 1 ? 'person' : 'people'} on the ladder.${heading}\n${moves}`;
}
