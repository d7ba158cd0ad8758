/** El acompañamiento en español: la nota de quien lidera un equipo sobre la reunión de alguien más, y dónde la lee quien la tuvo. */
import { format } from 'date-fns';
import { es } from 'date-fns/locale/es';
import type { CoachWords } from '../coach.js';
import { icu } from './icu.js';

const ROLES: Record<string, string> = { organizer: 'organizador/a', lead: 'líder de equipo', director: 'director/a', admin: 'administrador/a' };
const UNREAD = icu('{count, plural, one {# nota de acompañamiento} other {# notas de acompañamiento}} para ti, sin leer:');

export const COACH_ES: CoachWords = {
  refused: (why, meeting, me) => {
    const you = me ? `eres ${me.name}, ${ROLES[me.role] ?? me.role}` : 'no estás en el equipo';
    switch (why) {
      case 'not-on-team':
        return { message: `solo alguien del equipo puede acompañar una reunión (${you})`, hint: 'pídele a quien administra el equipo que te agregue (oneonone team add)' };
      case 'not-a-coach':
        return {
          message: `solo quien es líder de equipo, director/a o administrador/a puede acompañar una reunión (${you})`,
          hint: 'quien te lidera escribe notas sobre tus reuniones; las lees en oneonone followups y en oneonone review',
        };
      case 'unknown':
        return { message: `no hay ninguna reunión ${meeting} en el servidor`, hint: 'las reuniones y sus números están en oneonone show "Nombre"' };
      case 'own':
        return {
          message: `${meeting} es tu propia reunión: una nota de acompañamiento es para la reunión de alguien más`,
          hint: `repásala tú con: oneonone review ${meeting} --add "lo que harías diferente"`,
        };
      case 'not-led':
        return {
          message: `${meeting} no la tuvo nadie de tu equipo, así que no puedes acompañarla (${you})`,
          hint: 'quien lidera un equipo acompaña las reuniones de su gente (oneonone team list); director/a o administrador/a, las de cualquiera',
        };
    }
  },
  setup: {
    'no-team': {
      message: 'este servidor todavía no tiene equipo, y el acompañamiento es entre organizadores de un equipo',
      hint: 'créalo una vez, como superusuario del servidor: oneonone team init "Tu Nombre"',
    },
    'old-team': {
      message: 'este equipo se creó antes de que existieran las notas de acompañamiento',
      hint: 'pídele a quien administra el servidor que las agregue (oneonone team init las crea en un servidor nuevo)',
    },
    'empty-note': { message: 'la nota está vacía', hint: 'di lo que viste y qué probar la próxima vez: oneonone coach M12 --note "Muy buena credencial. La próxima, pregunta con quién más."' },
  },
  notInAFile: (location) => ({
    message: `el acompañamiento necesita un servidor de equipo: el registro es el archivo ${location}, que solo lees tú`,
    hint: 'se acompaña en el servidor PostgreSQL del equipo: --db postgres://… u ONEONONE_DB',
  }),
  notAMeeting: (input) => ({ message: `"${input}" no es una reunión: escríbela como M12`, hint: 'oneonone coach M12 --note "…" (los números están en oneonone show "Nombre")' }),
  sensitiveHint:
    'escríbela sin esas palabras (el registro necesita el tema, no la situación de la persona): una nota de acompañamiento la leen quien tuvo la reunión y todas las personas que supervisan su trabajo',
  coached: (held, organizer, meeting) =>
    `Nota guardada en ${held}, reunión de ${organizer}: aparece arriba de sus pendientes hasta que la lea en oneonone review ${meeting}.`,
  held: (meeting, person, heldAt) => `${meeting} con ${person} el ${format(new Date(heldAt), 'EEE d MMM yyyy', { locale: es })}`,
  unreadHeading: (count) => UNREAD({ count }),
  unreadLines: (coach, held, text, meeting) => [`${coach} sobre ${held}:`, `  ${text}`, `  léela con: oneonone review ${meeting}`],
  unreadRow: (coach, meeting, text) => `Nota de ${coach} sobre ${meeting}: ${text} (léela con: oneonone review ${meeting})`,
};
