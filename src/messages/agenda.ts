/** The English of the morning list: what each item says, how late it is, and the lines around the table and calendar. */
import { wholeCount } from '../support/format.js';
import type { AgendaItem, AgendaKind, AgendaSubject } from '../people/agenda.js';
import { followUpWords } from './commitments.js';

/** What an item asks of the organizer, in a sentence. */
export function agendaWords(item: AgendaSubject & { person: string }): string {
  switch (item.kind) {
    case 'followup':
      return followUpWords(item, item.person);
    case 'ask':
      return checkInQuestion(item.person, item.text, item.outcome);
    case 'cadence':
      return cadenceWords(item.person, item);
  }
}

function cadenceWords(person: string, cadence: Extract<AgendaSubject, { kind: 'cadence' }>): string {
  const every = `${cadence.rung}, every ${cadence.everyDays} days`;
  const first = firstName(person);
  // A call or a door knock since restarted the clock: say both, so nobody mistakes it for a 1:1.
  const contact = cadence.daysSinceContact === null ? '' : `last contact ${daysAgo(cadence.daysSinceContact)}, `;
  if (cadence.daysSinceMet === null) return `Time for a first 1:1 with ${first} (${every}; ${contact}never met)`;
  return `Time for a 1:1 with ${first} (${every}; ${contact}${contact ? 'last 1:1' : 'last met'} ${daysAgo(cadence.daysSinceMet)})`;
}

function daysAgo(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** "3 days late", "1 day late", "late today"; null when not late. */
export function lateWords(daysLate: number | null): string | null {
  if (daysLate === null) return null;
  if (daysLate === 0) return 'late today';
  return `${daysLate} day${daysLate === 1 ? '' : 's'} late`;
}

/** The table's "when" for a late item: "LATE 2 days", or "LATE today 09:00" with the time it was due. */
export function lateWhen(daysLate: number, time: string): string {
  return `LATE ${daysLate === 0 ? `today ${time}` : `${daysLate} day${daysLate === 1 ? '' : 's'}`}`;
}

export const AGENDA_HEADERS = ['id', 'when', 'who', 'what'];
export const AGENDA_CAPPED_HINT = 'narrow with --days, --overdue or --person, or see all with --json';
export const CADENCE_HEADERS = ['rung', 'meet', 'set by'];

/** A row of the cadence table: how often a rung is met, and whether that comes from `other`. */
/** Under the cadence table: what restarts the clock (set with counts=contacts or counts=one-on-ones). */
export function cadenceCountsWords(contacts: boolean): string {
  return contacts
    ? 'The clock restarts at a 1:1 or any other contact (oneonone touch); count 1:1s only with: oneonone followups --cadence counts=one-on-ones'
    : 'The clock restarts at a 1:1 only; count calls and door knocks too with: oneonone followups --cadence counts=contacts';
}

export function cadenceRowWords(days: number, fromOther: boolean): [string, string] {
  return [`every ${days} days`, fromOther ? 'other' : ''];
}

/** Under a capped list: the people due a 1:1 beyond the cap, in words. */
export function moreDueLine(more: number): string {
  return `and ${wholeCount(more)} more ${more === 1 ? 'person is' : 'people are'} due a 1:1 — see them all with --all`;
}

/** One line under the table: how the day looks, and how to close or move the first item. */
export function agendaSummaryLine(counts: { late: number; today: number; later: number }, firstId: string): string {
  const count = wholeCount;
  const parts = [
    counts.late && `${count(counts.late)} late`,
    counts.today && `${count(counts.today)} today`,
    counts.later && `${count(counts.later)} coming up`,
  ].filter(Boolean);
  return `${parts.join(', ')}. Close one with: oneonone done ${firstId}   Move one with: oneonone snooze ${firstId} "next monday"`;
}

// ── the calendar file ──────────────────────────────────────────────────────

export const CALENDAR_NAME = 'oneonone follow-ups';

const CALENDAR_WHAT: Record<AgendaKind, string> = {
  followup: 'Follow-up',
  ask: 'Check-in on an ask',
  cadence: 'A 1:1 is due',
};

/** A cadence reminder already names the person; the others say who first. */
export function calendarTitle(item: AgendaItem): string {
  return `${item.id} ${item.kind === 'cadence' ? agendaWords(item) : `${item.person}: ${agendaWords(item)}`}`;
}

export function calendarDescription(item: AgendaItem): string {
  return `${CALENDAR_WHAT[item.kind]} with ${item.person}.\nClose it with: oneonone done ${item.id}\nMove it with: oneonone snooze ${item.id} "next monday"`;
}

// ── check-in questions ─────────────────────────────────────────────────────

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** Verbs an ask usually starts with, so "come to the tenant meeting" can become "Did Ana come to the tenant meeting?". */
const ASK_VERBS = new Set(
  `act add answer apply ask attend be bring build call canvass chair change check cook collect come commit connect contact cover
  do donate draft drive email fill find follow gather get give go hand help host introduce invite join keep knock lead learn
  leaflet make march meet move organize phone pick plan pledge post prepare present print put reach read recruit register
  reply rsvp run say see send serve set share show sign sit speak sponsor start stay submit take talk teach tell testify text
  think train try turn visit volunteer vote walk welcome work write`.split(/\s+/),
);

/**
 * The check-in as a question the organizer can ask: "Did Ana come to the tenant meeting?". An ask that does not
 * start with a verb is quoted instead: 'Did Ana follow through on "the Thursday vigil"?'. A maybe is marked.
 */
export function checkInQuestion(person: string, askText: string, outcome: 'yes' | 'maybe'): string {
  const first = firstName(person);
  let ask = askText.trim().replace(/\s+/g, ' ').replace(/[.?!]+$/, '');
  ask = ask.replace(/^(?:(?:will|would|can|could) you(?: please)?|please|to)\s+/i, '');
  const said = outcome === 'maybe' ? ' (said maybe)' : '';
  const [verb = ''] = ask.split(' ');
  if (ASK_VERBS.has(verb.toLowerCase())) {
    const rest = ask
      .replace(/^\S+/, verb.toLowerCase())
      .replace(/\byourself\b/gi, 'themselves')
      .replace(/\byour\b/gi, 'their')
      .replace(/\byou\b/gi, 'they');
    return `Did ${first} ${rest}?${said}`;
  }
  return `Did ${first} follow through on "${ask}"?${said}`;
}
