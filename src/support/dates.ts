import * as chrono from 'chrono-node';
import { UserError } from './errors.js';

export interface WhenOptions {
  now?: Date;
  /** Due dates: a bare "friday" means the coming one, and a past moment is refused. */
  future?: boolean;
  /** What the date is for, used in messages ("the ask's due date"). */
  field?: string;
}

const EXAMPLES = `try 2026-12-02, "2026-12-02 19:00", tomorrow, "next friday" or "5 pm on February 2nd"`;
const ISO = /^(\d{4,})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
/** Years a one-on-one, a follow-up or a report can plausibly name; outside them is a typo, never a meeting. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;

/** Turns what the organizer typed into a moment, or refuses it with the input quoted; never guesses. */
export function parseWhen(input: string, options: WhenOptions = {}): Date {
  const now = options.now ?? new Date();
  const field = options.field ?? 'date';
  const text = input.trim();
  const moment = ISO.test(text) ? parseIso(text, field) : parseNatural(text, now, options.future ?? false, field);
  if (options.future && moment.getTime() < now.getTime() - 60_000) {
    throw new UserError(`the ${field} "${input}" is in the past (${moment.toISOString().slice(0, 16).replace('T', ' ')})`, {
      hint: 'give a date still to come, e.g. "next friday 6pm"',
    });
  }
  return moment;
}

function parseIso(text: string, field: string): Date {
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = ISO.exec(text)!;
  if (Number(y) < FIRST_YEAR || Number(y) > LAST_YEAR) throw unreadable(text, field, 'the year is out of range');
  const moment = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const roundTrips =
    moment.getFullYear() === Number(y) && moment.getMonth() === Number(mo) - 1 && moment.getDate() === Number(d) &&
    moment.getHours() === Number(h) && moment.getMinutes() === Number(mi);
  if (!roundTrips) throw unreadable(text, field, 'that day or time does not exist');
  return moment;
}

function parseNatural(text: string, now: Date, future: boolean, field: string): Date {
  if (text === '') throw unreadable(text, field);
  const results = chrono.parse(text, { instant: now, timezone: undefined }, { forwardDate: future });
  const first = results[0];
  // Only a reading of the whole input counts: "soon-ish 3" must not quietly become 3 o'clock.
  if (!first || results.length > 1 || first.text.trim().length < text.replace(/^(on|at|by)\s+/i, '').length) {
    throw unreadable(text, field);
  }
  const moment = first.start.date();
  if (moment.getFullYear() < FIRST_YEAR || moment.getFullYear() > LAST_YEAR) throw unreadable(text, field, 'the year is out of range');
  return moment;
}

function unreadable(text: string, field: string, why = 'not a date I can read'): UserError {
  return new UserError(`the ${field} "${text}" is ${why === 'not a date I can read' ? why : `not valid: ${why}`}`, { hint: EXAMPLES });
}

/** The one stored form of a moment: ISO 8601 in UTC, sortable as text. */
export function toStored(moment: Date): string {
  return moment.toISOString();
}
