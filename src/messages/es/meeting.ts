/** El reloj de la palabra en español: los recordatorios, el veredicto y las cuentas del resumen y de la pantalla. */
import type { PhaseMessage } from '../../meeting/phase.js';
import type { NoteTag } from '../../meeting/tags.js';
import type { ReflectingVerdict, TalkMark, TalkVerdict } from '../../meeting/talk.js';
import { formatCountdown, formatElapsed } from '../../support/format.js';
import { helpLines, live, noteTagLabel, reminderWords, shareLine, speakerLine, tagKeyHelp, wordsFor, type LiveWords, type TalkWords, type Words } from '../meeting.js';
import { FORMAT_ES } from './format.js';
import { notAChoiceWords, noteFlaggedWords, noteRewriteWords, privateMark } from '../sensitive.js';
import { icu } from './icu.js';

const share = '{share, number, ::percent}';
const goal = '{goal, number, ::percent}';

const VERDICTS: Words<TalkVerdict> = {
  'no-talk': () => 'No se registró tiempo de palabra.',
  listened: icu(`Escuchaste bien: hablaste el ${share}.`),
  'little-over': icu(`Hablaste el ${share}, un poco más de la meta del ${goal}. Déjale más espacio para hablar.`),
  'well-over': icu(`Hablaste el ${share}, bastante más de la meta del ${goal}. Haz preguntas abiertas y deja que los silencios trabajen.`),
  'twice-over': icu(`Hablaste el ${share}, más del doble de la meta del ${goal}. La próxima vez, pregunta y espera.`),
};

const REMINDER_SHARE = icu(`Llevas el ${share} de esta fase hablando tú. Haz una pregunta abierta y escucha.`);
const REMINDER_SECONDS = icu('{seconds, plural, one {Llevas # segundo} other {Llevas # segundos}} hablando sin pausa. Detente y devuélvele la conversación.');
const LONGEST_PAST = icu('Lo más que hablaste de corrido: {at}, más de los {limit} que permite esa fase. Detente antes y pregunta.');
const LONGEST_WITHIN = icu('Lo más que hablaste de corrido: {at} (esa fase permite {limit}).');
const MARKS = icu(
  'Marcado en esta fase: {questions, plural, one {# pregunta abierta} other {# preguntas abiertas}}, {reflections, plural, one {# reflejo} other {# reflejos}}.',
);
const REFLECTING_RATIO = icu(
  'Reflejos por pregunta: {reflections} por {questions}{hasRatio, select, yes { ({ratio, number, ::.0} a 1)} other {}}, {verdict}. (La entrevista motivacional cuenta 1 a 1 como aceptable y 2 a 1 como bueno.)',
);

const REFLECTING: Record<Exclude<ReflectingVerdict, 'none'>, string> = {
  good: 'bien: devolviste lo que escuchaste',
  fair: 'aceptable; devuelve más de lo que escuchas',
  below: 'menos reflejos que preguntas; después de una respuesta, devuelve lo que escuchaste antes de la siguiente pregunta',
};

export const TALK_ES: TalkWords = {
  verdict: (verdict) => wordsFor(VERDICTS, verdict, 'keys'),
  reminder: (reminder) => (reminder.kind === 'share' ? REMINDER_SHARE({ share: reminder.share }) : REMINDER_SECONDS({ seconds: reminder.seconds })),
  longestMonologue: (longest) => {
    if (longest === null) return 'Lo más que hablaste de corrido: nada registrado.';
    const values = { at: `${formatElapsed(longest.seconds * 1000)}, en la fase ${longest.position}. ${longest.title}`, limit: formatElapsed(longest.limitSeconds * 1000) };
    return longest.seconds > longest.limitSeconds ? LONGEST_PAST(values) : LONGEST_WITHIN(values);
  },
  marks: ({ questions, reflections }) => MARKS({ questions, reflections }),
  reflecting: (marks, verdict) => {
    if (marks === null) return undefined;
    if (verdict === 'none') return 'Reflejos por pregunta: ninguno marcado (q y r en la pantalla en vivo).';
    const { questions, reflections } = marks;
    return REFLECTING_RATIO({ reflections, questions, hasRatio: questions === 0 ? 'no' : 'yes', ratio: questions === 0 ? 0 : reflections / questions, verdict: REFLECTING[verdict] });
  },
};

/** "25 %": Spanish puts a no-break space before the sign, as the ICU messages above do. */
export const pct = (share: number | null) => FORMAT_ES.share(share ?? 0);

function timeLine(remainingMs: number): string {
  return remainingMs > 0 ? `quedan ${formatCountdown(remainingMs)}` : `TIEMPO EXTRA ${formatCountdown(remainingMs)}`;
}

const MARKED: Record<TalkMark, (values: { count: number }) => string> = {
  question: icu('Pregunta abierta contada ({count} en esta fase).'),
  reflection: icu('Reflejo contado ({count} en esta fase).'),
};

const PHASE_ES: Words<PhaseMessage> = {
  speaker: ({ speaker, talk }) => `${speakerLine(speaker)} ${shareLine(talk)}`,
  paused: () => 'En pausa. Presiona p para seguir.',
  'going-on': ({ remainingMs }) => `Seguimos: ${timeLine(remainingMs)}.`,
  'minute-added': ({ remainingMs }) => `Un minuto más: ${timeLine(remainingMs)}.`,
  help: ({ remainingMs, paused, talk, marks }) =>
    [...helpLines(marks === true), `Ahora: ${timeLine(remainingMs)}${paused ? ', en pausa' : ''}. ${shareLine(talk)}`].join('\n'),
  marked: ({ mark, count }) => MARKED[mark]({ count }),
  'note-opened': (_, typing) => `Nota: escríbela y presiona Enter. ${typing === 'keys' ? 'Esc la cancela.' : 'Una línea vacía la cancela.'}`,
  'ask-note-kind': (_, typing) => {
    const how = typing === 'keys' ? 'Presiona una tecla; Esc cancela.' : 'Escribe la letra o la palabra y presiona Enter; una línea vacía cancela.';
    return `¿Qué clase de nota es? ${tagKeyHelp().join('; ')}. ${how}`;
  },
  'note-cancelled': () => 'Nota cancelada.',
  noted: ({ tag, text, private: mine }) => `Anotado (${noteTagLabel(tag)}${mine ? `, ${privateMark()}` : ''}): ${text}`,
  'note-flagged': ({ terms, canKeepPrivate }, typing) => noteFlaggedWords(terms, canKeepPrivate, typing),
  'note-rewrite': ({ text }, typing) => noteRewriteWords(text, typing),
  'not-a-choice': ({ text, canKeepPrivate }) => notAChoiceWords(text, canKeepPrivate),
  'not-a-key': ({ char }) => `Aquí no hay tecla ${char}; presiona ? para ver la ayuda.`,
  'not-a-kind': ({ text }) => `No es una clase de nota: ${text}. ${tagKeyHelp().join('; ')}.`,
  'half-time': ({ remainingMs }) => `Mitad del tiempo: quedan ${formatCountdown(remainingMs)} en esta fase.`,
  'one-minute-left': () => 'Queda un minuto en esta fase.',
  'time-up': () => 'Se acabó el tiempo de esta fase; presiona n cuando estés listo/a.',
  reminder: ({ reminder }) => `${live().reminderLabel} ${reminderWords(reminder)}`,
  'phase-done': ({ elapsedMs, phaseShare }) => {
    const talked = phaseShare === null ? 'sin tiempo de palabra registrado' : `hablaste el ${pct(phaseShare)}`;
    return `Fase terminada después de ${formatElapsed(elapsedMs)}; ${talked}.`;
  },
};

/** The glossary's words (docs/glosario.md); the keys stay the English letters, for shared training and muscle memory. */
const TAG_LABELS_ES: Record<NoteTag, string> = {
  value: 'valor',
  interest: 'interés propio',
  motivation: 'motivación',
  issue: 'tema',
  skill: 'habilidad',
  capacity: 'capacidad',
  story: 'historia compartida',
  'lead-in': 'pista',
  note: 'nota',
};

const MORE_OF_GUIDE = icu('… {hidden, plural, one {# línea más} other {# líneas más}} de la guía: agranda la ventana para verlas');

export const LIVE_ES: LiveWords = {
  phase: PHASE_ES,
  tagLabels: TAG_LABELS_ES,
  heading: (position, title, phaseCount) => `Fase ${position} de ${phaseCount}: ${title}`,
  speaker: (speaker) =>
    speaker === 'organizer'
      ? 'Hablas tú. Presiona espacio cuando termines.'
      : 'Habla la otra persona. Presiona espacio cuando empieces a hablar.',
  share: (talk) =>
    `Hablaste el ${pct(talk.phaseShare)} de esta fase y el ${pct(talk.meetingShare)} de la reunión (la meta: ${pct(talk.maxTalkShare)} como máximo).`,
  reminderLabel: 'Recordatorio:',
  keys: ['n siguiente fase', 'espacio o t quién habla', 'p pausa', '+ un minuto más', 'a nota', '? ayuda', 'Ctrl-C parar (queda como borrador)'],
  markKeys: ['q pregunta abierta', 'r reflejo'],
  helpLines: [
    'n      termina esta fase y pasa a la siguiente (el reloj nunca termina una fase por ti)',
    'espacio  o t: presiona cuando empiezas a hablar y otra vez cuando terminas (el reloj 80/20)',
    'p      pausa los dos relojes; presiona otra vez para seguir',
    '+      dale a esta fase un minuto más',
    'a      escribe una nota rápida; Enter y luego una tecla para su clase; Esc cancela; los relojes siguen',
    'Procura hablar como máximo el 20\u00a0% de la reunión: haz preguntas abiertas y escucha.',
  ],
  markHelpLines: [
    'q      hiciste una pregunta abierta (se cuenta; los relojes siguen)',
    'r      devolviste lo que escuchaste (se cuenta; procura dos reflejos por cada pregunta)',
  ],
  screen: {
    keysLabel: 'Teclas:',
    tips: 'Consejos',
    ask: 'Pregunta',
    listenFor: (labels) => `Escucha: ${labels.join(', ')}`,
    moreOfGuide: (hidden) => MORE_OF_GUIDE({ hidden }),
    countdown: (remaining, target) => `${remaining} de ${target}`,
    paused: 'EN PAUSA',
    pressToGoOn: 'presiona p para seguir',
    oneMinuteLeft: 'QUEDA UN MINUTO',
    wrapUp: ' - empieza a cerrar esta fase.',
    overtime: (over) => `TIEMPO EXTRA ${over}`,
    whenReady: ' - presiona n cuando estés listo/a.',
    keepRewritten: 'Enter la deja como quedó (se revisa otra vez)',
    chooseKind: 'Enter elige la clase de nota',
    escCancel: 'Esc cancela',
    noteLine: (text) => `Nota: ${text}`,
    whatKind: '¿Qué clase de nota es? Presiona una tecla.',
    rewriteHint: 'Vuelve a escribir la nota; Enter la deja como quede (se revisa otra vez).',
    done: (heading, elapsed, share) =>
      `${heading} - terminada después de ${elapsed}, ${share === null ? 'sin tiempo de palabra registrado' : `hablaste el ${pct(share)}`}.`,
    plainIntro: (heading, planned) => `${heading}. ${planned} planeados.`,
    purpose: (text) => `Propósito: ${text}`,
    tip: (text) => `Consejo: ${text}`,
    question: (text) => `Pregunta: ${text}`,
    typeThenEnter: ' Escribe una tecla y presiona Enter.',
  },
};
