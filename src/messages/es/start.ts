/** Lo que dice `start` antes, alrededor y después de las fases: la preparación, la tarjeta, la confirmación de fechas y el resumen. */
import { format } from 'date-fns';
import { es } from 'date-fns/locale/es';
import type { AskWords, CardWords, StartWords, SummaryWords } from '../start.js';
import { FORMAT_ES } from './format.js';
import { icu } from './icu.js';

/** "el jueves 10 de diciembre de 2026, 19:00": read back in full, as it would be said. */
function dichoEntero(moment: Date): string {
  return format(moment, "EEEE d 'de' MMMM 'de' yyyy, HH:mm", { locale: es });
}

const REUNIONES_ANTES = icu('{meetings, plural, one {# reunión antes} other {# reuniones antes}}');
const NOTAS = icu('Notas guardadas: {count}');
const FASES = icu('{phases, plural, one {# fase} other {# fases}}');

const CARD_ES: CardWords = {
  heading: (named, rung, potential) => `${named} — ${rung}${potential ? `, potencial de liderazgo ${potential}/5` : ''}`,
  lastMet: (when, meetings, referredBy) =>
    `Última reunión: ${when} · ${REUNIONES_ANTES({ meetings })}${referredBy ? ` · su nombre te lo dio ${referredBy}` : ''}`,
  daysAgo: FORMAT_ES.daysAgo,
  heardBefore: 'Lo que escuchaste antes',
  lastAsk: (text, due, outcome, result) =>
    `Última solicitud: ${text}${due ? ` (para el ${due})` : ''} — ${outcome ?? 'sin respuesta registrada'}${result ? `, ${result}` : ''}`,
  openFollowUp: (id, text, due) => `Seguimiento pendiente F${id}: ${text} — ${due}`,
  when: FORMAT_ES.dateTime,
};

const SUMMARY_ES: SummaryWords = {
  saved: (meetingId, person) => `Reunión M${meetingId} con ${person} — guardada`,
  tableHeading: '  Fase                        plan     real     hablaste',
  skipped: 'saltada',
  overShare: (limit) => ` más de su ${limit}`,
  limit: (limit) => ` (límite ${limit})`,
  wholeMeeting: 'Toda la reunión',
  share: FORMAT_ES.share,
  talk: (verdict) => `Palabra: ${verdict}`,
  rule: (ruleGoal, goal) =>
    `(La regla 80/20 dice que hables como máximo el ${ruleGoal}; las fases de esta guía permiten el ${goal} en total, según el tiempo planeado.)`,
  noAsk: 'Solicitud: esta vez no hubo.',
  ask: (id, text, due, outcome) => `Solicitud A${id}: ${text}${due ? ` — para el ${due}` : ''} — ${outcome ?? 'sin respuesta todavía'}`,
  followUp: (id, text, due) => `Seguimiento F${id}: ${text} — ${due}`,
  rung: (before, after, potential) =>
    `Peldaño: ${before === after ? `sigue en ${after}` : `${before} → ${after}`}${potential ? ` · potencial de liderazgo ${potential}/5` : ''}`,
  connected: (names) => `Te conectó con: ${names.join(', ')}`,
  notesKept: (count) => NOTAS({ count }),
};

const ASK_ES: AskWords = {
  number: 'Número',
  typeANumber: (most) => `Escribe un número del 1 al ${most}.`,
  numbersToDrop: 'Números que quitar, separados por espacios (Enter los deja todos): ',
  typeNumbers: (most) => `Escribe números del 1 al ${most}, o solo Enter.`,
  typeAName: '(escribe un nombre)',
  whichOne: '¿Cuál?',
  oneLetter: 'Escribe al menos una letra del nombre.',
  yesNoDefaultYes: '[S/n]',
  yesNoDefaultNo: '[s/N]',
  yes: ['s', 'si', 'sí', 'y', 'yes'],
  no: ['n', 'no'],
  typeYesOrNo: 'Escribe s o n.',
};

export const START_ES: StartWords = {
  goals: {
    recruitment: { name: 'reclutar', description: 'conocer a la persona e invitarla a participar' },
    maintenance: { name: 'mantener', description: 'que alguien siga participando; profundizar la relación' },
    escalation: { name: 'subir un peldaño', description: 'pedirle a alguien que ya participa que asuma más' },
  },
  meetingFor: '¿Para qué es esta reunión? (dilo en voz alta al empezar)',
  howLong: '¿Cuánto tiempo van a reunirse?',
  plannedAsk: 'La solicitud que piensas hacer, si ya la sabes (Enter para saltar):',
  ready: (phases, length) => `¿Listo/a? ${FASES({ phases })}, ${length}. ¿Empezamos la primera fase?`,
  prepared: ({ id, personName }) => `Preparada y guardada como borrador M${id}. Cuando llegue ${personName}: oneonone start --resume ${id}`,
  unfinished: ({ id, personName }) =>
    `(Una reunión sin terminar con ${personName} está guardada como borrador M${id}; oneonone start --resume ${id} la continúa.)`,
  whoAreYouMeeting: '¿Con quién te vas a reunir?',
  addNew: (name) => `Agregar a "${name}" como persona nueva`,
  newcomer: (name) => `${name} todavía no está en el registro. ¿Cómo conseguiste su nombre?`,
  sources: { referral: 'Alguien me dio su nombre', event: 'Nos conocimos en un evento o una reunión', other: 'De otra manera' },
  whichEvent: '¿En qué evento?',
  howGotName: '¿Cómo conseguiste su nombre? (Enter para saltar)',
  whoReferred: '¿Quién te dio su nombre?',
  addReferrer: (name) => `Agregar a "${name}"`,
  whichGuide: '¿Qué guía de reunión?',
  length: (minutes) => FORMAT_ES.minutes(minutes * 60),
  resumingAt: ({ id, personName }, phase, left) => `Continuamos la reunión M${id} con ${personName} en la fase ${phase} (${left}).`,
  resumingDebrief: ({ id, personName }) => `Continuamos la reunión M${id} con ${personName} en el repaso.`,
  timeLeft: (left) => `quedan ${left}`,
  timeOver: (over) => `ya ${over} de más`,
  offline: (reason) => `(${reason}: la reunión corre en esta computadora y se envía cuando se pueda llegar al servidor.)`,
  cannotReferThemselves: (name) => `No se guardó: ${name} no puede ser quien te dio su propio nombre.`,
  addATime: (answer) => `Agrega también una hora, por ejemplo "${answer} a las 6 pm": una solicitud específica dice cuándo, no solo qué día.`,
  readBack: (moment) => `Es el ${dichoEntero(moment)}. ¿Correcto?`,
  discarded: ({ id, personName }, prepared) =>
    `Borrador M${id} con ${personName} descartado (preparado el ${FORMAT_ES.dateTime(prepared)}). Para recuperarlo: oneonone undo`,
  stoppedBefore: 'se detuvo antes de empezar la reunión; no se guardó nada de ella',
  stopped: ({ id, personName }) =>
    `se detuvo: la reunión con ${personName} está guardada como borrador M${id}; para continuarla: oneonone start --resume ${id}`,
  needsTerminal: {
    message: 'oneonone start necesita una terminal: hace preguntas y lleva relojes en vivo',
    hint: 'para registrar una reunión sin preguntas usa: oneonone log "Nombre" --value … --ask … (mira oneonone log --help), o corre start en una terminal',
  },
  runningElsewhere: ({ id, personName }, pid) => `la reunión M${id} con ${personName} está abierta en otra terminal (proceso ${pid})`,
  carryOnThere: 'sigue en esa terminal; si ya no está, ciérrala (o termina ese proceso) y vuelve a continuarla',
  endItThere: 'termínala allá primero',
  noDraft: { message: 'no hay ninguna reunión sin terminar para continuar', hint: 'empieza una con: oneonone start' },
  resumeAsPlanned: (given) => `--resume continúa una reunión tal como se planeó: quita ${given.join(', ')}`,
  aPerson: 'a la persona',
  noDraftCalled: (input) => ({ message: `no hay ninguna reunión sin terminar M${input}`, hint: 'continúa la más reciente con: oneonone start --resume' }),
  card: CARD_ES,
  summary: SUMMARY_ES,
  asking: ASK_ES,
};
