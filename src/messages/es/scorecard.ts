/** La autoevaluación de la reunión en español: lo que cumpliste, lo que faltó con su consejo, la lista del cierre y `review`. */
import type { ScoreItem } from '../../meeting/scorecard.js';
import { format } from 'date-fns';
import { es } from 'date-fns/locale/es';
import { formatElapsed } from '../../support/format.js';
import type { ItemWords, ScorecardWords } from '../scorecard.js';
import { icu } from './icu.js';

const ITEMS: Record<ScoreItem, ItemWords> = {
  purpose: {
    done: 'dijiste por qué se reunían y cómo conseguiste su nombre',
    missing: 'no dijiste por qué se reunían ni cómo conseguiste su nombre',
    tip: 'Empieza con tu credencial ("Mi amiga Juana me dijo que tienes muy buenas ideas sobre la escuela").',
  },
  interest: {
    done: 'escuchaste un interés propio',
    missing: 'no anotaste ningún interés propio',
    tip: 'Pregúntale qué está en juego para su vida ("¿Qué cambiaría para tu familia si…?").',
  },
  value: {
    done: 'escuchaste un valor',
    missing: 'no anotaste ningún valor',
    tip: 'Escucha lo que le importa y anótalo con sus propias palabras.',
  },
  'their-story': {
    done: 'escuchaste su historia',
    missing: 'no escuchaste su historia',
    tip: 'Pregúntale qué experiencias o decisiones marcaron su vida, y escucha.',
  },
  'your-story': {
    done: 'compartiste tu historia',
    missing: 'no compartiste tu propia historia',
    tip: 'Comparte un poco de la tuya, en pocas palabras: una relación va en los dos sentidos.',
  },
  agitation: {
    done: 'agitaste',
    missing: 'no agitaste',
    tip: 'Nombra la distancia entre lo que valora y cómo están las cosas ("¿Por qué no has hecho algo al respecto?").',
  },
  'specific-ask': {
    done: 'hiciste una solicitud específica con día y hora',
    missing: 'no hubo ninguna solicitud con día y hora',
    tip: 'Que tenga fecha y se pueda cumplir ("la reunión de inquilinos, el jueves a las 7 de la noche").',
  },
  barriers: {
    done: 'preguntaste qué se le podría atravesar',
    missing: 'no preguntaste qué le podría impedir cumplir',
    tip: 'Pregunta qué se le podría atravesar y cómo puedes ayudar a quitarlo (un aventón, quién cuide a los niños, un recordatorio).',
  },
  pivot: {
    done: 'respondiste a un no con una solicitud más pequeña',
    missing: 'un no se quedó sin una solicitud más pequeña',
    tip: 'Un no es normal; ofrece una solicitud más pequeña, o acuerden un seguimiento para retomarlo.',
  },
  referral: {
    done: 'preguntaste con quién más deberías hablar',
    missing: 'no preguntaste con quién más deberías hablar',
    tip: 'Cierra preguntando "¿Con quién más debería hablar?"; así se teje la red.',
  },
  'follow-up': {
    done: 'acordaste un seguimiento',
    missing: 'no acordaste ningún seguimiento',
    tip: 'Di claramente cómo le vas a dar seguimiento ("Te llamo el lunes para recordártelo").',
  },
  'talk-share': {
    done: 'hablaste dentro de los límites de la guía',
    missing: 'hablaste más de lo que permite la guía',
    tip: 'Escucha más de lo que hablas (80/20); haz una pregunta abierta y espera.',
  },
  monologue: {
    done: 'nunca hablaste demasiado tiempo de corrido',
    missing: 'hablaste demasiado tiempo de corrido',
    tip: 'Devuélvele la conversación; después de un minuto, más o menos, termina con una pregunta.',
  },
};

const TALK_SHARE = icu('como máximo el {share, number, ::percent}, en {phase}; su límite, el {limit, number, ::percent}');
const SKIPPED = icu('{done} en {met} de {of, plural, one {# reunión en la que} other {# reuniones en las que}} aplicaba.');

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const SCORECARD_ES: ScorecardWords = {
  items: ITEMS,
  title: 'Autoevaluación',
  score: (met, of) => `${met} de ${of}`,
  shown: (score) => `autoevaluación ${score}`,
  kept: (done) => `Cumpliste: ${done.join('; ')}.`,
  missed: (text, tip) => `${text}. Consejo: ${tip}`,
  talkShare: (detail) => TALK_SHARE(detail),
  monologue: ({ seconds, phase, limit }) => `${formatElapsed(seconds * 1000)} en ${phase}; su límite, ${formatElapsed(limit * 1000)}`,
  noScorecard: 'Sin autoevaluación: esta reunión se registró antes de que oneonone las guardara.',
  checklistQuestion: '¿Cuáles de estas hiciste? (espacio marca, Enter confirma; si no hiciste ninguna, está bien)',
  checklistPlain: 'Números a marcar, separados por espacios (Enter si ninguno): ',
  checklist: {
    purpose: 'Dije por qué nos reuníamos y cómo conseguí su nombre',
    'their-story': 'Escuché su historia (lo que marcó su vida)',
    barriers: 'Pregunté qué se le podría atravesar para cumplir la solicitud',
    referral: 'Pregunté con quién más debería hablar',
  },
  reflectionQuestion: '¿Qué harías diferente la próxima vez? (Enter para omitir)',
  reviewHeading: (meeting, person, when, score) => `${meeting} con ${person}, ${when}${score === null ? '' : `: ${score}`}`,
  when: (moment) => format(new Date(moment), 'EEE d MMM yyyy, HH:mm', { locale: es }),
  day: (moment) => format(new Date(moment), 'EEE d MMM yyyy', { locale: es }),
  reviewLater: (meeting) => `Para verla de nuevo y agregar a tu reflexión: oneonone review ${meeting}`,
  reflectionHeading: 'Lo que harías diferente',
  coachNoteHeading: (coach, day) => `Una nota de quien te acompaña, ${coach} (${day})`,
  noReflection: (meeting) => `Todavía no hay reflexión. Agrega una: oneonone review ${meeting} --add "…"`,
  reflectionAdded: (meeting) => `Se agregó a tu reflexión sobre ${meeting}.`,
  skippedHabit: (done, met, of) => SKIPPED({ done: capital(done), met, of }),
  reviewRefusals: {
    'not-a-meeting': (input) => ({ message: `"${input}" no es una reunión: escríbela como M12`, hint: 'oneonone review M12 (los números están en oneonone show "Nombre")' }),
    'none-yet': () => ({
      message: 'todavía no hay ninguna reunión para repasar',
      hint: 'ten una con oneonone start "Nombre", o registra una con oneonone log "Nombre"',
    }),
    'no-such-meeting': (meeting) => ({ message: `no hay ninguna reunión ${meeting}`, hint: 'las reuniones y sus números están en oneonone show "Nombre"' }),
    'not-over': (meeting) => ({
      message: `${meeting} todavía no termina: su autoevaluación llega al final`,
      hint: `termínala con: oneonone start --resume ${meeting.slice(1)}`,
    }),
  },
};
