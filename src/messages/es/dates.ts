/** A date refused, in Spanish; the examples are forms dates-es.ts reads. */
import { addDays, format } from 'date-fns';
import { listed, type DateFault, type DateWords } from '../dates.js';

/** What each date is for, as the commands call it (support/dates.ts's `field`); one not here is shown as given. */
const FIELDS_ES: Record<string, string> = {
  date: 'la fecha',
  'meeting date': 'la fecha de la reunión',
  "ask's due date": 'la fecha de la solicitud',
  'follow-up date': 'la fecha del seguimiento',
  'snooze date': 'la fecha para posponerlo',
  'start date': 'la fecha de inicio',
  'since date': 'la fecha de inicio',
  'end date': 'la fecha de fin',
  'contact date': 'la fecha del contacto',
};

const FAULTS_ES: Record<DateFault, string> = { 'year-out-of-range': 'el año está fuera de rango', 'no-such-day': 'ese día u hora no existe' };
const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

function fieldEs(field: string): string {
  return FIELDS_ES[field] ?? field;
}

export const DATES_ES: DateWords = {
  examples: (now, options) => {
    if (!options.future) {
      const weekAgo = format(addDays(now, -7), 'yyyy-MM-dd');
      return ['ayer', `${weekAgo} 18:00`, weekAgo, 'hace 3 días', 'el lunes pasado a las 6 de la tarde'];
    }
    const nextWeek = format(addDays(now, 7), 'yyyy-MM-dd');
    const later = addDays(now, 16);
    const withTime = ['mañana a las 6 de la tarde', `${nextWeek} 19:00`, 'el próximo viernes a las 5 de la tarde', `el ${later.getDate()} de ${MONTHS_ES[later.getMonth()]} a las 5 de la tarde`];
    return options.needsTime === false ? [...withTime.slice(0, 2), 'mañana', nextWeek, ...withTime.slice(2)] : withTime;
  },
  unreadable: (field, input, examples) => ({ message: `no puedo leer ${fieldEs(field)} "${input}"`, hint: `prueba con ${listed(examples, 'o')}` }),
  invalid: (field, input, fault, examples) => ({ message: `${fieldEs(field)} "${input}" no es válida: ${FAULTS_ES[fault]}`, hint: `prueba con ${listed(examples, 'o')}` }),
  past: (field, input, moment, dayAt, examples) => ({
    message: `${fieldEs(field)} "${input}" ya pasó (${format(moment, 'yyyy-MM-dd HH:mm')})`,
    hint: `${dayAt === null ? '' : `un día sin hora quiere decir las ${dayAt}:00 de ese día; `}da un momento que todavía no llega, por ejemplo ${listed(examples.slice(0, 2), 'o')}`,
  }),
};
