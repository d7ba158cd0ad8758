import { createEvents, type EventAttributes } from 'ics';
import { agendaCatalogue, calendarDescription, calendarTitle } from '../messages/agenda.js';
import type { AgendaItem } from '../people/agenda.js';

/**
 * The listed items as an iCalendar file (RFC 5545): follow-ups and check-ins as 15-minute events at their time,
 * cadence reminders as all-day events. Each UID is the item's id, so importing again updates instead of duplicating.
 */
export function agendaCalendar(items: AgendaItem[], now: Date): string {
  const events: EventAttributes[] = items.map((item) => {
    const common = {
      uid: `${item.id}-${item.personId}@oneonone`,
      title: calendarTitle(item),
      description: calendarDescription(item),
      categories: ['oneonone', item.kind],
      classification: 'PRIVATE',
      status: 'CONFIRMED' as const,
      busyStatus: 'FREE' as const,
      transp: 'TRANSPARENT' as const,
      productId: 'oneonone',
      lastModified: now.getTime(),
    };
    if (item.allDay) {
      const next = new Date(item.due.getFullYear(), item.due.getMonth(), item.due.getDate() + 1);
      return { ...common, start: dayOf(item.due), end: dayOf(next) };
    }
    return { ...common, start: item.due.getTime(), startInputType: 'utc', startOutputType: 'utc', duration: { minutes: 15 } };
  });
  const { error, value } = createEvents(events, { productId: 'oneonone', calName: agendaCatalogue().calendarName });
  if (error || value === null) throw error ?? new Error('the calendar could not be written');
  return refold(value);
}

function dayOf(date: Date): [number, number, number] {
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()];
}

/** RFC 5545 3.1: at most 75 octets a line. */
const LINE_OCTETS = 75;

/** ics folds every 75 characters, so accented text and emoji overrun; undo its folds and fold again by octets. */
function refold(calendar: string): string {
  return calendar
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map(foldLine)
    .join('\r\n');
}

/** Cuts between code points, never inside one; each continuation begins with a space that counts as an octet. */
function foldLine(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    const room = parts.length === 0 ? LINE_OCTETS : LINE_OCTETS - 1;
    if (octets + size > room) {
      parts.push(part);
      part = '';
      octets = 0;
    }
    part += character;
    octets += size;
  }
  parts.push(part);
  return parts.join('\r\n ');
}
