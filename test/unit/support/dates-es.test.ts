import { format } from 'date-fns';
import { describe, expect, test } from 'vitest';
import { mentionsTimeSpanish, readSpanish } from '../../../src/support/dates-es.js';

/** Local times, so the tests read the same in any time zone. */
const at = (year: number, month: number, day: number, hour = 12, minute = 0) => new Date(year, month - 1, day, hour, minute);

/** Thursday 3 December 2026, 15:00. */
const THURSDAY = at(2026, 12, 3, 15, 0);
/** Sunday 6 December 2026, 22:30. */
const SUNDAY_NIGHT = at(2026, 12, 6, 22, 30);
/** Thursday 31 December 2026, 23:30. */
const NEW_YEARS_EVE = at(2026, 12, 31, 23, 30);

/** What was read, in one comparable line: the moment, then T (a time given) or D (a day only), then W (weekday only). */
function read(text: string, now: Date, future = true): string | undefined {
  const reading = readSpanish(text, now, future);
  if (!reading) return undefined;
  return `${format(reading.moment, 'yyyy-MM-dd HH:mm')} ${reading.timeGiven ? 'T' : 'D'}${reading.weekdayOnly ? ' W' : ''}`;
}

/** [typed, due date (future) or a date gone, expected reading] */
type Row = readonly [string, boolean, string];

const ON_THURSDAY: Row[] = [
  ['hoy', true, '2026-12-03 15:00 D'],
  ['mañana', true, '2026-12-04 15:00 D'],
  ['pasado mañana', true, '2026-12-05 15:00 D'],
  ['ayer', false, '2026-12-02 15:00 D'],
  ['anteayer', false, '2026-12-01 15:00 D'],
  ['antier', false, '2026-12-01 15:00 D'],
  ['hoy a las 5 pm', true, '2026-12-03 17:00 T'],
  ['hoy a las 5 p. m.', true, '2026-12-03 17:00 T'],
  ['mañana a las 12 pm', true, '2026-12-04 12:00 T'],
  ['mañana a las 12 am', true, '2026-12-04 00:00 T'],
  ['mañana a las 9 am', true, '2026-12-04 09:00 T'],
  ['mañana a las 17:00', true, '2026-12-04 17:00 T'],
  ['mañana a las 5 pm', true, '2026-12-04 17:00 T'],
  ['a las 7 de la tarde', true, '2026-12-03 19:00 T'],
  ['a las 9 de la noche', true, '2026-12-03 21:00 T'],
  ['a las 7 de la mañana', true, '2026-12-04 07:00 T'],
  ['a las 7 de la mañana', false, '2026-12-03 07:00 T'],
  ['a las 3 de la madrugada', true, '2026-12-04 03:00 T'],
  ['a las 12 de la tarde', true, '2026-12-04 12:00 T'],
  ['a la una de la tarde', true, '2026-12-04 13:00 T'],
  ['a las cinco de la tarde', true, '2026-12-03 17:00 T'],
  ['a las 5 y media de la tarde', true, '2026-12-03 17:30 T'],
  ['a las 6 y cuarto de la tarde', true, '2026-12-03 18:15 T'],
  ['a las 8 menos cuarto de la noche', true, '2026-12-03 19:45 T'],
  ['a las 7:30 de la tarde', true, '2026-12-03 19:30 T'],
  ['a las 17 h', true, '2026-12-03 17:00 T'],
  ['a las 17 horas', true, '2026-12-03 17:00 T'],
  ['17h', true, '2026-12-03 17:00 T'],
  ['al mediodía', true, '2026-12-04 12:00 T'],
  ['mañana al mediodía', true, '2026-12-04 12:00 T'],
  ['a medianoche', true, '2026-12-04 00:00 T'],
  ['mañana por la mañana', true, '2026-12-04 06:00 T'],
  ['mañana por la tarde', true, '2026-12-04 15:00 T'],
  ['mañana por la noche', true, '2026-12-04 20:00 T'],
  ['mañana en la tarde', true, '2026-12-04 15:00 T'],
  ['el viernes en la noche', true, '2026-12-04 20:00 T W'],
  ['esta noche', true, '2026-12-03 22:00 T'],
  ['el jueves', true, '2026-12-10 12:00 D W'],
  ['el jueves', false, '2026-12-03 12:00 D W'],
  ['para el jueves', true, '2026-12-10 12:00 D W'],
  ['el viernes', true, '2026-12-04 12:00 D W'],
  ['el lunes', true, '2026-12-07 12:00 D W'],
  ['el próximo jueves', true, '2026-12-10 12:00 D'],
  ['el jueves que viene', true, '2026-12-10 12:00 D'],
  ['el próximo lunes', true, '2026-12-07 12:00 D'],
  ['este sábado', true, '2026-12-05 12:00 D'],
  ['el jueves pasado', false, '2026-11-26 12:00 D'],
  ['el martes pasado', false, '2026-12-01 12:00 D'],
  ['el pasado jueves', false, '2026-11-26 12:00 D'],
  ['el pasado lunes a las 6pm', false, '2026-11-30 18:00 T'],
  ['el jueves próximo', true, '2026-12-10 12:00 D'],
  ['el primero de marzo', true, '2027-03-01 12:00 D'],
  ['el jueves pasado', true, '2026-11-26 12:00 D'],
  ['el martes de la semana que viene', true, '2026-12-08 12:00 D'],
  ['el jueves a las 7 de la tarde', true, '2026-12-03 19:00 T W'],
  ['el próximo jueves a las 7 de la tarde', true, '2026-12-10 19:00 T'],
  ['el lunes pasado a las 6pm', false, '2026-11-30 18:00 T'],
  ['a las 7 de la tarde del jueves', true, '2026-12-03 19:00 T W'],
  ['a las 10 de la mañana del viernes', true, '2026-12-04 10:00 T W'],
  ['a las 7 de la tarde de mañana', true, '2026-12-04 19:00 T'],
  ['mañana a las 7 de la mañana', true, '2026-12-04 07:00 T'],
  ['el jueves, a las 7 de la tarde', true, '2026-12-03 19:00 T W'],
  ['el jueves 10 de diciembre a las 7 de la tarde', true, '2026-12-10 19:00 T'],
  ['la próxima semana', true, '2026-12-10 15:00 D'],
  ['la semana que viene', true, '2026-12-10 15:00 D'],
  ['la semana pasada', false, '2026-11-26 15:00 D'],
  ['el mes que viene', true, '2027-01-03 15:00 D'],
  ['el 2 de febrero', true, '2027-02-02 12:00 D'],
  ['el 2 de febrero a las 17:00', true, '2027-02-02 17:00 T'],
  ['el martes 2 de febrero', true, '2027-02-02 12:00 D'],
  ['el 2 de febrero de 2027 a las 5 de la tarde', true, '2027-02-02 17:00 T'],
  ['2/2', true, '2027-02-02 12:00 D'],
  ['2/2 a las 17:00', true, '2027-02-02 17:00 T'],
  ['13/12', true, '2026-12-13 12:00 D'],
  ['en 3 días', true, '2026-12-06 15:00 D'],
  ['dentro de 3 días', true, '2026-12-06 15:00 D'],
  ['en una semana', true, '2026-12-10 15:00 D'],
  ['en 3 días a las 6 de la tarde', true, '2026-12-06 18:00 T'],
  ['en 2 horas', true, '2026-12-03 17:00 T'],
  ['dentro de 30 minutos', true, '2026-12-03 15:30 T'],
  ['hace 3 días', false, '2026-11-30 15:00 D'],
  ['hace 3 días', true, '2026-11-30 15:00 D'],
  ['3 días atrás', false, '2026-11-30 15:00 D'],
  ['hace 3 días atrás', false, '2026-11-30 15:00 D'],
  ['hace una semana', false, '2026-11-26 15:00 D'],
  ['hace dos semanas', false, '2026-11-19 15:00 D'],
  ['pasado mañana a las 10', true, '2026-12-05 10:00 T'],
  ['ayer a las 6 de la tarde', false, '2026-12-02 18:00 T'],
];

const ON_SUNDAY_NIGHT: Row[] = [
  ['mañana', true, '2026-12-07 22:30 D'],
  ['mañana a las 10', true, '2026-12-07 10:00 T'],
  ['a las 7 de la tarde', true, '2026-12-07 19:00 T'],
  ['esta noche', true, '2026-12-06 22:00 T'],
  ['por la noche', true, '2026-12-07 20:00 T'],
  ['el domingo', true, '2026-12-13 12:00 D W'],
  ['el domingo', false, '2026-12-06 12:00 D W'],
  ['el próximo domingo', true, '2026-12-13 12:00 D'],
  ['el domingo pasado', false, '2026-11-29 12:00 D'],
  ['el sábado', false, '2026-12-05 12:00 D W'],
  ['el sábado pasado', false, '2026-12-05 12:00 D'],
  ['el lunes', true, '2026-12-07 12:00 D W'],
  ['el lunes que viene', true, '2026-12-07 12:00 D'],
  ['el lunes de la semana que viene', true, '2026-12-07 12:00 D'],
  ['el lunes pasado a las 6pm', false, '2026-11-30 18:00 T'],
  ['hace 3 días', false, '2026-12-03 22:30 D'],
  ['la semana que viene', true, '2026-12-13 22:30 D'],
];

const ON_NEW_YEARS_EVE: Row[] = [
  ['mañana', true, '2027-01-01 23:30 D'],
  ['mañana a las 10', true, '2027-01-01 10:00 T'],
  ['pasado mañana', true, '2027-01-02 23:30 D'],
  ['hoy a las 11 de la noche', true, '2026-12-31 23:00 T'],
  ['a medianoche', true, '2027-01-01 00:00 T'],
  ['el 2 de febrero', true, '2027-02-02 12:00 D'],
  ['2/1', true, '2027-01-02 12:00 D'],
  ['el 31 de diciembre', true, '2027-12-31 12:00 D'],
  ['el 31 de diciembre', false, '2026-12-31 12:00 D'],
  ['el 24 de diciembre', false, '2026-12-24 12:00 D'],
  ['el mes que viene', true, '2027-01-31 23:30 D'],
  ['dentro de 2 meses', true, '2027-02-28 23:30 D'],
  ['hace un mes', false, '2026-11-30 23:30 D'],
  ['el año que viene', true, '2027-12-31 23:30 D'],
  ['la semana que viene', true, '2027-01-07 23:30 D'],
  ['el jueves', true, '2027-01-07 12:00 D W'],
  ['el viernes a las 9 de la mañana', true, '2027-01-01 09:00 T W'],
  ['hace 3 días', false, '2026-12-28 23:30 D'],
];

describe.each([
  ['a Thursday afternoon', THURSDAY, ON_THURSDAY],
  ['a Sunday night', SUNDAY_NIGHT, ON_SUNDAY_NIGHT],
  ["New Year's Eve, late", NEW_YEARS_EVE, ON_NEW_YEARS_EVE],
] as const)('Spanish read on %s', (_when, now, rows) => {
  test.each(rows)('"%s" (future: %s) reads %s', (text, future, expected) => {
    expect(read(text, now, future)).toBe(expected);
  });
});

describe('what is typed does not need accents or capitals', () => {
  test.each([
    ['manana a las 5 pm', 'mañana a las 5 pm'],
    ['MAÑANA A LAS 5 PM', 'mañana a las 5 pm'],
    ['Pasado Mañana', 'pasado mañana'],
    ['el proximo jueves', 'el próximo jueves'],
    ['El Jueves Que Viene', 'el jueves que viene'],
    ['en 3 dias', 'en 3 días'],
    ['el miercoles', 'el miércoles'],
    ['el sabado pasado', 'el sábado pasado'],
    ['al mediodia', 'al mediodía'],
    ['la proxima semana', 'la próxima semana'],
    ['  mañana   por la   noche ', 'mañana por la noche'],
  ])('"%s" reads as "%s"', (plain, written) => {
    const reading = read(plain, THURSDAY);
    expect(reading).toBeDefined();
    expect(reading).toBe(read(written, THURSDAY));
  });
});

describe('what is not Spanish it can read whole is refused', () => {
  test.each([
    'pronto',
    'algún día',
    'algun dia',
    'el 31 de febrero',
    'el 31 de febrero a las 5 pm',
    '31/2',
    'el lunes 2 de febrero',
    'del jueves',
    'en 3 días atrás',
    'mañana blah',
    'mañana o pasado',
    'el jueves o el viernes',
    'quizás el jueves',
    'el jueves, más o menos',
    'durante 3 días',
    '3 días',
    '2 horas',
    'a las 25:00',
    'a las 7:75',
    'a las 3 de la noche',
    'a las 11 de la tarde',
    'a las 15 pm',
    'a la 5',
    'el próximo jueves que viene',
    'la próximo semana',
    'el 2 de febrero de 12345',
    '',
    '   ',
    'tomorrow at 5pm',
  ])('"%s"', (text) => {
    expect(readSpanish(text, THURSDAY, true)).toBeUndefined();
    expect(readSpanish(text, THURSDAY, false)).toBeUndefined();
  });
});

describe('mentionsTimeSpanish: whether the words name a time of day', () => {
  test.each([
    'a las 5',
    'mañana a las 5',
    'a la una',
    'a las cinco',
    '17:00',
    'el jueves 17:00',
    '5 pm',
    '6pm',
    '5 p. m.',
    '17 h',
    'a las 7 de la tarde',
    'de la tarde',
    'mañana por la noche',
    'el viernes en la mañana',
    'esta noche',
    'al mediodía',
    'al mediodia',
    'a medianoche',
    'de madrugada',
    'en 2 horas',
    'dentro de 30 minutos',
  ])('"%s" names one', (text) => {
    expect(mentionsTimeSpanish(text)).toBe(true);
  });

  test.each(['el viernes', 'mañana', 'manana', 'pasado mañana', 'la próxima semana', 'el 2 de febrero', '2/2', 'en 3 días', 'hace una semana', 'el jueves que viene', 'las tareas'])(
    '"%s" does not',
    (text) => {
      expect(mentionsTimeSpanish(text)).toBe(false);
    },
  );
});

describe('every reading that names a time is one mentionsTimeSpanish sees, and the other way round', () => {
  test.each(ON_THURSDAY.filter(([text]) => !text.startsWith('en ') && !text.startsWith('dentro')))('"%s"', (text, future) => {
    expect(mentionsTimeSpanish(text)).toBe(readSpanish(text, THURSDAY, future)!.timeGiven);
  });
});
