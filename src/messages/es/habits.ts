/** Los hábitos de `stats` en español: cómo escuchas y lo que la autoevaluación de tus últimas reuniones dice que cumples. */
import type { ReflectingVerdict } from '../../meeting/talk.js';
import { formatElapsed } from '../../support/format.js';
import type { HabitWords } from '../habits.js';
import { icu } from './icu.js';

const MEDIANA = icu('{meetings, plural, one {la mediana de # reunión} other {la mediana de # reuniones}}');
const REFLEJOS = icu(
  'Reflejos por pregunta abierta: {reflections} por {questions}{hasRatio, select, yes { ({ratio, number, ::.0} a 1)} other {}} en {meetings, plural, one {# reunión} other {# reuniones}}, {verdict}. La entrevista motivacional cuenta 1 a 1 como aceptable y 2 a 1 como bueno.',
);
const ULTIMAS = icu('{meetings, plural, one {Tus hábitos en tu última reunión con autoevaluación} other {Tus hábitos en tus últimas # reuniones con autoevaluación}}');

const VEREDICTO: Record<ReflectingVerdict, string> = { good: 'bueno', fair: 'aceptable', below: 'menos que aceptable', none: 'ninguno marcado' };

export const HABITS_ES: HabitWords = {
  title: 'Cómo escuchas',
  monologue: (longest) => {
    if (longest === null) return 'Lo más que hablaste de corrido: todavía sin medir (lo mide el reloj de la palabra de oneonone start).';
    return `Lo más que hablaste de corrido sin devolver la conversación: ${formatElapsed(longest.medianSeconds * 1000)} en una reunión típica (${MEDIANA({ meetings: longest.meetings })}), ${formatElapsed(longest.mostSeconds * 1000)} como máximo.`;
  },
  reflecting: ({ questions, reflections, verdict, meetings }) =>
    REFLEJOS({ reflections, questions, hasRatio: questions === 0 ? 'no' : 'yes', ratio: questions === 0 ? 0 : reflections / questions, meetings, verdict: VEREDICTO[verdict] }),
  labels: {
    purpose: 'dijiste tu propósito',
    interest: 'escuchaste un interés propio',
    value: 'escuchaste un valor',
    'their-story': 'escuchaste su historia',
    'your-story': 'contaste tu historia',
    agitation: 'agitaste',
    'specific-ask': 'solicitud con día y hora',
    barriers: 'preguntaste por obstáculos',
    pivot: 'solicitud menor tras un no',
    referral: 'preguntaste quién más',
    'follow-up': 'acordaste un seguimiento',
    'talk-share': 'hablaste dentro del límite',
    monologue: 'hablaste en tramos cortos',
  },
  scorecardTitle: (meetings) => (meetings === 0 ? 'Tus hábitos, según las autoevaluaciones' : ULTIMAS({ meetings })),
  noScorecards:
    'Ninguna reunión tiene autoevaluación todavía: haz tu próxima reunión uno a uno con oneonone start, o registra una con oneonone log --did purpose,their-story,referral.',
  figures: (met, applied) => `${met} de ${applied}`,
  notArisen: (labels) => `No se dio en estas reuniones, así que no cuenta: ${labels.join(', ')}.`,
  mostSkipped: 'Lo que más te saltaste:',
  noneSkipped: 'Cumpliste cada hábito que correspondía en estas reuniones.',
};
