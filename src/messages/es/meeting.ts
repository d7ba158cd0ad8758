/** El reloj de la palabra en español: los recordatorios, el veredicto y las cuentas del resumen y de la pantalla. */
import type { ReflectingVerdict, TalkVerdict } from '../../meeting/talk.js';
import { formatElapsed } from '../../support/format.js';
import { wordsFor, type TalkWords, type Words } from '../meeting.js';
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
