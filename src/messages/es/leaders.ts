/** Las palabras de `leaders` y `ladder` en español: la tabla de líderes, la escalera de participación y quién se movió. */
import type { LeadersWords } from '../leaders.js';
import { icu } from './icu.js';

const ROTOS = icu('{broken, plural, one {# incumplido} other {# incumplidos}}');
const EN_LA_ESCALERA = icu('{total, plural, one {# persona en la escalera.} other {# personas en la escalera.}}');
const MOVIMIENTOS = icu('{days, plural, one {Movimientos del último día:} other {Movimientos de los últimos # días:}}');
const SIN_REUNION = icu('{days, plural, one {sin reunión en # día} other {sin reunión en # días}}');

export const LEADERS_ES: LeadersWords = {
  head: ['lugar', 'id', 'nombre', 'peldaño', 'potencial', 'reuniones', 'última reunión', 'solicitudes / sí / cumplidas', 'trajo a', 'puntaje'],
  asks: (made, yes, kept, broken) => `${made} / ${yes} / ${kept}${broken ? ` (${ROTOS({ broken })})` : ''}`,
  score: (score) => score.toFixed(1).replace('.', ','),
  seeAll: 'velos todos con --json',
  filters: {
    atOrAbove: (rung) => `de ${rung} para arriba`,
    potential: (min) => `potencial ${min} o más`,
    assessed: (levels) => `evaluación ${levels.join(' o ')}`,
    stale: (days) => SIN_REUNION({ days }),
  },
  nobodyMatches: (filters) => `Nadie coincide (${filters.join(', ')}).`,
  nobodyYet: 'Todavía no hay nadie. Agrega a alguien con: oneonone log "Ana Ruiz"',
  ranked: (shown, total, more) =>
    'Ordenados por potencial de liderazgo, peldaño, compromisos cumplidos, personas que trajo cada quien y tiempo desde su última reunión contigo.' +
    (more === undefined ? '' : ` Se muestran los primeros ${shown} de ${total}; ve más con --limit ${more}.`),
  ladder: {
    head: ['peldaño', 'personas', ''],
    onTheLadder: (total) => EN_LA_ESCALERA({ total }),
    movesHeading: (days) => MOVIMIENTOS({ days }),
    nobodyMoved: 'nadie se movió.',
    movesHead: ['cuándo', 'quién', 'movimiento', 'de → a', 'por qué'],
    up: 'subió',
    down: 'bajó',
  },
};
