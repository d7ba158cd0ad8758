import * as chrono from 'chrono-node';
import { addDays, setHours, startOfDay } from 'date-fns';
import { DATES, type DateFault, type DateWords } from '../messages/dates.js';
import { spokenCatalogues } from '../messages/spoken.js';
import { UserError } from './errors.js';
import { readSpanish } from './dates-es.js';

export interface WhenOptions {
  now?: Date;
  /** Due dates: a bare "friday" means the coming one, and a past moment is refused. */
  future?: boolean;
  /** What the date is for, used in messages ("the ask's due date"). */
  field?: string;
  /**
   * Whether the question also takes a day without a time of day. Unless told it does (false), a due date's hints
   * only suggest forms with a time, since the ask's due date in `start` refuses a day alone.
   */
  needsTime?: boolean;
}

/**
 * A due date given as a day without a time of day ("tomorrow", "friday", 2026-12-05) is due at 9:00 that day, so it is
 * on that morning's follow-up list and at 9:00 in a calendar: never at the time of day it happened to be typed.
 */
export const DAY_DUE_HOUR = 9;

const ISO = /^(\d{4,})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
/** Years a one-on-one, a follow-up or a report can plausibly name; outside them is a typo, never a meeting. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;
/** chrono's words that name a time of day without an hour ("tomorrow evening", "tonight"). */
const TIME_OF_DAY = /^casualReference\/(now|tonight|morning|afternoon|evening|midnight|noon)$/;

/** A moment as read, and whether the words named a time of day or only a day. */
interface Reading {
  moment: Date;
  timeGiven: boolean;
  /** Only a weekday ("friday"): which week it falls in was chrono's choice. */
  weekdayOnly: boolean;
}

/** Turns what the organizer typed into a moment, or refuses it with the input quoted; never guesses. */
export function parseWhen(input: string, options: WhenOptions = {}): Date {
  const now = options.now ?? new Date();
  const field = options.field ?? 'date';
  const text = input.trim();
  const reading = ISO.test(text) ? readIso(text, field, now, options) : readNatural(text, now, options.future ?? false, field, options);
  const moment = options.future && !reading.timeGiven ? dayDue(reading, now) : reading.moment;
  if (options.future && moment.getTime() < now.getTime() - 60_000) {
    const { message, hint } = words().past(field, input, moment, reading.timeGiven ? null : DAY_DUE_HOUR, dateExamples(now, { ...options, needsTime: true }));
    throw new UserError(message, { hint });
  }
  return moment;
}

/** The next 9:00 to come: a reminder made now for "as soon as you can" lands on a morning's list, never late at once. */
export function nextMorning(now: Date): Date {
  const today = setHours(startOfDay(now), DAY_DUE_HOUR);
  return today.getTime() > now.getTime() ? today : addDays(today, 1);
}

/** 9:00 on the day read; a weekday named on that same weekday once 9:00 has passed is the next one. */
function dayDue({ moment, weekdayOnly }: Reading, now: Date): Date {
  const due = setHours(startOfDay(moment), DAY_DUE_HOUR);
  return weekdayOnly && due.getTime() < now.getTime() ? addDays(due, 7) : due;
}

/**
 * Forms to suggest when a date is asked for, made from today so none is ever in the past, and each one the question
 * takes: moments to come (with a time of day, unless `needsTime` is false) for a due date, days gone for the rest.
 */
export function dateExamples(now: Date, options: Pick<WhenOptions, 'future' | 'needsTime'> = {}): string[] {
  return words().examples(now, options);
}

/** A date's refusals and examples in the run's language: made where they are thrown, as start shows them while it asks. */
function words(): DateWords {
  return spokenCatalogues()?.dates ?? DATES;
}

function readIso(text: string, field: string, now: Date, options: WhenOptions): Reading {
  const [, y, mo, d, h, mi = '0', s = '0'] = ISO.exec(text)!;
  if (Number(y) < FIRST_YEAR || Number(y) > LAST_YEAR) throw unreadable(text, field, now, options, 'year-out-of-range');
  const moment = new Date(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi), Number(s));
  const roundTrips =
    moment.getFullYear() === Number(y) && moment.getMonth() === Number(mo) - 1 && moment.getDate() === Number(d) &&
    moment.getHours() === Number(h ?? 0) && moment.getMinutes() === Number(mi);
  if (!roundTrips) throw unreadable(text, field, now, options, 'no-such-day');
  return { moment, timeGiven: h !== undefined, weekdayOnly: false };
}

/** English first, then Spanish ("el jueves a las 7 de la tarde"): either must read the whole input. */
function readNatural(text: string, now: Date, future: boolean, field: string, options: WhenOptions): Reading {
  if (text === '') throw unreadable(text, field, now, options);
  const reading = readEnglish(text, now, future) ?? readSpanish(text, now, future);
  if (!reading) throw unreadable(text, field, now, options);
  if (reading.moment.getFullYear() < FIRST_YEAR || reading.moment.getFullYear() > LAST_YEAR) throw unreadable(text, field, now, options, 'year-out-of-range');
  return reading;
}

function readEnglish(text: string, now: Date, future: boolean): Reading | undefined {
  const results = chrono.parse(text, { instant: now, timezone: undefined }, { forwardDate: future });
  const first = results[0];
  // Only a reading of the whole input counts: "soon-ish 3" must not quietly become 3 o'clock.
  if (!first || results.length > 1 || first.text.trim().length < text.replace(/^(on|at|by)\s+/i, '').length) return undefined;
  const timeGiven = first.start.isCertain('hour') || [...first.start.tags()].some((tag) => TIME_OF_DAY.test(tag));
  const weekdayOnly = first.start.isCertain('weekday') && !first.start.isCertain('day');
  return { moment: first.start.date(), timeGiven, weekdayOnly };
}

function unreadable(text: string, field: string, now: Date, options: WhenOptions, fault?: DateFault): UserError {
  const examples = dateExamples(now, options);
  const { message, hint } = fault === undefined ? words().unreadable(field, text, examples) : words().invalid(field, text, fault, examples);
  return new UserError(message, { hint });
}

/** The one stored form of a moment: ISO 8601 in UTC, sortable as text. */
export function toStored(moment: Date): string {
  return moment.toISOString();
}
export { mentionsTimeSpanish } from './dates-es.js';
