import * as chrono from 'chrono-node';
import type { Parser, ParsingComponents, ParsingContext } from 'chrono-node';

/** A moment read from Spanish, shaped as dates.ts reads English. */
export interface SpanishReading {
  moment: Date;
  timeGiven: boolean;
  /** Only a weekday ("el jueves"): which week it falls in was chrono's choice. */
  weekdayOnly: boolean;
}

const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;
/** Our own tag for a time of day without an hour ("por la noche"), so it counts as a time as "tomorrow evening" does. */
const PART_OF_DAY_TAG = 'fechas/partOfDay';
/** Words allowed before the reading, as English allows "on", "at", "by": "para el jueves", "el 2 de febrero". */
const LEAD = /^(?:para )?(?:(?:el|la) )?$/;

const NUMBER_WORDS: Record<string, number> = {
  un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12,
};
const NUMBER = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;
const WEEKDAYS: Record<string, number> = { domingo: 0, lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6 };
/** Before a word of ours: not inside another word (chrono searches the text that follows each reading from its start). */
const START = '(?<![a-z0-9])';
const END = '(?![a-z0-9])';

/**
 * Lowercase, without accents or repeated spaces, so "Mañana", "manana" and "MAÑANA" read alike; "del" opened into
 * "de el", so chrono joins "a las 7 de la tarde del jueves" as it joins "a las 7 de la tarde de mañana".
 */
function normalized(text: string): string {
  const plain = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
  return plain.replace(/(?<![a-z])del (?=[a-z])/g, 'de el ');
}

function numberOf(word: string): number {
  return NUMBER_WORDS[word] ?? Number(word);
}

function onDay(context: ParsingContext, days: number): ParsingComponents {
  const day = new Date(context.refDate);
  day.setDate(day.getDate() + days);
  return assignDay(context.createParsingComponents(), day);
}

function assignDay(components: ParsingComponents, day: Date): ParsingComponents {
  return components.assign('day', day.getDate()).assign('month', day.getMonth() + 1).assign('year', day.getFullYear());
}

/** The time it is now, implied, as chrono reads "tomorrow": a day alone keeps no hour of its own. */
function implyNow(components: ParsingComponents, now: Date): ParsingComponents {
  return components.imply('hour', now.getHours()).imply('minute', now.getMinutes()).imply('second', now.getSeconds());
}

const DAY_WORDS: Record<string, number> = { 'pasado manana': 2, manana: 1, hoy: 0, ayer: -1, anteayer: -2, antier: -2, 'antes de ayer': -2 };

/** hoy, mañana, pasado mañana, ayer, anteayer. */
const dayWord: Parser = {
  pattern: () => new RegExp(`${START}(pasado manana|antes de ayer|anteayer|antier|manana|hoy|ayer)${END}`),
  extract: (context, match) => implyNow(onDay(context, DAY_WORDS[match[1]!]!), context.refDate),
};

const UNIT = '(minutos?|horas?|dias?|semanas?|mes|meses|anos?)';

/** en 3 días, dentro de una semana, hace 3 días, 3 días atrás, en 2 horas. */
const relative: Parser = {
  pattern: () =>
    new RegExp(`${START}(?:(en|dentro de|hace) ${NUMBER} ${UNIT}( atras)?|${NUMBER} ${UNIT} (atras))${END}`),
  extract: (context, match) => {
    if (match[4] && match[1] !== 'hace') return null;
    const past = match[1] === 'hace' || match[7] === 'atras';
    const count = numberOf(match[2] ?? match[5]!);
    return shifted(context, (past ? -1 : 1) * count, (match[3] ?? match[6])!);
  },
};

/** la próxima semana, la semana que viene, la semana pasada, el mes que viene, el año pasado: a day, not a time. */
const nextOrLast: Parser = {
  pattern: () =>
    new RegExp(`${START}(?:(?:la|el) )?(?:(proxima|proximo) (semana|mes|ano)|(semana|mes|ano) (que viene|proxima|proximo|pasada|pasado))${END}`),
  extract: (context, match) => {
    const unit = (match[2] ?? match[3])!;
    const modifier = match[1] ?? match[4]!;
    const agrees = unit === 'semana' ? !/proximo|pasado$/.test(modifier) : !/proxima|pasada$/.test(modifier);
    return agrees ? shifted(context, modifier.startsWith('pasad') ? -1 : 1, unit) : null;
  },
};

function shifted(context: ParsingContext, count: number, unit: string): ParsingComponents | null {
  if (!Number.isInteger(count) || Math.abs(count) > 1000) return null;
  const moment = new Date(context.refDate);
  if (unit.startsWith('minuto')) moment.setMinutes(moment.getMinutes() + count);
  else if (unit.startsWith('hora')) moment.setHours(moment.getHours() + count);
  else if (unit.startsWith('dia')) moment.setDate(moment.getDate() + count);
  else if (unit.startsWith('semana')) moment.setDate(moment.getDate() + 7 * count);
  else return shiftedMonths(context, unit.startsWith('ano') ? 12 * count : count);
  const components = assignDay(context.createParsingComponents(), moment).addTag('result/relativeDate');
  if (/^(minuto|hora)/.test(unit)) return components.assign('hour', moment.getHours()).assign('minute', moment.getMinutes());
  return implyNow(components, moment);
}

/** Whole months on, the day kept but never spilling into the next month (31 January + 1 month is 28 February). */
function shiftedMonths(context: ParsingContext, months: number): ParsingComponents {
  const now = context.refDate;
  const first = new Date(now.getFullYear(), now.getMonth() + months, 1, now.getHours(), now.getMinutes());
  const lastDay = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  first.setDate(Math.min(now.getDate(), lastDay));
  return implyNow(assignDay(context.createParsingComponents(), first), first).addTag('result/relativeDate');
}

const WEEKDAY = `(${Object.keys(WEEKDAYS).join('|')})`;

/** el jueves, el próximo jueves, el jueves que viene, el jueves pasado, el pasado jueves, este jueves, el jueves de la semana que viene. */
const weekday: Parser = {
  pattern: () =>
    new RegExp(
      `${START}(?:el )?(?:(proximo|este|pasado) )?${WEEKDAY}(?: (que viene|proximo|pasado|de la semana que viene|de la proxima semana|de la semana pasada))?${END}`,
    ),
  extract: (context, match) => {
    const before = match[1];
    const after = match[3];
    if (before && after) return null;
    const target = WEEKDAYS[match[2]!]!;
    const days = daysToWeekday(context.refDate, target, before ?? after);
    const components = context.createParsingComponents().assign('weekday', target);
    if (days === undefined) return closestWeekday(components, context.refDate, target);
    const day = new Date(context.refDate);
    day.setDate(day.getDate() + days);
    return assignDay(components, day);
  },
};

/** Days from today to the weekday named with a modifier; undefined for a bare weekday, whose week chrono chooses. */
function daysToWeekday(now: Date, target: number, modifier: string | undefined): number | undefined {
  const ahead = (target - now.getDay() + 7) % 7;
  if (modifier === undefined) return undefined;
  if (modifier === 'este') return ahead;
  if (modifier === 'que viene' || modifier === 'proximo') return ahead || 7;
  if (modifier === 'pasado') return ahead - 7;
  const monday = (now.getDay() + 6) % 7;
  const inItsWeek = (target + 6) % 7;
  return inItsWeek - monday + (modifier === 'de la semana pasada' ? -7 : 7);
}

/** As chrono reads a bare English weekday: the nearest one, which forwardDate then moves ahead when it has passed. */
function closestWeekday(components: ParsingComponents, now: Date, target: number): ParsingComponents {
  const forward = (target - now.getDay() + 7) % 7;
  const day = new Date(now);
  day.setDate(day.getDate() + (forward <= 3 ? forward : forward - 7));
  return components.imply('day', day.getDate()).imply('month', day.getMonth() + 1).imply('year', day.getFullYear());
}

const HOUR = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).filter((word) => word !== 'un').join('|')})`;
const PART = '(manana|tarde|noche|madrugada)';
const MERIDIEM = '(a\\.? ?m\\.?|p\\.? ?m\\.?|h|hs|hrs|horas)';

/**
 * A time with its hour: a las 7 de la tarde, a la una y media, a las 8 menos cuarto de la noche, a las 17:00, 6pm, 17 h.
 * Needs "a las", a part of the day or a suffix, so that a bare number is never a time.
 */
const clockTime: Parser = {
  pattern: () =>
    new RegExp(
      `${START}(a las |a la |las |la )?${HOUR}(?::(\\d{2}))?(?: (y media|y cuarto|menos cuarto|en punto|y \\d{1,2}))?(?: ?${MERIDIEM}(?=$|[^a-z0-9])| de la ${PART}${END})?`,
    ),
  extract: (context, match) => {
    const [, lead, hourText, minutesText, past, suffix, part] = match;
    if (!lead && (!suffix || suffix === 'horas') && !part) return null;
    if (/^(a )?la $/.test(lead ?? '') && hourText !== 'una' && hourText !== '1') return null;
    const minutes = minutesOf(minutesText, past);
    const hour = hourOf(numberOf(hourText!), suffix, part);
    if (hour === undefined || minutes === undefined) return null;
    const clock = past === 'menos cuarto' ? (hour + 23) % 24 : hour;
    return context
      .createParsingComponents()
      .assign('hour', clock)
      .assign('minute', minutes)
      .assign('meridiem', clock >= 12 ? chrono.Meridiem.PM : chrono.Meridiem.AM);
  },
};

function minutesOf(minutesText: string | undefined, past: string | undefined): number | undefined {
  if (minutesText !== undefined && past !== undefined) return undefined;
  if (minutesText !== undefined) return Number(minutesText) < 60 ? Number(minutesText) : undefined;
  if (past === 'y media') return 30;
  if (past === 'y cuarto') return 15;
  if (past === 'menos cuarto') return 45;
  if (past?.startsWith('y ')) return Number(past.slice(2)) < 60 ? Number(past.slice(2)) : undefined;
  return 0;
}

/** The hour on a 24-hour clock, or undefined where the words do not name one ("las 3 de la noche", "las 15 pm"). */
function hourOf(hour: number, suffix: string | undefined, part: string | undefined): number | undefined {
  if (suffix?.startsWith('p')) return hour >= 1 && hour <= 12 ? (hour % 12) + 12 : undefined;
  if (suffix?.startsWith('a')) return hour >= 1 && hour <= 12 ? hour % 12 : undefined;
  if (part === 'manana') return hour >= 1 && hour <= 11 ? hour : undefined;
  if (part === 'madrugada') return hour >= 1 && hour <= 6 ? hour : undefined;
  if (part === 'tarde') return hour === 12 ? 12 : hour >= 1 && hour <= 9 ? hour + 12 : undefined;
  if (part === 'noche') return hour >= 6 && hour <= 11 ? hour + 12 : undefined;
  return hour <= 23 ? hour : undefined;
}

/** The hours chrono gives English "morning", "afternoon", "evening" and "tonight", so both languages agree. */
const PART_HOURS: Record<string, number> = { manana: 6, tarde: 15, noche: 20, madrugada: 3 };

/** por la mañana, en la tarde, a la noche, esta noche, de madrugada: a time of day without an hour. */
const partOfDay: Parser = {
  pattern: () => new RegExp(`${START}(?:(?:por|en|a) la (manana|tarde|noche)|(esta) (manana|tarde|noche)|de (madrugada))${END}`),
  extract: (context, match) => {
    const part = (match[1] ?? match[3] ?? match[4])!;
    const tonight = match[2] === 'esta' && part === 'noche';
    const components = match[2] === 'esta' ? onDay(context, 0) : context.createParsingComponents();
    return components.imply('hour', tonight ? 22 : PART_HOURS[part]!).imply('minute', 0).addTag(PART_OF_DAY_TAG);
  },
};

/** al mediodía, a medianoche: an hour of their own, as English "noon" and "midnight". */
const noonOrMidnight: Parser = {
  pattern: () => new RegExp(`${START}(?:al |a |a la |el )?(mediodia|medianoche)${END}`),
  extract: (context, match) => context.createParsingComponents().assign('hour', match[1] === 'mediodia' ? 12 : 0).assign('minute', 0),
};

let reader: chrono.Chrono | undefined;

/**
 * chrono's Spanish, with ours first so that on an equal reading ours is kept. chrono's "within" parser is left out:
 * it reads "durante 3 días" and a bare "17h" as moments, and "hace 3 días" as days ahead.
 */
function spanishChrono(): chrono.Chrono {
  if (reader) return reader;
  const configuration = chrono.es.createConfiguration(false, true);
  const theirs = configuration.parsers.filter((parser) => !/^ESTimeUnitWithinFormatParser\d*$/.test(parser.constructor.name));
  configuration.parsers = [clockTime, noonOrMidnight, partOfDay, dayWord, relative, nextOrLast, weekday, ...theirs];
  reader = new chrono.Chrono(configuration);
  return reader;
}

/** Spanish date words read WHOLE into a moment, or undefined: a partial reading never counts, as in dates.ts. */
export function readSpanish(text: string, now: Date, future: boolean): SpanishReading | undefined {
  const input = normalized(text);
  if (input === '') return undefined;
  const results = spanishChrono().parse(input, { instant: now, timezone: undefined }, { forwardDate: future });
  const first = results[0];
  if (!first || results.length > 1 || first.index + first.text.length !== input.length) return undefined;
  if (!LEAD.test(input.slice(0, first.index))) return undefined;
  const { start } = first;
  const moment = start.date();
  if (moment.getFullYear() < FIRST_YEAR || moment.getFullYear() > LAST_YEAR || !exists(start, moment)) return undefined;
  const timeGiven = start.isCertain('hour') || start.tags().has(PART_OF_DAY_TAG);
  const weekdayOnly = start.isCertain('weekday') && !start.isCertain('day');
  return { moment, timeGiven, weekdayOnly };
}

/** The day named is the day read (no 31 de febrero), and a weekday named with it agrees ("el lunes 2 de febrero"). */
function exists(start: chrono.ParsedComponents, moment: Date): boolean {
  if (start.isCertain('day') && start.get('day') !== moment.getDate()) return false;
  if (start.isCertain('month') && start.get('month') !== moment.getMonth() + 1) return false;
  return !start.isCertain('weekday') || start.get('weekday') === moment.getDay();
}

/** Whether Spanish words name a time of day, not only a day: what an ask needs, as `mentionsTime` checks English. */
export function mentionsTimeSpanish(text: string): boolean {
  const words = normalized(text);
  const hour = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})`;
  return [
    /\d{1,2}(:\d{2})? ?(a\.? ?m\.?|p\.? ?m\.?|h|hs|hrs|horas?)(?![a-z])/,
    /\d{1,2}:\d{2}/,
    new RegExp(`${START}(a )?las? ${hour}${END}`),
    /(?<![a-z])(de|por|en|a) la (manana|tarde|noche|madrugada)(?![a-z])/,
    /(?<![a-z])esta (manana|tarde|noche)(?![a-z])/,
    /mediodia|medianoche|madrugada/,
    new RegExp(`${START}(en|dentro de|hace) ${hour} (minutos?|horas?)${END}`),
  ].some((pattern) => pattern.test(words));
}
