/** Lo que `undo` deshizo, en español. */
import type { UndoWords } from '../undo.js';

const sobre = (person: string | null) => (person ? ` (${person})` : '');

export const UNDO_ES: UndoWords = {
  what: {
    log: (_, person) => `la reunión uno a uno registrada con ${person ?? 'alguien'}`,
    start: (_, person, meetingId) => `la reunión uno a uno con ${person ?? 'alguien'}${meetingId ? ` (reunión M${meetingId})` : ''}`,
    done: (d, person) => `el cierre de ${d.item ?? 'un seguimiento'}${sobre(person)}`,
    snooze: (d, person) => `el cambio de fecha de ${d.item ?? 'un recordatorio'}${sobre(person)}`,
    cadence: () => 'el cambio de cada cuánto se ve a cada peldaño',
    edit: (d, person) => `la corrección de ${d.item ?? 'un registro'}${sobre(person)}`,
    merge: (d, person) => `la unión de ${d.from ?? 'un duplicado'} con ${person ?? 'alguien'}`,
    import: (d) => `la importación de ${d.file ?? 'un archivo'}`,
    delete: (d, person) => `el borrado de ${d.item ?? 'un registro'}${sobre(person)}`,
    discard: (d, person) => `el descarte del borrador M${d.meeting ?? '?'}${person ? ` con ${person}` : ''}`,
    handoff: (d, person) => `el traspaso de ${person ?? 'alguien'} a ${d.to ?? 'otro/a organizador/a'}`,
    forget: () => 'un forget',
  },
  made: (what, when) => `${what}, hecho el ${when}`,
  undid: (words) => `Se deshizo ${words}.`,
};
