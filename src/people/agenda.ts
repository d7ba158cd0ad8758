import { addDays, differenceInCalendarDays, endOfDay, startOfDay } from 'date-fns';
import { cadenceFor, nextMeetingDue, type CadenceDays } from './cadence.js';
import { RUNGS, type Rung } from './ladder.js';

/**
 * The morning list: follow-ups, check-ins on asks, and people due a meeting, merged into one list, soonest first.
 * Pure: everything comes in as plain data with `now`.
 */
export type AgendaKind = 'followup' | 'ask' | 'cadence';

export const KIND_PREFIX: Record<AgendaKind, string> = { followup: 'F', ask: 'A', cadence: 'C' };
const KIND_ORDER: Record<AgendaKind, number> = { followup: 0, ask: 1, cadence: 2 };

/** With no due date and no check-in set, an ask is checked on this many days after the meeting. */
export const UNDATED_ASK_CHECKIN_DAYS = 7;

export interface OpenFollowUp {
  id: number;
  personId: number;
  person: string;
  text: string;
  dueAt: string;
}

export interface OpenAsk {
  id: number;
  personId: number;
  person: string;
  text: string;
  outcome: 'yes' | 'maybe';
  dueAt: string | null;
  checkinAt: string | null;
  /** When it was asked: the meeting's time, else when it was recorded. */
  askedAt: string;
}

export interface CadenceCandidate {
  personId: number;
  person: string;
  rung: string;
  lastMet: string | null;
  createdAt: string;
  cadenceUntil: string | null;
}

export interface AgendaItem {
  id: string;
  kind: AgendaKind;
  personId: number;
  person: string;
  due: Date;
  /** Cadence reminders are for a day, not an hour. */
  allDay: boolean;
  text: string;
  overdue: boolean;
  /** Whole calendar days late (0 = late today); null when not late. */
  daysLate: number | null;
  /** Cadence reminders: the person's rung, so that on the same day leaders come before contacts. */
  rung?: string;
}

/**
 * Cadence reminders listed at most (the most overdue first) unless --all: a large base can have tens of thousands
 * of people due a 1:1, and a morning list of them all is one nobody reads. Follow-ups and check-ins are the
 * organizer's own commitments and are never capped.
 */
export const CADENCE_CAP = 25;

export type AgendaWindow =
  | { kind: 'ahead'; days: number }
  | { kind: 'all' }
  | { kind: 'overdue' };

/** The latest moment the window reaches (null: no end), for the store to pre-select with. */
export function windowEnd(window: AgendaWindow, now: Date): Date | null {
  if (window.kind === 'all') return null;
  if (window.kind === 'overdue') return now;
  return endOfDay(addDays(now, window.days));
}

/**
 * The end for cadence reminders, which are for a day: as windowEnd, but --overdue means due before today
 * (a reminder due today is not late). The last millisecond before today, as stored moments compare with <=.
 */
export function cadenceWindowEnd(window: AgendaWindow, now: Date): Date | null {
  if (window.kind === 'overdue') return new Date(startOfDay(now).getTime() - 1);
  return windowEnd(window, now);
}

export function itemId(kind: AgendaKind, id: number): string {
  return `${KIND_PREFIX[kind]}${id}`;
}

/** "F12" -> followup 12; anything else -> undefined. Case and a leading # do not matter. */
export function parseItemId(input: string): { kind: AgendaKind; id: number } | undefined {
  const match = /^#?([fac])\s*(\d{1,15})$/i.exec(input.trim());
  if (!match) return undefined;
  const kind = (Object.keys(KIND_PREFIX) as AgendaKind[]).find((key) => KIND_PREFIX[key] === match[1]!.toUpperCase())!;
  return { kind, id: Number(match[2]) };
}

/** When an ask is checked on: a snoozed check-in, else its due time, else a week after it was made. */
export function checkInDue(ask: Pick<OpenAsk, 'dueAt' | 'checkinAt' | 'askedAt'>): Date {
  if (ask.checkinAt) return new Date(ask.checkinAt);
  if (ask.dueAt) return new Date(ask.dueAt);
  return new Date(new Date(ask.askedAt).getTime() + UNDATED_ASK_CHECKIN_DAYS * 86_400_000);
}

export function buildAgenda(
  sources: { followUps: OpenFollowUp[]; asks: OpenAsk[]; cadence: CadenceCandidate[] },
  cadence: CadenceDays,
  window: AgendaWindow,
  now: Date,
): AgendaItem[] {
  const items: AgendaItem[] = [
    ...sources.followUps.map((followUp) => timed('followup', followUp.id, followUp.personId, followUp.person, new Date(followUp.dueAt), followUp.text, now)),
    ...sources.asks.map((ask) => timed('ask', ask.id, ask.personId, ask.person, checkInDue(ask), checkInQuestion(ask.person, ask.text, ask.outcome), now)),
    ...sources.cadence.map((person) => cadenceItem(person, cadence, now)),
  ];
  const end = windowEnd(window, now);
  return items
    .filter((item) => (window.kind === 'overdue' ? item.overdue : end === null || item.due.getTime() <= end.getTime()))
    .sort(soonestFirst);
}

/**
 * Late first, then by due time; at the same moment follow-ups, then check-ins, then cadence (the higher rung first:
 * leaders before contacts); then by id. The store picks capped cadence reminders in this same order.
 */
export function soonestFirst(a: AgendaItem, b: AgendaItem): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    a.due.getTime() - b.due.getTime() ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    rungRank(b.rung) - rungRank(a.rung) ||
    Number(a.id.slice(1)) - Number(b.id.slice(1))
  );
}

/** Higher on the ladder, higher rank; no rung, or one not on the ladder, ranks below contact. */
function rungRank(rung: string | undefined): number {
  return rung === undefined ? -1 : RUNGS.indexOf(rung as Rung);
}

function timed(kind: AgendaKind, id: number, personId: number, person: string, due: Date, text: string, now: Date): AgendaItem {
  const overdue = due.getTime() < now.getTime();
  return {
    id: itemId(kind, id), kind, personId, person, due, allDay: false, text, overdue,
    daysLate: overdue ? Math.max(0, differenceInCalendarDays(now, due)) : null,
  };
}

function cadenceItem(person: CadenceCandidate, cadence: CadenceDays, now: Date): AgendaItem {
  const due = startOfDay(nextMeetingDue(person, cadence));
  const daysLate = differenceInCalendarDays(now, due);
  return {
    id: itemId('cadence', person.personId), kind: 'cadence', personId: person.personId, person: person.person, due, allDay: true,
    text: cadenceText(person, cadence, now), overdue: daysLate > 0, daysLate: daysLate > 0 ? daysLate : null, rung: person.rung,
  };
}

export function cadenceText(person: CadenceCandidate, cadence: CadenceDays, now: Date): string {
  const every = `${person.rung}, every ${cadenceFor(cadence, person.rung)} days`;
  const first = firstName(person.person);
  if (person.lastMet === null) return `Time for a first 1:1 with ${first} (${every}; never met)`;
  return `Time for a 1:1 with ${first} (${every}; last met ${daysWord(differenceInCalendarDays(now, new Date(person.lastMet)))})`;
}

function daysWord(days: number): string {
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
