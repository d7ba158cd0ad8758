/** Lo que dice una reunión cuando una nota, la agitación o una solicitud nombra una palabra delicada. */
import { SENSITIVE_TERMS } from '../../meeting/sensitive.js';
import type { SensitiveWhat, SensitiveWords, TeamSensitiveWords } from '../sensitive.js';

const quoted = (terms: readonly string[]) => terms.map((term) => `"${term}"`).join(', ');

const why = (terms: readonly string[]) =>
  terms.every((term) => SENSITIVE_TERMS.includes(term))
    ? 'la situación migratoria está más segura si no se escribe en ningún lado'
    : 'el equipo no guarda esas palabras en su registro compartido';

const WHAT_ES: Record<SensitiveWhat, { a: string; the: string }> = {
  note: { a: 'una nota', the: 'esta nota' },
  ask: { a: 'una solicitud', the: 'esta solicitud' },
  agitation: { a: 'la agitación', the: 'la agitación' },
  'follow-up': { a: 'un seguimiento', the: 'este seguimiento' },
  'rung-reason': { a: 'la razón de un peldaño', the: 'la razón del peldaño' },
  reflection: { a: 'tu reflexión', the: 'tu reflexión' },
};

const NO_TEAM = 'este servidor no tiene equipo, así que ninguna nota en él es privada';
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const SENSITIVE_ES: SensitiveWords = {
  quoted,
  why,
  what: WHAT_ES,
  choices: { private: 'dejarla privada (solo tú la vas a leer)', rewrite: 'volver a escribirla', send: 'enviarla tal cual' },
  flaggedQuestion: (terms, what, canKeepPrivate) => {
    const note = what === 'note' ? (canKeepPrivate ? '' : ` (${NO_TEAM})`)
      : ` (${WHAT_ES[what].a} no puede quedar privada: quien lea la reunión la lee)`;
    return `${capital(WHAT_ES[what].the)} nombra ${quoted(terms)}, y ${why(terms)}${note}. Antes de que vaya al servidor del equipo:`;
  },
  rewriteQuestion: 'Vuelve a escribirla (se revisa otra vez):',
  flaggedNoteLines: (text, terms, canKeepPrivate) => [
    `Nota: ${text}`,
    `Esta nota nombra ${quoted(terms)}, y ${why(terms)}.`,
    canKeepPrivate
      ? '¿La dejas privada, la vuelves a escribir o la envías tal cual? Presiona una tecla.'
      : `¿La vuelves a escribir o la envías tal cual? Presiona una tecla (${NO_TEAM}).`,
  ],
  escCancel: 'Esc cancela',
  noteFlagged: (terms, canKeepPrivate, typing, keys) => {
    const how = typing === 'keys' ? 'Presiona una tecla; Esc cancela la nota.' : 'Escribe la letra o la palabra y presiona Enter.';
    const none = canKeepPrivate ? '' : ` ${capital(NO_TEAM)}.`;
    return `Esta nota nombra ${quoted(terms)}, y ${why(terms)}.${none} ${keys}. ${how}`;
  },
  noteRewrite: (text, typing) =>
    typing === 'keys'
      ? `Vuelve a escribir la nota y presiona Enter (Retroceso borra desde el final; Esc cancela): ${text}`
      : `Escribe otra vez la nota y presiona Enter (decía: ${text}).`,
  notAChoice: (text, keys) => `Aquí eso no es una opción: ${text}. ${keys}.`,
  privateMark: 'solo tú la vas a leer',
};

/** Lo que dice `team words` de su lista y de una palabra agregada o quitada. */
export const TEAM_SENSITIVE_ES: TeamSensitiveWords = {
  from: { default: 'predeterminada', team: 'del equipo' },
  listHead: ['palabra', 'origen'],
  added: (term) =>
    `Agregaste "${term}" a las palabras sensibles del equipo: una nota, una agitación o una solicitud que la nombre ahora se detiene antes de salir de una computadora hacia este servidor.`,
  removed: (term) => `Quitaste "${term}" de las palabras sensibles del equipo.`,
};
