import { cadenceTable, type CadenceDays } from '../people/cadence.js';
import { lateWords, type AgendaItem } from '../people/agenda.js';
import { formatSoon } from '../support/format.js';
import { paint } from './color.js';
import { renderCappedTable, renderTable } from './table.js';

export interface AgendaJson {
  id: string;
  kind: AgendaItem['kind'];
  person: string;
  personId: number;
  due: string;
  allDay: boolean;
  text: string;
  overdue: boolean;
  late: string | null;
}

export function agendaJson(items: AgendaItem[]): AgendaJson[] {
  return items.map((item) => ({
    id: item.id, kind: item.kind, person: item.person, personId: item.personId, due: item.due.toISOString(),
    allDay: item.allDay, text: item.text, overdue: item.overdue, late: lateWords(item.daysLate),
  }));
}

/** Late rows say LATE in words (and are red where colour is on); today's are bold. */
export function renderAgenda(items: AgendaItem[], now: Date, color: boolean): string {
  const c = paint(color);
  const rows = items.map((item) => {
    const when = whenCell(item, now);
    const style = item.overdue ? c.red : isToday(item, now) ? c.bold : (text: string) => text;
    return [style(item.id), style(when), item.person, item.text];
  });
  return renderCappedTable(['id', 'when', 'who', 'what'], rows, color, 'narrow with --days, --overdue or --person, or see all with --json');
}

/** Under a capped list: the people due a 1:1 beyond the cap, in words. */
export function moreDueLine(more: number): string {
  return `and ${more.toLocaleString('en')} more ${more === 1 ? 'person is' : 'people are'} due a 1:1 — see them all with --all`;
}

function whenCell(item: AgendaItem, now: Date): string {
  if (item.overdue) {
    const late = item.daysLate === 0 ? `today ${formatSoon(item.due, now).split(' ').pop()}` : `${item.daysLate} day${item.daysLate === 1 ? '' : 's'}`;
    return `LATE ${late}`;
  }
  return formatSoon(item.due, now, { allDay: item.allDay });
}

function isToday(item: AgendaItem, now: Date): boolean {
  return item.due.toDateString() === now.toDateString();
}

/** One line under the table: how the day looks. */
export function agendaSummary(items: AgendaItem[], now: Date): string {
  const late = items.filter((item) => item.overdue).length;
  const today = items.filter((item) => !item.overdue && isToday(item, now)).length;
  const later = items.length - late - today;
  const count = (n: number) => n.toLocaleString('en');
  const parts = [late && `${count(late)} late`, today && `${count(today)} today`, later && `${count(later)} coming up`].filter(Boolean);
  return `${parts.join(', ')}. Close one with: oneonone done ${items[0]!.id}   Move one with: oneonone snooze ${items[0]!.id} "next monday"`;
}

export function renderCadence(cadence: CadenceDays, color: boolean): string {
  const rows = [...cadenceTable(cadence)].reverse().map(({ rung, days, fromOther }) => [rung, `every ${days} days`, fromOther ? 'other' : '']);
  return renderTable(['rung', 'meet', 'set by'], rows, color);
}

export function cadenceJson(cadence: CadenceDays): { rungs: Record<string, number>; other: number } {
  return { rungs: Object.fromEntries(cadenceTable(cadence).map(({ rung, days }) => [rung, days])), other: cadence.other };
}
