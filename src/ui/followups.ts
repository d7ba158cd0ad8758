import { agendaCatalogue, agendaWords, lateWhen, lateWords } from '../messages/agenda.js';
import { unreadHeading, unreadLines, unreadRowWords } from '../messages/coach.js';
import { formats } from '../messages/format.js';
import { rungLabel } from '../messages/ladder.js';
import { inEnglish } from '../messages/spoken.js';
import { cadenceTable, countsContacts, type CadenceCounts, type CadenceDays } from '../people/cadence.js';
import type { CoachNote } from '../store/coach.js';
import type { AgendaItem } from '../people/agenda.js';
import { paint } from './color.js';
import { renderCappedTable, renderTable } from './table.js';

/** Under a capped list: the people due a 1:1 beyond the cap, in words. */
export const moreDueLine = (more: number): string => agendaCatalogue().moreDue(more);

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

/** In English in every language, as all JSON is. */
export function agendaJson(items: AgendaItem[]): AgendaJson[] {
  return inEnglish(() => items.map((item) => ({
    id: item.id, kind: item.kind, person: item.person, personId: item.personId, due: item.due.toISOString(),
    allDay: item.allDay, text: agendaWords(item), overdue: item.overdue, late: lateWords(item.daysLate),
  })));
}

/**
 * An unread coach's note, as a row of the --json list (which stays an array, one object per row): first, kind
 * 'coach', with the whole note in `coachNote`.
 */
export interface CoachNoteJson {
  id: string;
  kind: 'coach';
  person: string;
  personId: number;
  due: string;
  allDay: false;
  text: string;
  overdue: false;
  late: null;
  coachNote: CoachNote;
}

export function coachNotesJson(notes: CoachNote[]): CoachNoteJson[] {
  return inEnglish(() => notes.map((note) => ({
    id: `M${note.meetingId}`, kind: 'coach' as const, person: note.personName, personId: note.personId, due: note.at, allDay: false as const,
    text: unreadRowWords(note), overdue: false as const, late: null, coachNote: note,
  })));
}

/** The section above the list: who wrote, on which meeting, the note, and where to read it (which marks it read). */
export function renderCoachNotes(notes: CoachNote[], color: boolean): string {
  const c = paint(color);
  // A blank line before the list, which follows.
  return `${[c.bold(unreadHeading(notes.length)), ...notes.flatMap(unreadLines)].join('\n')}\n\n`;
}

/** Late rows say LATE in words (and are red where colour is on); today's are bold. */
export function renderAgenda(items: AgendaItem[], now: Date, color: boolean): string {
  const c = paint(color);
  const row = (item: AgendaItem) => {
    const style = item.overdue ? c.red : isToday(item, now) ? c.bold : (text: string) => text;
    return [style(item.id), style(whenCell(item, now)), item.person, agendaWords(item)];
  };
  const words = agendaCatalogue();
  return renderCappedTable(words.headers, items, row, color, words.cappedHint);
}

/** Late items say how late; a late item due today keeps the time it was due. */
function whenCell(item: AgendaItem, now: Date): string {
  const { soon } = formats();
  if (item.overdue) return lateWhen(item.daysLate ?? 0, soon(item.due, now).split(' ').pop() ?? '');
  return soon(item.due, now, { allDay: item.allDay });
}

function isToday(item: AgendaItem, now: Date): boolean {
  return item.due.toDateString() === now.toDateString();
}

/** One line under the table: how the day looks. */
export function agendaSummary(items: AgendaItem[], now: Date): string {
  const late = items.filter((item) => item.overdue).length;
  const today = items.filter((item) => !item.overdue && isToday(item, now)).length;
  return agendaCatalogue().summary({ late, today, later: items.length - late - today }, items[0]!.id);
}

export function renderCadence(cadence: CadenceDays, color: boolean): string {
  const words = agendaCatalogue();
  const rows = [...cadenceTable(cadence)].reverse().map(({ rung, days, fromOther }) => [rungLabel(rung), ...words.cadenceRow(days, fromOther)]);
  return `${renderTable(words.cadenceHeaders, rows, color)}\n${words.cadenceCounts(countsContacts(cadence))}`;
}

export function cadenceJson(cadence: CadenceDays): { rungs: Record<string, number>; other: number; counts: CadenceCounts } {
  return { rungs: Object.fromEntries(cadenceTable(cadence).map(({ rung, days }) => [rung, days])), other: cadence.other, counts: cadence.counts ?? 'contacts' };
}
