/** Fechas, lapsos y porcentajes como los dice una pantalla en español: "jue 3 dic 2026, 19:00", "hace 21 días". */
import { differenceInCalendarDays, format } from 'date-fns';
import { es } from 'date-fns/locale/es';
import { percent } from '../../support/format.js';
import type { FormatWords } from '../format.js';
import { icu } from './icu.js';

const HACE = icu('{days, plural, one {hace # día} other {hace # días}}');
const EN = icu('{days, plural, one {en # día} other {en # días}}');
const TARDE = icu('{days, plural, one {# día tarde} other {# días tarde}}');

const fecha = (moment: string | Date, pattern: string) => format(new Date(moment), pattern, { locale: es });

export const FORMAT_ES: FormatWords = {
  dateTime: (moment) => fecha(moment, 'EEE d MMM yyyy, HH:mm'),
  date: (moment) => fecha(moment, 'EEE d MMM yyyy'),
  daysAgo: (moment, now = new Date()) => {
    if (!moment) return 'nunca';
    const days = differenceInCalendarDays(now, new Date(moment));
    if (days === 0) return 'hoy';
    if (days === 1) return 'ayer';
    return days > 0 ? HACE({ days }) : EN({ days: -days });
  },
  lateness: (due, now = new Date()) => {
    const days = differenceInCalendarDays(now, new Date(due));
    if (days <= 0) return new Date(due) < now ? 'tarde hoy' : days === 0 ? 'hoy' : EN({ days: -days });
    return TARDE({ days });
  },
  soon: (moment, now = new Date(), options = {}) => {
    const date = new Date(moment);
    const days = differenceInCalendarDays(date, now);
    const day = days === 0 ? 'hoy' : days === 1 ? 'mañana' : days === -1 ? 'ayer'
      : fecha(date, date.getFullYear() === now.getFullYear() ? 'EEE d MMM' : 'EEE d MMM yyyy');
    return options.allDay ? day : `${day} ${format(date, 'HH:mm')}`;
  },
  share: (share) => (share === null ? '–' : `${percent(share)}\u00a0%`),
  minutes: (seconds) => {
    const minutes = seconds / 60;
    return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1).replace('.', ',')} min`;
  },
};
