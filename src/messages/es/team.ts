/** Lo que dicen los comandos del equipo cuando hicieron algo (team, handoff), y los encabezados de sus tablas. */
import type { TeamWords } from '../team.js';
import { FORMAT_ES } from './format.js';
import { icu } from './icu.js';

const PASARON = icu('{people, plural, one {# persona ahora tiene} other {# personas ahora tienen}}');
const SOLICITUDES = icu('{count, plural, one {# solicitud pendiente} other {# solicitudes pendientes}}');
const SEGUIMIENTOS = icu('{count, plural, one {# seguimiento pendiente} other {# seguimientos pendientes}}');

/** The roles as they are said; typed, and kept, as their codes. */
export const ROLES_ES: Record<string, string> = { organizer: 'organizador/a', lead: 'líder de equipo', director: 'director/a', admin: 'administrador/a' };
const rol = (role: string) => ROLES_ES[role] ?? role;

export const TEAM_ES: TeamWords = {
  teamMade: (admin) =>
    `El equipo quedó listo en este servidor, con ${admin.name} (usuario ${admin.login}) como ${rol('admin')}. Cada nota, reunión y persona que hay aquí es ahora suya; agrega organizadores con: oneonone team add NOMBRE --role organizer --login USUARIO`,
  organizerAdded: (organizer, madeLogin) => {
    const login = madeLogin
      ? `su usuario es ${organizer.login}, nuevo y todavía sin contraseña (ponle una con psql: \\password ${organizer.login})`
      : `su usuario es ${organizer.login}, que ya existía`;
    return `Agregaste a ${organizer.name} al equipo como ${rol(organizer.role)}${organizer.supervisor ? `, con ${organizer.supervisor} como su líder de equipo` : ''}; ${login}.`;
  },
  noTeam: 'Este servidor todavía no tiene equipo: prepáralo una vez, como su superusuario: oneonone team init "Tu Nombre"',
  roleChanged: (organizer, was) =>
    was === organizer.role
      ? `${organizer.name} ya es ${rol(organizer.role)}; no cambió nada.`
      : `${organizer.name} ahora es ${rol(organizer.role)} (antes: ${rol(was)}).`,
  removed: (organizer, to, people) =>
    `${organizer.name} ya no está en el equipo: ${PASARON({ people })} a ${to.name} como organizador/a; sus reuniones y notas conservan su nombre, y el usuario ${organizer.login} ya no puede leer nada aquí.`,
  introduction: (from, note) => `${from ? `Presentación de ${from}` : 'Presentación'}: ${note}`,
  handedOff: (h) => {
    const carried = h.carry
      ? `${SOLICITUDES({ count: h.asksMoved })} y ${SEGUIMIENTOS({ count: h.followUpsMoved })} pasaron con la persona`
      : 'sus solicitudes y seguimientos pendientes se quedan con quien los tiene';
    return [
      `${h.person} es ahora de ${h.to}${h.from ? ` (antes era de ${h.from})` : ''}; ${carried}.`,
      `  ${h.to} tiene la presentación como seguimiento F${h.introductionId}, para el ${FORMAT_ES.dateTime(h.introductionDue)}. Deshazlo con: oneonone undo`,
    ].join('\n');
  },
  knownToTeam: (person, owner) =>
    `El equipo ya conoce a ${person}: es una persona de ${owner}. Esta reunión será tuya, y ${owner} la va a ver; para quedarte con esta persona, pide que te la pasen con oneonone handoff.`,
  role: rol,
  listHead: ['organizador/a', 'rol', 'su líder de equipo', 'usuario'],
  you: ' (tú)',
  auditHead: ['cuándo', 'usuario', 'qué', 'detalle'],
  auditEntry: (what, detail) => ({ what: QUE[what] ?? what, detail: detail === null ? '' : detalle(what, detail) }),
};

/** What the database writes in the audit (src/store/postgres/team.ts's triggers), as it is said here. */
const QUE: Record<string, string> = {
  'organizer added': 'organizador/a agregado/a',
  'organizer removed': 'organizador/a fuera del equipo',
  'role changed': 'cambio de rol',
  handoff: 'traspaso',
  'person erased': 'persona borrada',
};

/** The trigger's detail in Spanish where its shape is known; anything else as the database wrote it. */
function detalle(what: string, detail: string): string {
  const added = what === 'organizer added' ? /^(.*) \(([^()]*)\) as (\w+)$/.exec(detail) : null;
  if (added) return `${added[1]} (${added[2]}) como ${rol(added[3]!)}`;
  const role = what === 'role changed' ? /^(.*): (\w+) to (\w+)$/.exec(detail) : null;
  if (role) return `${role[1]}: de ${rol(role[2]!)} a ${rol(role[3]!)}`;
  const handoff = what === 'handoff' ? /^(P\d+) from (.*) to (.*)$/.exec(detail) : null;
  if (handoff) return `${handoff[1]} de ${handoff[2] === 'nobody' ? 'nadie' : handoff[2]} a ${handoff[3]}`;
  if (what === 'person erased') return 'una persona (forget, merge o deshacer su alta)';
  return detail;
}
