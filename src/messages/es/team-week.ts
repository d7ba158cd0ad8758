/** La revisión semanal del equipo (team week) y la meta semanal (team goal), en español. */
import type { TeamWeekWords } from '../team-week.js';
import { icu } from './icu.js';
import { ROLES_ES } from './team.js';

const FALTAN = icu('{short, plural, one {le falta # para la meta de {goal}} other {le faltan # para la meta de {goal}}}');

const UNO_A_UNO = icu('{count, plural, one {# reunión uno a uno} other {# reuniones uno a uno}}');
const SEMANAS = icu('{weeks, plural, one {la última semana} other {las últimas # semanas}}');

export const TEAM_WEEK_ES: TeamWeekWords = {
  standing: (standing, current) => {
    switch (standing.kind) {
      case 'none':
        return current ? 'ninguna reunión uno a uno esta semana' : 'ninguna reunión uno a uno esa semana';
      case 'no-goal':
        return 'sin meta semanal';
      case 'on-goal':
        return standing.over > 0 ? `cumple la meta, ${standing.over} de más` : 'cumple la meta';
      case 'short':
        return `${FALTAN({ short: standing.short, goal: standing.goal })}${current ? ' por ahora' : ''}`;
    }
  },
  talkOver: (share, line) => `; habla el ${share}, por encima de la línea del ${line}`,
  head: {
    organizer: 'organizador/a',
    week: 'semana',
    oneOnOnes: 'uno a uno / meta',
    talk: 'habla',
    asks: 'solicitudes / sí / cumplidas',
    broughtIn: 'personas nuevas',
    ladder: 'escalera sube / baja',
    overdue: 'atrasados',
    verdict: 'cómo va',
  },
  weekTitle: (label, monday, sunday, current) => `Semana ${label}, del ${monday} al ${sunday}${current ? ' (esta semana)' : ''}`,
  organizerTitle: (name, role, weeks) => `${name} (${ROLES_ES[role] ?? role}), ${SEMANAS({ weeks })}`,
  talkFootnote:
    'habla: la mediana de cuánto habló en sus reuniones uno a uno con el tiempo de palabra medido (oneonone start lo mide; log no); – donde no hubo ninguna.',
  nobody: (current) => `${current ? 'Todavía no hay' : 'No hay'} nadie en el equipo cuya semana puedas ver.`,
  goalSet: (change) => {
    const whose = change.organizer === undefined ? 'La meta semanal del equipo' : `La meta semanal de ${change.organizer}`;
    const was = change.was === null ? '' : change.was === change.weekly ? ' (sin cambios)' : ` (antes: ${change.was})`;
    const rest = change.organizer === undefined ? '; quien tiene una meta propia la conserva' : '';
    return `${whose} es ahora de ${UNO_A_UNO({ count: change.weekly })} a la semana${was}${rest}. Mira la semana con: oneonone team week`;
  },
};
