/** The English of the morning list: what each item says, how late it is, the lines around the table and calendar, and what done and snooze say. Another language is another object of these shapes. */
import { wholeCount } from '../support/format.js';
import type { AgendaItem, AgendaKind, AgendaSubject } from '../people/agenda.js';
import { followUpWords } from './commitments.js';
import { formats } from './format.js';
import { rungLabel } from './ladder.js';
import { spokenCatalogues } from './spoken.js';

type Cadence = Extract<AgendaSubject, { kind: 'cadence' }>;
export type AskResult = 'kept' | 'broken';

/** The list and its calendar. */
export interface AgendaWords {
  /** "Time for a 1:1 with Eve (volunteer, every 30 days; last met 49 days ago)"; `rung` already a label. */
  cadence(first: string, rung: string, cadence: Cadence): string;
  /** The check-in as a question, from the ask as the organizer typed it. */
  checkIn(first: string, askText: string, outcome: 'yes' | 'maybe'): string;
  /** The table's "when" of a late item: "LATE 2 days", "LATE today 09:00". */
  lateWhen(daysLate: number, time: string): string;
  headers: string[];
  cappedHint: string;
  cadenceHeaders: string[];
  cadenceCounts(contacts: boolean): string;
  cadenceRow(days: number, fromOther: boolean): [string, string];
  moreDue(more: number): string;
  summary(counts: { late: number; today: number; later: number }, firstId: string): string;
  /** Nothing to list: for one person (named) or everyone, in the window asked for. */
  empty(window: { kind: 'overdue' } | { kind: 'all' } | { kind: 'ahead'; days: number }, person: string | undefined): string;
  wroteCalendar(count: number, file: string): string;
  savedCadence(cadence: string): string;
  calendarName: string;
  calendarWhat: Record<AgendaKind, string>;
  calendarDescription(what: string, person: string, id: string): string;
  actions: ActionWords;
}

/** What done and snooze say they did (their refusals are in errors). Dates arrive in words. */
export interface ActionWords {
  closed(id: number, person: string, what: string): string;
  changeResult(id: number, was: AskResult, on: string, to: AskResult): string;
  changed(id: number, person: string, text: string, result: AskResult, was: AskResult): string;
  checked(id: number, person: string, text: string, result: AskResult | null): string;
  dismissed(id: number, person: string, due: string, rung: string, days: number): string;
  movedFollowUp(id: number, person: string, what: string, to: string): string;
  movedCheckIn(id: number, person: string, text: string, to: string): string;
  /** A snoozed 1:1 reminder: which way it moved by the day the list shows, and why it is later than asked, if it is. */
  movedCadence(moved: CadenceMove): string;
}

export interface CadenceMove {
  id: number;
  person: string;
  days: number;
  /** Whether they ever met (else the clock runs from when they were added). */
  met: boolean;
  way: 'same' | 'earlier' | 'later';
  due: string;
  before: string;
  /** The day asked for, when the day the list shows is later than it; else null. */
  heldBackFrom: string | null;
}

function cadenceWords(first: string, rung: string, cadence: Cadence): string {
  const every = `${rung}, every ${cadence.everyDays} days`;
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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const ACTIONS_EN: ActionWords = {
  closed: (id, person, what) => `Closed F${id}: ${person}: ${what}.`,
  changeResult: (id, was, on, to) => `A${id} was recorded as ${was} on ${on}. Change it to ${to}?`,
  changed: (id, person, text, result, was) => `Changed A${id}: ${person} ${result === 'kept' ? 'kept' : 'did not keep'} "${text}" (it was recorded as ${was}).`,
  checked: (id, person, text, result) =>
    result
      ? `Checked A${id}: ${person} ${result === 'kept' ? 'kept' : 'did not keep'} "${text}". It counts in: oneonone leaders`
      : `Checked A${id}: ${person}, "${text}". Record whether it was kept with: oneonone done A${id} --kept (or --broken)`,
  dismissed: (id, person, due, rung, days) => `Dismissed C${id}: the next 1:1 with ${person} is due ${due} (a ${rung}: every ${days} days).`,
  movedFollowUp: (id, person, what, to) => `Moved F${id} (${person}: ${what}) to ${to}.`,
  movedCheckIn: (id, person, text, to) => `Moved the check-in A${id} (${person}: "${text}") to ${to}.`,
  movedCadence: ({ id, person, days, met, way, due, before, heldBackFrom }) => {
    const heldBack = (whom: string) => (heldBackFrom === null ? '' : `: that is ${days} days after you ${met ? 'last met' : 'added'} ${whom}, later than ${heldBackFrom}`);
    if (way === 'same') return `C${id} stays due on ${due}${heldBack(person)}.`;
    return `Moved C${id} ${way}: the next 1:1 with ${person} is due ${due} (it was ${before})${heldBack('them')}.`;
  },
};

const AGENDA_EN: AgendaWords = {
  cadence: cadenceWords,
  checkIn: englishCheckIn,
  lateWhen: (daysLate, time) => `LATE ${daysLate === 0 ? `today ${time}` : `${daysLate} day${daysLate === 1 ? '' : 's'}`}`,
  headers: ['id', 'when', 'who', 'what'],
  cappedHint: 'narrow with --days, --overdue or --person, or see all with --json',
  cadenceHeaders: ['rung', 'meet', 'set by'],
  cadenceCounts: (contacts) =>
    contacts
      ? 'The clock restarts at a 1:1 or any other contact (oneonone touch); count 1:1s only with: oneonone followups --cadence counts=one-on-ones'
      : 'The clock restarts at a 1:1 only; count calls and door knocks too with: oneonone followups --cadence counts=contacts',
  cadenceRow: (days, fromOther) => [`every ${days} days`, fromOther ? 'other' : ''],
  moreDue: (more) => `and ${wholeCount(more)} more ${more === 1 ? 'person is' : 'people are'} due a 1:1 — see them all with --all`,
  summary: (counts, firstId) => {
    const parts = [
      counts.late && `${wholeCount(counts.late)} late`,
      counts.today && `${wholeCount(counts.today)} today`,
      counts.later && `${wholeCount(counts.later)} coming up`,
    ].filter(Boolean);
    return `${parts.join(', ')}. Close one with: oneonone done ${firstId}   Move one with: oneonone snooze ${firstId} "next monday"`;
  },
  empty: (window, person) => {
    if (person !== undefined) {
      if (window.kind === 'overdue') return `Nothing late with ${person}.`;
      return window.kind === 'all' ? `Nothing open with ${person}.` : `Nothing due with ${person} in the next ${window.days} days.`;
    }
    if (window.kind === 'overdue') return 'Nothing is late. Well kept.';
    if (window.kind === 'all') return 'Nothing open: no follow-ups, no check-ins, nobody due a 1:1. Record a meeting with: oneonone log';
    if (window.days === 0) return 'Nothing due today and nothing late. A good day to set up a 1:1.';
    return `Nothing due in the next ${plural(window.days, 'day')} and nothing late. A good day to set up a 1:1.`;
  },
  wroteCalendar: (count, file) => `Wrote ${plural(count, 'item')} to ${file} (only you can read it: it has people's names).`,
  savedCadence: (cadence) => `Saved the cadence: ${cadence}.`,
  calendarName: 'oneonone follow-ups',
  calendarWhat: { followup: 'Follow-up', ask: 'Check-in on an ask', cadence: 'A 1:1 is due' },
  calendarDescription: (what, person, id) => `${what} with ${person}.\nClose it with: oneonone done ${id}\nMove it with: oneonone snooze ${id} "next monday"`,
  actions: ACTIONS_EN,
};

export const agendaCatalogue = (): AgendaWords => spokenCatalogues()?.agenda ?? AGENDA_EN;
export const actionWords = (): ActionWords => agendaCatalogue().actions;

/** What an item asks of the organizer, in a sentence. */
export function agendaWords(item: AgendaSubject & { person: string }): string {
  switch (item.kind) {
    case 'followup':
      return followUpWords(item, item.person);
    case 'ask':
      return checkInQuestion(item.person, item.text, item.outcome);
    case 'cadence':
      return agendaCatalogue().cadence(firstName(item.person), rungLabel(item.rung), item);
  }
}

/** "3 days late", "1 day late", "late today"; null when not late. For --json, so English in every language. */
export function lateWords(daysLate: number | null): string | null {
  if (daysLate === null) return null;
  if (daysLate === 0) return 'late today';
  return `${daysLate} day${daysLate === 1 ? '' : 's'} late`;
}

/** The table's "when" for a late item: "LATE 2 days", or "LATE today 09:00" with the time it was due. */
export function lateWhen(daysLate: number, time: string): string {
  return agendaCatalogue().lateWhen(daysLate, time);
}

// ── the calendar file ──────────────────────────────────────────────────────

/** A cadence reminder already names the person; the others say who first. */
export function calendarTitle(item: AgendaItem): string {
  return `${item.id} ${item.kind === 'cadence' ? agendaWords(item) : `${item.person}: ${agendaWords(item)}`}`;
}

export function calendarDescription(item: AgendaItem): string {
  const words = agendaCatalogue();
  return words.calendarDescription(words.calendarWhat[item.kind], item.person, item.id);
}

// ── check-in questions ─────────────────────────────────────────────────────

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** The check-in as a question the organizer can ask, in the run's language. */
export function checkInQuestion(person: string, askText: string, outcome: 'yes' | 'maybe'): string {
  return agendaCatalogue().checkIn(firstName(person), askText, outcome);
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
function englishCheckIn(first: string, askText: string, outcome: 'yes' | 'maybe'): string {
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
