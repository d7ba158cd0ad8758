/** Los pendientes de cada mañana en español: cada renglón, lo atrasado, las líneas alrededor de la tabla y del calendario, y lo que dicen done y snooze. */
import type { ActionWords, AgendaWords, AskResult } from '../agenda.js';
import { icu } from './icu.js';

const HACE = icu('{days, plural, one {hace # día} other {hace # días}}');
const DIAS = icu('{days, plural, one {# día} other {# días}}');
const ATRASADOS = icu('{count, plural, one {# atrasado} other {# atrasados}}');
const HOY = icu('{count} para hoy');
const PROXIMOS = icu('{count, plural, one {# próximo} other {# próximos}}');
const MAS = icu('{more, plural, one {y # persona más tiene pendiente} other {y # personas más tienen pendiente}} una reunión uno a uno — míralas todas con --all');
const ELEMENTOS = icu('{count, plural, one {Se guardó # pendiente} other {Se guardaron # pendientes}}');

const haceDias = (days: number) => (days <= 0 ? 'hoy' : days === 1 ? 'ayer' : HACE({ days }));
const resultado = (result: AskResult) => (result === 'kept' ? 'cumplida' : 'no cumplida');
const cumplio = (person: string, result: AskResult, text: string) => `${person} ${result === 'kept' ? 'cumplió' : 'no cumplió'} con "${text}"`;

/** Lo que se le pide a alguien antes del verbo: "¿Puedes venir…?", "Por favor, trae…", "que venga…" no se toca. */
const PETICION = /^(?:(?:puedes|podrías|podrias|quieres|te animas a)\s+|por favor,?\s+)/i;
/** Un infinitivo, quizá con pronombres pegados: "venir", "traerlos", "sumarte". */
const INFINITIVO = /^\p{L}*(?:ar|er|ir|ír)(?:me|te|se|lo|la|los|las|le|les|nos)*$/iu;

/**
 * La revisión como pregunta: "¿Cumplió Ana con venir a la reunión de inquilinos?". "Cumplir con" lleva bien
 * cualquier infinitivo que haya escrito quien organiza; si la solicitud no empieza con uno, va entre comillas:
 * '¿Cumplió Ana con "la vigilia del jueves"?'. Lo dicho a "tú" pasa a "su": "traer a tus vecinos" → "traer a sus vecinos".
 */
function revision(first: string, askText: string, outcome: 'yes' | 'maybe'): string {
  const ask = askText.trim().replace(/\s+/g, ' ').replace(/^[¿¡]+/, '').replace(/[.?!]+$/, '').replace(PETICION, '');
  const dijo = outcome === 'maybe' ? ' (dijo que tal vez)' : '';
  const [verbo = ''] = ask.split(' ');
  if (!INFINITIVO.test(verbo)) return `¿Cumplió ${first} con "${ask}"?${dijo}`;
  const resto = ask
    .replace(/^\S+/, verbo.toLowerCase().replace(/te$/, 'se'))
    .replace(/(?<!\p{L})tus(?!\p{L})/giu, 'sus')
    .replace(/(?<!\p{L})tu(?!\p{L})/giu, 'su');
  return `¿Cumplió ${first} con ${resto}?${dijo}`;
}

const ACTIONS_ES: ActionWords = {
  closed: (id, person, what) => `Cerraste F${id}: ${person}: ${what}.`,
  changeResult: (id, was, on, to) => `A${id} quedó registrada como ${resultado(was)} el ${on}. ¿Cambiarla a ${resultado(to)}?`,
  changed: (id, person, text, result, was) => `Cambiaste A${id}: ${cumplio(person, result, text)} (estaba registrada como ${resultado(was)}).`,
  checked: (id, person, text, result) =>
    result
      ? `Revisaste A${id}: ${cumplio(person, result, text)}. Cuenta en: oneonone leaders`
      : `Revisaste A${id}: ${person}, "${text}". Anota si cumplió con: oneonone done A${id} --kept (o --broken)`,
  dismissed: (id, person, due, rung, days) =>
    `Descartaste C${id}: la próxima reunión uno a uno con ${person} toca el ${due} (${rung}: cada ${DIAS({ days })}).`,
  movedFollowUp: (id, person, what, to) => `Moviste F${id} (${person}: ${what}) al ${to}.`,
  movedCheckIn: (id, person, text, to) => `Moviste la revisión A${id} (${person}: "${text}") al ${to}.`,
  movedCadence: ({ id, person, days, met, way, due, before, heldBackFrom }) => {
    const desde = (quien: string) => (met ? `de tu última reunión con ${quien}` : `de que agregaste a ${quien}`);
    const retenido = (quien: string) => (heldBackFrom === null ? '' : `: son ${DIAS({ days })} después ${desde(quien)}, más tarde que el ${heldBackFrom}`);
    if (way === 'same') return `C${id} sigue para el ${due}${retenido(person)}.`;
    const verbo = way === 'earlier' ? 'Adelantaste' : 'Pospusiste';
    return `${verbo} C${id}: la próxima reunión uno a uno con ${person} toca el ${due} (era el ${before})${retenido(person)}.`;
  },
};

export const AGENDA_ES: AgendaWords = {
  cadence: (first, rung, cadence) => {
    const cada = `${rung}, cada ${DIAS({ days: cadence.everyDays })}`;
    // Una llamada o tocar la puerta reinició el reloj: se dicen las dos cosas, para no confundirlo con una reunión.
    const contacto = cadence.daysSinceContact === null ? '' : `último contacto ${haceDias(cadence.daysSinceContact)}, `;
    if (cadence.daysSinceMet === null) return `Toca una primera reunión uno a uno con ${first} (${cada}; ${contacto}todavía no se reúnen)`;
    return `Toca una reunión uno a uno con ${first} (${cada}; ${contacto}${contacto ? 'última uno a uno' : 'última reunión'} ${haceDias(cadence.daysSinceMet)})`;
  },
  checkIn: revision,
  lateWhen: (daysLate, time) => `VENCIÓ ${daysLate === 0 ? `hoy ${time}` : HACE({ days: daysLate })}`,
  headers: ['id', 'cuándo', 'quién', 'qué'],
  cappedHint: 'acota con --days, --overdue o --person, o mira todo con --json',
  cadenceHeaders: ['peldaño', 'reunirse', 'lo fija'],
  cadenceCounts: (contacts) =>
    contacts
      ? 'El reloj vuelve a empezar con una reunión uno a uno o cualquier otro contacto (oneonone touch); para contar solo las reuniones uno a uno: oneonone followups --cadence counts=one-on-ones'
      : 'El reloj vuelve a empezar solo con una reunión uno a uno; para contar también llamadas y tocar puertas: oneonone followups --cadence counts=contacts',
  cadenceRow: (days, fromOther) => [`cada ${DIAS({ days })}`, fromOther ? 'other' : ''],
  moreDue: (more) => MAS({ more }),
  summary: (counts, firstId) => {
    const parts = [
      counts.late && ATRASADOS({ count: counts.late }),
      counts.today && HOY({ count: counts.today }),
      counts.later && PROXIMOS({ count: counts.later }),
    ].filter(Boolean);
    return `${parts.join(', ')}. Cierra uno con: oneonone done ${firstId}   Muévelo con: oneonone snooze ${firstId} "el próximo lunes"`;
  },
  empty: (window, person) => {
    if (person !== undefined) {
      if (window.kind === 'overdue') return `Nada atrasado con ${person}.`;
      if (window.kind === 'all') return `Nada pendiente con ${person}.`;
      return window.days === 0 ? `Nada pendiente con ${person} para hoy.` : `Nada pendiente con ${person} en los próximos ${DIAS({ days: window.days })}.`;
    }
    if (window.kind === 'overdue') return 'Nada atrasado. Vas al día.';
    if (window.kind === 'all') {
      return 'Nada pendiente: ni seguimientos, ni solicitudes por revisar, ni reuniones uno a uno que toquen. Registra una reunión con: oneonone log';
    }
    if (window.days === 0) return 'Nada para hoy y nada atrasado. Buen día para agendar una reunión uno a uno.';
    return `Nada para los próximos ${DIAS({ days: window.days })} y nada atrasado. Buen día para agendar una reunión uno a uno.`;
  },
  wroteCalendar: (count, file) => `${ELEMENTOS({ count })} en ${file} (solo tú puedes leerlo: tiene nombres de personas).`,
  savedCadence: (cadence) => `Cadencia guardada: ${cadence}.`,
  calendarName: 'oneonone pendientes',
  calendarWhat: { followup: 'Seguimiento', ask: 'Revisar una solicitud', cadence: 'Toca una reunión uno a uno' },
  calendarDescription: (what, person, id) =>
    `${what} con ${person}.\nCiérralo con: oneonone done ${id}\nMuévelo con: oneonone snooze ${id} "el próximo lunes"`,
  actions: ACTIONS_ES,
};
